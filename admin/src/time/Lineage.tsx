import { Chip, Stack, Typography } from '@mui/material';
import { Labeled, Link, useLocaleState, useRecordContext, useResourceContext, useTranslate } from 'react-admin';

/** A predecessor or successor as the API lists it (code for communities and grids; offices have none). */
interface LineageUnit {
  id: string;
  code?: string | null;
  name: string;
  nameEn?: string | null;
  validFrom: string;
  validUntil: string | null;
}

/**
 * Lineage: the units whose territory this one took over, and those that took
 * over its territory, each with its validity.
 */
export const Lineage = ({ sources }: { sources: Array<[string, string]> }) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const day = (value?: string | null) => (value ? new Date(`${value}T00:00:00`).toLocaleDateString(locale) : '…');
  return (
    <Labeled label="cg.dated.lineage" fullWidth>
      <Stack gap={1} data-testid="lineage">
        {sources.map(([source, reference]) => (
          <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap" key={source}>
            <Typography variant="body2" sx={{ minWidth: 180 }}>
              {translate(`resources.${resource}.fields.${source}`)}
            </Typography>
            {(record[source] ?? []).length === 0 && <Typography variant="body2">—</Typography>}
            {((record[source] as LineageUnit[] | undefined) ?? []).map((unit) => (
              <Chip
                key={unit.id}
                size="small"
                clickable
                component={Link}
                to={`/${reference}/${unit.id}/show`}
                label={`${unit.code ? `${unit.code} ` : ''}${locale.startsWith('zh') ? unit.name : unit.nameEn} (${day(unit.validFrom)} – ${day(unit.validUntil)})`}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </Labeled>
  );
};
