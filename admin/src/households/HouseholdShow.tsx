import { Gender, RegistrationType, RelationToHead } from '@community-grid/shared';
import { Datagrid, NumberField, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RecordHistory } from '../auditEvents/RecordHistory';
import { enumChoices, LocalDateField } from '../common';

export const HouseholdShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="address" />
      <ReferenceField source="gridId" reference="grids" link="show" />
      <ReferenceField source="grid.communityId" reference="communities" link="show" label="resources.households.fields.communityId" />
      <SelectField source="registrationType" choices={enumChoices(RegistrationType, 'RegistrationType')} />
      <ReferenceField source="headResidentId" reference="residents" link="show" emptyText="—" />
      <NumberField source="residentCount" />
      <ReferenceManyField reference="residents" target="householdId" label="resources.households.fields.residents" sort={{ field: 'birthDate', order: 'ASC' }}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <SelectField source="relationToHead" choices={enumChoices(RelationToHead, 'RelationToHead')} />
          <SelectField source="gender" choices={enumChoices(Gender, 'Gender')} />
          <LocalDateField source="birthDate" />
        </Datagrid>
      </ReferenceManyField>
      <RecordHistory entityType="Household" />
    </SimpleShowLayout>
  </Show>
);
