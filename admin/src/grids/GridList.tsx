import { useBulkActions } from '../access';
import { Datagrid, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { exporterFor } from '../common';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="communityId" reference="communities" key="communityId" perPage={50} alwaysOn><SelectInput optionText="name" /></ReferenceInput>,
];

export const GridList = () => {
  const bulkActions = useBulkActions('grids');
  return (
  <List filters={filters} sort={{ field: 'communityId', order: 'ASC' }}
    exporter={exporterFor('grids', ['id', 'communityId', 'code', 'name', 'householdCount', 'residentCount'])}>
    <Datagrid rowClick="show" bulkActionButtons={bulkActions}>
      <ReferenceField source="communityId" reference="communities" />
      <TextField source="code" />
      <TextField source="name" />
      <NumberField source="householdCount" sortable={false} />
      <NumberField source="residentCount" sortable={false} />
    </Datagrid>
  </List>
  );
};
