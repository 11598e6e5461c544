import { RegistrationType } from '@community-grid/shared';
import {
  Datagrid,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  AutocompleteInput,
} from 'react-admin';
import { enumChoices, exporterFor, translateEnum } from '../common';
import { DatedListActions, includeEndedFilter } from '../time/DatedViews';

const types = enumChoices(RegistrationType, 'RegistrationType');
const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="communityId" reference="communities" key="communityId" perPage={100} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput source="gridId" reference="grids" key="gridId">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput source="registrationType" choices={types} key="registrationType" />,
  includeEndedFilter,
];

export const HouseholdList = () => {
  return (
    <List
      filters={filters}
      actions={<DatedListActions />}
      sort={{ field: 'address', order: 'ASC' }}
      exporter={exporterFor('households', [
        'id',
        'gridId',
        'address',
        ['registrationType', (r) => translateEnum('RegistrationType')(r.registrationType)],
        'residentCount',
      ])}
    >
      <Datagrid rowClick="show">
        <TextField source="address" />
        <ReferenceField source="gridId" reference="grids" />
        <SelectField source="registrationType" choices={types} />
        <NumberField source="residentCount" sortable={false} />
      </Datagrid>
    </List>
  );
};
