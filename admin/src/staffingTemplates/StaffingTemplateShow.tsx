import { ArrayField, Datagrid, Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocalizedNameField } from '../common';

export const StaffingTemplateShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="nameEn" />
      <TextField source="description" emptyText="—" />
      <ArrayField source="roles">
        <Datagrid bulkActionButtons={false} rowClick={(id) => `/specialistRoles/${id}/show`} data-testid="template-roles">
          <TextField source="code" sortable={false} label="resources.specialistRoles.fields.code" />
          <LocalizedNameField label="resources.specialistRoles.fields.name" />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
