import { ServiceWindowKind } from '@community-grid/shared';
import { Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices, exporterFor, translateEnum } from '../common';

const kinds = enumChoices(ServiceWindowKind, 'ServiceWindowKind');
const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="communityId" reference="communities" key="communityId" perPage={50}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput source="kind" choices={kinds} key="kind" />,
];

export const ServiceWindowList = () => {
  return (
    <List
      filters={filters}
      sort={{ field: 'communityId', order: 'ASC' }}
      exporter={exporterFor('serviceWindows', [
        'id',
        'communityId',
        'name',
        ['kind', (r) => translateEnum('ServiceWindowKind')(r.kind)],
        'openingHours',
      ])}
    >
      <Datagrid rowClick="show">
        <ReferenceField source="communityId" reference="communities" />
        <TextField source="name" />
        <SelectField source="kind" choices={kinds} />
        <TextField source="openingHours" sortable={false} />
      </Datagrid>
    </List>
  );
};
