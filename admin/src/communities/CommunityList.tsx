import { Datagrid, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { exporterFor, LocalDateField } from '../common';
import { DatedListActions, includeEndedFilter } from '../time/DatedViews';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="districtId" reference="districts" key="districtId">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput source="officeId" reference="offices" key="officeId">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  includeEndedFilter,
];

export const CommunityList = () => {
  return (
    <List
      filters={filters}
      sort={{ field: 'code', order: 'ASC' }}
      actions={<DatedListActions />}
      exporter={exporterFor('communities', [
        'id',
        'code',
        'name',
        'nameEn',
        'validFrom',
        'validUntil',
        'address',
        'phone',
        'gridCount',
        'householdCount',
        'residentCount',
      ])}
    >
      <Datagrid rowClick="show">
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="nameEn" />
        <ReferenceField source="officeId" reference="offices" sortable={false} emptyText="—" />
        <LocalDateField source="validFrom" sortable={false} />
        <LocalDateField source="validUntil" sortable={false} emptyText="—" />
        <NumberField source="gridCount" sortable={false} />
        <NumberField source="householdCount" sortable={false} />
        <NumberField source="residentCount" sortable={false} />
      </Datagrid>
    </List>
  );
};
