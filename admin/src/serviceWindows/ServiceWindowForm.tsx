import { ServiceWindowKind } from '@community-grid/shared';
import { ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { enumChoices, requiredText } from '../common';

export const ServiceWindowForm = () => (
  <SimpleForm>
    <ReferenceInput source="communityId" reference="communities" perPage={50}>
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput source="name" validate={requiredText(100)} />
    <SelectInput source="kind" choices={enumChoices(ServiceWindowKind, 'ServiceWindowKind')} validate={required()} />
    <TextInput source="openingHours" fullWidth />
  </SimpleForm>
);
