import { useBulkActions } from '../access';
import { Datagrid, List, NumberField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { exporterFor, LocalDateField } from '../common';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="districtId" reference="districts" key="districtId"><SelectInput optionText="name" /></ReferenceInput>,
];

export const CommunityList = () => {
  const bulkActions = useBulkActions('communities');
  return (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}
    exporter={exporterFor('communities', ['id', 'name', 'nameEn', 'establishedOn', 'address', 'phone', 'gridCount', 'householdCount', 'residentCount'])}>
    <Datagrid rowClick="show" bulkActionButtons={bulkActions}>
      <TextField source="name" />
      <TextField source="nameEn" />
      <LocalDateField source="establishedOn" />
      <NumberField source="gridCount" sortable={false} />
      <NumberField source="householdCount" sortable={false} />
      <NumberField source="residentCount" sortable={false} />
    </Datagrid>
  </List>
  );
};
