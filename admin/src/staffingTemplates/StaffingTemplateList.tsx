import { Datagrid, FunctionField, List, TextField } from 'react-admin';

/** The templates (8 and 10 members): which specialist roles a community adopting one must fill. */
export const StaffingTemplateList = () => (
  <List sort={{ field: 'code', order: 'ASC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="nameEn" />
      <FunctionField source="roles" sortable={false} render={(t: { roles: unknown[] }) => t.roles.length} />
    </Datagrid>
  </List>
);
