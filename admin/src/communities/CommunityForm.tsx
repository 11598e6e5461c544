import { DateInput, ReferenceArrayInput, ReferenceInput, required, SelectArrayInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { phone, requiredText } from '../common';

export const CommunityForm = () => (
  <SimpleForm>
    <ReferenceInput source="districtId" reference="districts"><SelectInput optionText="name" validate={required()} /></ReferenceInput>
    <TextInput source="name" validate={requiredText(100)} />
    <TextInput source="nameEn" validate={requiredText(100)} />
    <DateInput source="establishedOn" validate={required()} />
    <DateInput source="dissolvedOn" />
    <TextInput source="address" fullWidth />
    <TextInput source="phone" validate={phone} />
    <ReferenceArrayInput source="predecessorOfficeIds" reference="offices"><SelectArrayInput optionText="name" /></ReferenceArrayInput>
  </SimpleForm>
);
