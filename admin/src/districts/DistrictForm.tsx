import { SimpleForm, TextInput } from 'react-admin';
import { requiredText } from '../common';

export const DistrictForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={requiredText(100)} />
    <TextInput source="nameEn" validate={requiredText(100)} />
    <TextInput source="code" validate={requiredText(12)} />
    <TextInput source="city" validate={requiredText(100)} />
  </SimpleForm>
);
