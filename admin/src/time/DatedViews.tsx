import { Alert, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import {
  ArrayField,
  AutocompleteInput,
  BooleanInput,
  CanAccess,
  CreateButton,
  Datagrid,
  DateInput,
  EditButton,
  ExportButton,
  FilterButton,
  Labeled,
  Link,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../common';
import { AsOfPicker } from './AsOfPicker';
import { CommandButton } from './CommandDialog';

/** The list filter that also shows units ended (or not yet started) on the day picked. */
export const includeEndedFilter = <BooleanInput source="includeEnded" key="includeEnded" />;

/** A unit list's toolbar: the day it is read as of, then react-admin's usual buttons. */
export const DatedListActions = () => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <AsOfPicker />
      <FilterButton />
      {hasCreate && <CreateButton />}
      <CanAccess action="export">
        <ExportButton />
      </CanAccess>
    </TopToolbar>
  );
};

/**
 * A unit's page toolbar. Edit is a correction of the version shown; a move or
 * any change from a date, and the end of the unit, are dated commands.
 */
export const DatedShowActions = ({ changeInputs }: { changeInputs: ReactNode }) => {
  const { hasEdit } = useResourceDefinition();
  return (
    <TopToolbar sx={{ alignItems: 'center' }} data-testid="record-actions">
      <AsOfPicker />
      {hasEdit && <EditButton />}
      {hasEdit && (
        <CanAccess action="change">
          <CommandButton mode="change">{changeInputs}</CommandButton>
        </CanAccess>
      )}
      {hasEdit && (
        <CanAccess action="end">
          <CommandButton mode="end" />
        </CanAccess>
      )}
    </TopToolbar>
  );
};

const useDay = () => {
  const [locale] = useLocaleState();
  return (day?: string | null) => (day ? new Date(`${day}T00:00:00`).toLocaleDateString(locale) : '');
};

/** Validity of the unit, and the day it is shown as of (with a warning outside its validity). */
export const ValidityField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const day = useDay();
  if (!record) return null;
  return (
    <Stack gap={1} data-testid="validity">
      <Typography variant="body2">
        {translate('cg.dated.valid_range', {
          from: day(record.validFrom),
          until: record.validUntil ? day(record.validUntil) : translate('cg.dated.still_valid'),
        })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('cg.as_of.read_as_of', {
          day: day(record.asOf),
          from: day(record.versionFrom),
          until: record.versionUntil ? day(record.versionUntil) : translate('cg.dated.still_valid'),
        })}
      </Typography>
      {record.validOnAsOf === false && (
        <Alert severity="warning" sx={{ py: 0 }}>
          {translate('cg.as_of.not_valid')}
        </Alert>
      )}
    </Stack>
  );
};

/**
 * Every version of the unit, oldest first: from, until (inclusive; empty while
 * it holds) and the dated attributes given as children (names, codes, the
 * parent it belonged to).
 */
export const VersionHistory = ({ children }: { children: ReactNode }) => (
  <Labeled label="cg.dated.history" fullWidth>
    <ArrayField source="history">
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="version-history" sx={{ '& td': { verticalAlign: 'top' } }}>
        <LocalDateField source="versionFrom" sortable={false} />
        <LocalDateField source="versionUntil" sortable={false} emptyText="—" />
        {children}
      </Datagrid>
    </ArrayField>
  </Labeled>
);

/** A version's parent (an office, a community, a grid or a household): its id and the text fields shown of it. */
type VersionParent = { id: string } & Record<string, string>;

/** A parent a version belonged to (read as of the version's first day), linked to its page. */
// `label` is read by react-admin from the element (Datagrid's column header), not by the component.
export const VersionParentField = ({
  source,
  reference,
  show,
}: {
  source: string;
  reference: string;
  label: string;
  show: (parent: VersionParent) => string;
}) => {
  const version = useRecordContext();
  const parent = source.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], version) as
    VersionParent | undefined;
  if (!parent) return <span>—</span>;
  return (
    <Link to={`/${reference}/${parent.id}/show`} onClick={(event: { stopPropagation(): void }) => event.stopPropagation()}>
      {show(parent)}
    </Link>
  );
};
VersionParentField.displayName = 'VersionParentField';

/**
 * The new parent in a change dialog, among the records valid on the change's
 * effective date (not on the day the page shows).
 */
export const ParentOnDayInput = ({
  source,
  reference,
  label,
  optionText,
  autocomplete,
  sortBy = 'code',
}: {
  source: string;
  reference: string;
  label: string;
  optionText: (record: VersionParent) => string;
  autocomplete?: boolean;
  sortBy?: string;
}) => {
  const effectiveOn = useWatch({ name: 'effectiveOn' });
  return (
    <ReferenceInput
      source={source}
      reference={reference}
      perPage={autocomplete ? 25 : 100}
      queryOptions={{ meta: { asOf: effectiveOn } }}
      sort={autocomplete ? undefined : { field: sortBy, order: 'ASC' }}
    >
      {autocomplete ? (
        <AutocompleteInput optionText={optionText} label={label} sx={{ minWidth: 400 }} />
      ) : (
        <SelectInput optionText={optionText} label={label} />
      )}
    </ReferenceInput>
  );
};

/**
 * On a create form, the first day of validity (default today on the server);
 * on an edit form, a reminder that saving corrects the version shown.
 */
export const DatedFormHeader = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const day = useDay();
  if (!record?.id) return <DateInput source="validFrom" helperText="cg.dated.valid_from_help" />;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="correction-note">
      {translate('cg.dated.correction', {
        from: day(record.versionFrom),
        until: record.versionUntil ? day(record.versionUntil) : translate('cg.dated.still_valid'),
      })}
    </Alert>
  );
};
