import { RegistrationType } from '@community-grid/shared';
import {
  Datagrid,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
} from 'react-admin';
import { RecordHistory } from '../auditEvents/RecordHistory';
import { enumChoices } from '../common';
import { DatedShowActions, ParentOnDayInput, ValidityField, VersionHistory, VersionParentField } from '../time/DatedViews';
import { GridMembers } from '../staffing/GridMembers';
import { UnitTimeline } from '../time/UnitTimeline';
import { BoundaryField } from './BoundaryField';

const changeInputs = [
  <ParentOnDayInput
    source="communityId"
    reference="communities"
    label="resources.grids.fields.communityId"
    optionText={(c) => `${c.code} ${c.name}`}
    key="communityId"
  />,
  <TextInput source="code" key="code" label="resources.grids.fields.code" />,
  <TextInput source="name" key="name" label="resources.grids.fields.name" />,
];

export const GridShow = () => (
  <Show actions={<DatedShowActions changeInputs={changeInputs} />}>
    <SimpleShowLayout>
      <ReferenceField source="communityId" reference="communities" link="show" />
      <TextField source="code" />
      <TextField source="name" />
      <ValidityField label="cg.dated.validity" />
      <NumberField source="householdCount" />
      <NumberField source="residentCount" />
      <BoundaryField source="boundary" />
      <GridMembers label="cg.grid_members.title" />
      <VersionHistory>
        <TextField source="code" sortable={false} />
        <TextField source="name" sortable={false} />
        <VersionParentField
          source="community"
          reference="communities"
          label="resources.grids.fields.communityId"
          show={(c) => `${c.code} ${c.name}`}
        />
      </VersionHistory>
      <UnitTimeline level="grid" />
      <ReferenceManyField
        reference="households"
        target="gridId"
        label="resources.grids.fields.households"
        sort={{ field: 'address', order: 'ASC' }}
        perPage={25}
      >
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
