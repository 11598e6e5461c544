import { RegistrationType } from '@community-grid/shared';
import { AutocompleteInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput, useRecordContext } from 'react-admin';
import { enumChoices, requiredText } from '../common';
import { DatedFormHeader } from '../time/DatedViews';

/** The head is chosen among the household's own residents, once it has some. */
const HeadInput = () => {
  const record = useRecordContext();
  if (!record?.id) return null;
  return (
    <ReferenceInput source="headResidentId" reference="residents" filter={{ householdId: record.id }}>
      <SelectInput optionText="name" />
    </ReferenceInput>
  );
};

export const HouseholdForm = () => (
  <SimpleForm>
    <DatedFormHeader />
    <ReferenceInput source="gridId" reference="grids">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <TextInput source="address" validate={requiredText(200)} fullWidth />
    <SelectInput source="registrationType" choices={enumChoices(RegistrationType, 'RegistrationType')} validate={required()} />
    <HeadInput />
  </SimpleForm>
);
