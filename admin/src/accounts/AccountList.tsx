import { Role } from '@community-grid/shared';
import { BooleanField, Datagrid, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices, LocalDateField } from '../common';

const roles = enumChoices(Role, 'Role');

export const AccountList = () => (
  <List
    filters={[<SearchInput source="q" alwaysOn key="q" />, <SelectInput source="role" choices={roles} key="role" />]}
    sort={{ field: 'username', order: 'ASC' }}
    exporter={false}
  >
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="username" />
      <TextField source="displayName" />
      <SelectField source="role" choices={roles} />
      <BooleanField source="disabled" />
      <LocalDateField source="createdAt" />
    </Datagrid>
  </List>
);
