import { Datagrid, List, NumberField, SearchInput, TextField } from 'react-admin';
import { exporterFor } from '../common';

export const DistrictList = () => {
  return (
    <List
      filters={[<SearchInput source="q" alwaysOn key="q" />]}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={exporterFor('districts', [
        'id',
        'name',
        'nameEn',
        'code',
        'city',
        'communityCount',
        'gridCount',
        'householdCount',
        'residentCount',
      ])}
    >
      <Datagrid rowClick="show">
        <TextField source="name" />
        <TextField source="nameEn" />
        <TextField source="code" />
        <TextField source="city" />
        <NumberField source="communityCount" sortable={false} />
        <NumberField source="gridCount" sortable={false} />
        <NumberField source="householdCount" sortable={false} />
        <NumberField source="residentCount" sortable={false} />
      </Datagrid>
    </List>
  );
};
