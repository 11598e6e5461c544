import { RegistrationType } from '@community-grid/shared';
import { Datagrid, NumberField, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RecordHistory } from '../auditEvents/RecordHistory';
import { enumChoices } from '../common';
import { BoundaryField } from './BoundaryField';

export const GridShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="communityId" reference="communities" link="show" />
      <TextField source="code" />
      <TextField source="name" />
      <NumberField source="householdCount" />
      <NumberField source="residentCount" />
      <BoundaryField source="boundary" />
      <ReferenceManyField reference="households" target="gridId" label="resources.grids.fields.households" sort={{ field: 'address', order: 'ASC' }} perPage={25}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="address" />
          <SelectField source="registrationType" choices={enumChoices(RegistrationType, 'RegistrationType')} />
          <NumberField source="residentCount" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
      <RecordHistory entityType="Grid" />
    </SimpleShowLayout>
  </Show>
);
