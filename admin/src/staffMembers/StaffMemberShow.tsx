import { BooleanField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';

export const StaffMemberShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="phone" emptyText="—" />
      <ReferenceField source="homeCommunityId" reference="communities" link="show" emptyText="—" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);
