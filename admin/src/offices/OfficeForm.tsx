import { ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { requiredText } from '../common';
import { DatedFormHeader } from '../time/DatedViews';

export const OfficeForm = () => (
  <SimpleForm>
    <DatedFormHeader />
    <ReferenceInput source="districtId" reference="districts">
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput source="name" validate={requiredText(100)} />
    <TextInput source="nameEn" validate={requiredText(100)} />
  </SimpleForm>
);
