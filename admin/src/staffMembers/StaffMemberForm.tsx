import { BooleanInput, ReferenceInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { phone, requiredText } from '../common';

export const StaffMemberForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={requiredText(50)} />
    <TextInput source="phone" validate={phone} />
    <ReferenceInput source="homeCommunityId" reference="communities" perPage={50}>
      <SelectInput optionText="name" />
    </ReferenceInput>
    <BooleanInput source="active" defaultValue />
  </SimpleForm>
);
