import { Gender, ResidentTag } from '@community-grid/shared';
import {
  AutocompleteInput,
  Datagrid,
  DateInput,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { enumChoices, exporterFor, LocalDateField, translateEnum } from '../common';
import { DatedListActions, includeEndedFilter } from '../time/DatedViews';
import { ageBandChoices, AgeBandField, ageBandText, useSeesBirthDates } from './AgeBandField';
import { TagsField } from './TagsField';

const tags = enumChoices(ResidentTag, 'ResidentTag');
const genders = enumChoices(Gender, 'Gender');
const today = new Date().toISOString().slice(0, 10);

/**
 * Roles that may reveal personal data filter by birth dates and look residents
 * up by a whole ID number or phone, or its last 4 characters (recorded in the
 * audit trail); the others filter by whole age bands.
 */
const filtersFor = (seesBirthDates: boolean) => [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="communityId" reference="communities" key="communityId" perPage={100} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput source="gridId" reference="grids" key="gridId">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectArrayInput source="tags" choices={tags} key="tags" />,
  <SelectInput source="gender" choices={genders} key="gender" />,
  ...(seesBirthDates
    ? [
        <DateInput source="birthDate_gte" key="birthDate_gte" />,
        <DateInput source="birthDate_lte" key="birthDate_lte" />,
        <TextInput source="idNumber_lookup" key="idNumber_lookup" helperText="resources.residents.fields.lookup_help" />,
        <TextInput source="phone_lookup" key="phone_lookup" helperText="resources.residents.fields.lookup_help" />,
      ]
    : [
        <SelectInput
          source="birthDate_gte"
          label="resources.residents.fields.ageBand_gte"
          choices={ageBandChoices(today, false)}
          key="birthDate_gte"
        />,
        <SelectInput
          source="birthDate_lte"
          label="resources.residents.fields.ageBand_lte"
          choices={ageBandChoices(today, true)}
          key="birthDate_lte"
        />,
      ]),
  includeEndedFilter,
];

const exportColumns = (seesBirthDates: boolean) =>
  exporterFor('residents', [
    'id',
    'name',
    ['gender', (r) => translateEnum('Gender')(r.gender)],
    seesBirthDates ? 'birthDate' : ['ageBand', (r) => ageBandText({ ageBand: r.ageBand })],
    'idNumber',
    'phone',
    'householdId',
    ['tags', (r) => r.tags.map(translateEnum('ResidentTag'))],
  ]);

export const ResidentList = () => {
  const seesBirthDates = useSeesBirthDates();
  return (
    <List
      filters={filtersFor(seesBirthDates)}
      actions={<DatedListActions />}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={exportColumns(seesBirthDates)}
    >
      <Datagrid rowClick="show">
        <TextField source="name" />
        <SelectField source="gender" choices={genders} />
        {seesBirthDates ? (
          <LocalDateField source="birthDate" />
        ) : (
          <AgeBandField source="ageBand" sortBy="birthDate" label="resources.residents.fields.ageBand" />
        )}
        <TextField source="idNumber" sortable={false} />
        <TextField source="phone" sortable={false} />
        <ReferenceField source="householdId" reference="households" sortable={false} />
        <TagsField source="tags" sortable={false} />
      </Datagrid>
    </List>
  );
};
