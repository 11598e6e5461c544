import { DateInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { requiredText } from '../common';

export const OfficeForm = () => (
  <SimpleForm>
    <ReferenceInput source="districtId" reference="districts"><SelectInput optionText="name" validate={required()} /></ReferenceInput>
    <TextInput source="name" validate={requiredText(100)} />
    <TextInput source="nameEn" validate={requiredText(100)} />
    <DateInput source="withdrawnOn" />
  </SimpleForm>
);
