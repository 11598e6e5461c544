import {
  BooleanField,
  Datagrid,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { exporterFor, translateEnum } from '../common';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="homeCommunityId" reference="communities" key="homeCommunityId" perPage={50} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput source="active" key="active" />,
];

export const StaffMemberList = () => {
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={exporterFor('staffMembers', [
        'id',
        'name',
        'phone',
        'homeCommunityId',
        ['active', (r) => translateEnum('Active')(String(r.active))],
      ])}
    >
      <Datagrid rowClick="show">
        <TextField source="name" />
        <TextField source="phone" sortable={false} />
        <ReferenceField source="homeCommunityId" reference="communities" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
};
