import { useBulkActions } from '../access';
import { Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { exporterFor, LocalDateField } from '../common';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="districtId" reference="districts" key="districtId"><SelectInput optionText="name" /></ReferenceInput>,
];

export const OfficeList = () => {
  const bulkActions = useBulkActions('offices');
  return (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={exporterFor('offices', ['id', 'name', 'nameEn', 'withdrawnOn'])}>
    <Datagrid rowClick="show" bulkActionButtons={bulkActions}>
      <TextField source="name" />
      <TextField source="nameEn" />
      <ReferenceField source="districtId" reference="districts" sortable={false} />
      <LocalDateField source="withdrawnOn" />
    </Datagrid>
  </List>
  );
};
