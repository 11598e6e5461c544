import { useBulkActions } from '../access';
import { Gender, ResidentTag } from '@community-grid/shared';
import {
  AutocompleteInput, Datagrid, DateInput, List, ReferenceField, ReferenceInput, SearchInput, SelectArrayInput,
  SelectField, SelectInput, TextField,
} from 'react-admin';
import { enumChoices, exporterFor, LocalDateField, translateEnum } from '../common';
import { DatedListActions, includeEndedFilter } from '../time/DatedViews';
import { TagsField } from './TagsField';

const tags = enumChoices(ResidentTag, 'ResidentTag');
const genders = enumChoices(Gender, 'Gender');
const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="communityId" reference="communities" key="communityId" perPage={100} alwaysOn><SelectInput optionText="name" /></ReferenceInput>,
  <ReferenceInput source="gridId" reference="grids" key="gridId"><AutocompleteInput /></ReferenceInput>,
  <SelectArrayInput source="tags" choices={tags} key="tags" />,
  <SelectInput source="gender" choices={genders} key="gender" />,
  <DateInput source="birthDate_gte" key="birthDate_gte" />,
  <DateInput source="birthDate_lte" key="birthDate_lte" />,
  includeEndedFilter,
];

export const ResidentList = () => {
  const bulkActions = useBulkActions('residents');
  return (
  <List filters={filters} actions={<DatedListActions />} sort={{ field: 'name', order: 'ASC' }}
    exporter={exporterFor('residents', ['id', 'name', ['gender', (r) => translateEnum('Gender')(r.gender)], 'birthDate', 'idNumber', 'phone', 'householdId',
      ['tags', (r) => r.tags.map(translateEnum('ResidentTag'))]])}>
    <Datagrid rowClick="show" bulkActionButtons={bulkActions}>
      <TextField source="name" />
      <SelectField source="gender" choices={genders} />
      <LocalDateField source="birthDate" />
      <TextField source="idNumber" sortable={false} />
      <TextField source="phone" sortable={false} />
      <ReferenceField source="householdId" reference="households" sortable={false} />
      <TagsField source="tags" sortable={false} />
    </Datagrid>
  </List>
  );
};

