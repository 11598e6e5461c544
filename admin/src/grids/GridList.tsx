import { Datagrid, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { exporterFor, LocalDateField } from '../common';
import { DatedListActions, includeEndedFilter } from '../time/DatedViews';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="communityId" reference="communities" key="communityId" perPage={100} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  includeEndedFilter,
];

export const GridList = () => {
  return (
    <List
      filters={filters}
      sort={{ field: 'code', order: 'ASC' }}
      actions={<DatedListActions />}
      exporter={exporterFor('grids', ['id', 'communityId', 'code', 'name', 'validFrom', 'validUntil', 'householdCount', 'residentCount'])}
    >
      <Datagrid rowClick="show">
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceField source="communityId" reference="communities" sortable={false} />
        <LocalDateField source="validFrom" sortable={false} />
        <LocalDateField source="validUntil" sortable={false} emptyText="—" />
        <NumberField source="householdCount" sortable={false} />
        <NumberField source="residentCount" sortable={false} />
      </Datagrid>
    </List>
  );
};
