import { Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { exporterFor, LocalDateField } from '../common';
import { DatedListActions, includeEndedFilter } from '../time/DatedViews';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="districtId" reference="districts" key="districtId">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  includeEndedFilter,
];

export const OfficeList = () => {
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<DatedListActions />}
      exporter={exporterFor('offices', ['id', 'name', 'nameEn', 'validFrom', 'validUntil'])}
    >
      <Datagrid rowClick="show">
        <TextField source="name" />
        <TextField source="nameEn" />
        <ReferenceField source="districtId" reference="districts" sortable={false} />
        <LocalDateField source="validFrom" sortable={false} />
        <LocalDateField source="validUntil" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
};
