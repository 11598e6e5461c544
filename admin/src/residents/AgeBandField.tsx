import { AGE_BAND_YEARS } from '@community-grid/shared';
import { FunctionField, useCanAccess, useTranslate } from 'react-admin';

interface AgeBand {
  bornFrom: string;
  bornUntil: string;
  minAge: number;
  maxAge: number;
}

/** "1985–1989 (36–41)": the birth cohort and the ages it spans on the day shown. */
export const AgeBandField = (_props: { source?: string; label?: string; sortBy?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="ageBand"
      render={(record: { ageBand?: AgeBand | null }) =>
        record.ageBand
          ? translate('cg.age_band.value', {
              from: record.ageBand.bornFrom.slice(0, 4),
              until: record.ageBand.bornUntil.slice(0, 4),
              min: record.ageBand.minAge,
              max: record.ageBand.maxAge,
            })
          : ''
      }
    />
  );
};

/** Whether the user sees birth dates; without the right to reveal personal data, only age bands. */
export const useSeesBirthDates = () => useCanAccess({ resource: 'residents', action: 'birthDates' }).canAccess === true;

/** Age bands for a filter: the first day of each (from) or its last day (until), newest first. */
export function ageBandChoices(today: string, end: boolean): Array<{ id: string; name: string }> {
  const last = Math.floor(Number(today.slice(0, 4)) / AGE_BAND_YEARS) * AGE_BAND_YEARS;
  const choices = [];
  for (let first = last; first >= 1900; first -= AGE_BAND_YEARS) {
    const until = first + AGE_BAND_YEARS - 1;
    choices.push({ id: end ? `${until}-12-31` : `${first}-01-01`, name: `${first}–${until}` });
  }
  return choices;
}

/** A band as one CSV cell: 1985–1989. */
export const ageBandText = (record: { ageBand?: AgeBand | null }) =>
  record.ageBand ? `${record.ageBand.bornFrom.slice(0, 4)}–${record.ageBand.bornUntil.slice(0, 4)}` : '';
