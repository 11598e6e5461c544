import { Gender, RegistrationType, RelationToHead } from '@community-grid/shared';
import {
  Datagrid,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { RecordHistory } from '../auditEvents/RecordHistory';
import { AgeBandField, useSeesBirthDates } from '../residents/AgeBandField';
import { enumChoices, LocalDateField } from '../common';
import { DatedShowActions, ParentOnDayInput, ValidityField, VersionHistory, VersionParentField } from '../time/DatedViews';

const types = enumChoices(RegistrationType, 'RegistrationType');
const changeInputs = [
  <ParentOnDayInput
    source="gridId"
    reference="grids"
    label="resources.households.fields.gridId"
    optionText={(g) => `${g.code} ${g.name}`}
    autocomplete
    key="gridId"
  />,
  <SelectInput source="registrationType" choices={types} key="registrationType" label="resources.households.fields.registrationType" />,
];

export const HouseholdShow = () => {
  const seesBirthDates = useSeesBirthDates();
  return (
    <Show actions={<DatedShowActions changeInputs={changeInputs} />}>
      <SimpleShowLayout>
        <TextField source="address" />
        <ReferenceField source="gridId" reference="grids" link="show" />
        <ReferenceField source="grid.communityId" reference="communities" link="show" label="resources.households.fields.communityId" />
        <SelectField source="registrationType" choices={types} />
        <ValidityField label="cg.dated.validity" />
        <ReferenceField source="headResidentId" reference="residents" link="show" emptyText="—" />
        <NumberField source="residentCount" />
        <VersionHistory>
          <VersionParentField
            source="grid"
            reference="grids"
            label="resources.households.fields.gridId"
            show={(g) => `${g.code} ${g.name}`}
          />
          <VersionParentField
            source="grid.community"
            reference="communities"
            label="resources.households.fields.communityId"
            show={(c) => `${c.code} ${c.name}`}
          />
          <SelectField source="registrationType" choices={types} sortable={false} />
        </VersionHistory>
        <ReferenceManyField
          reference="residents"
          target="householdId"
          label="resources.households.fields.residents"
          sort={{ field: 'birthDate', order: 'ASC' }}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <SelectField source="relationToHead" choices={enumChoices(RelationToHead, 'RelationToHead')} />
            <SelectField source="gender" choices={enumChoices(Gender, 'Gender')} />
            {seesBirthDates ? <LocalDateField source="birthDate" /> : <AgeBandField label="resources.residents.fields.ageBand" />}
          </Datagrid>
        </ReferenceManyField>
        <RecordHistory entityType="Household" />
      </SimpleShowLayout>
    </Show>
  );
};
