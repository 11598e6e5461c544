import { ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { JsonInput, requiredText } from '../common';

export const GridForm = () => (
  <SimpleForm>
    <ReferenceInput source="communityId" reference="communities" perPage={50}><SelectInput optionText="name" validate={required()} /></ReferenceInput>
    <TextInput source="code" validate={requiredText(20)} />
    <TextInput source="name" validate={requiredText(100)} />
    <JsonInput source="boundary" />
  </SimpleForm>
);
