import { Gender, RelationToHead, ResidentTag } from '@community-grid/shared';
import { AutocompleteInput, DateInput, ReferenceInput, required, SelectArrayInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { enumChoices, phone, requiredText, residentId } from '../common';
import { DatedFormHeader } from '../time/DatedViews';

export const ResidentForm = () => (
  <SimpleForm>
    <DatedFormHeader />
    <ReferenceInput source="householdId" reference="households">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <TextInput source="name" validate={requiredText(50)} />
    <SelectInput source="gender" choices={enumChoices(Gender, 'Gender')} validate={required()} />
    <DateInput source="birthDate" validate={required()} />
    <TextInput source="idNumber" validate={[required(), residentId]} />
    <TextInput source="phone" validate={phone} />
    <SelectInput source="relationToHead" choices={enumChoices(RelationToHead, 'RelationToHead')} validate={required()} />
    <SelectArrayInput source="tags" choices={enumChoices(ResidentTag, 'ResidentTag')} />
  </SimpleForm>
);
