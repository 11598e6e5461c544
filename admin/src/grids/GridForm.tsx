import { ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { JsonInput, requiredText } from '../common';
import { DatedFormHeader } from '../time/DatedViews';

export const GridForm = () => (
  <SimpleForm>
    <DatedFormHeader />
    <ReferenceInput source="communityId" reference="communities" perPage={100} sort={{ field: 'code', order: 'ASC' }}>
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput source="code" validate={requiredText(20)} />
    <TextInput source="name" validate={requiredText(100)} />
    <JsonInput source="boundary" />
  </SimpleForm>
);
