import { AbsenceReason } from '@community-grid/shared';
import { AutocompleteInput, DateInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput, useRecordContext } from 'react-admin';
import { enumChoices } from '../common';

// The last day is inclusive, as everywhere else: a one-day absence has the same first and last day.
const notBeforeStart = (value: string, values: Record<string, string>) =>
  value && values.validFrom && value < values.validFrom ? 'cg.validation.last_day_before_first' : undefined;

/** An absence is of one person; to record another person's, create a new one. */
export const AbsenceForm = () => {
  const record = useRecordContext();
  return (
    <SimpleForm>
      <ReferenceInput source="staffMemberId" reference="staffMembers">
        <AutocompleteInput optionText="name" validate={required()} disabled={Boolean(record?.id)} sx={{ minWidth: 300 }} />
      </ReferenceInput>
      <SelectInput source="reason" choices={enumChoices(AbsenceReason, 'AbsenceReason')} validate={required()} />
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validUntil" validate={[required(), notBeforeStart]} />
      <TextInput source="note" fullWidth />
    </SimpleForm>
  );
};
