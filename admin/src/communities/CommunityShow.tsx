import {
  ArrayField, ChipField, Datagrid, NumberField, ReferenceField, ReferenceManyField, SelectField, Show, SingleFieldList,
  TabbedShowLayout, TextField,
} from 'react-admin';
import { ServiceWindowKind } from '@community-grid/shared';
import { enumChoices, LocalDateField } from '../common';
import { RecordHistory } from '../auditEvents/RecordHistory';

export const CommunityShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="cg.fields.overview">
        <TextField source="name" />
        <TextField source="nameEn" />
        <ReferenceField source="districtId" reference="districts" />
        <LocalDateField source="establishedOn" />
        <LocalDateField source="dissolvedOn" emptyText="—" />
        <TextField source="address" />
        <TextField source="phone" />
        <NumberField source="gridCount" />
        <NumberField source="householdCount" />
        <NumberField source="residentCount" />
        <ArrayField source="predecessorOffices" label="resources.communities.fields.predecessorOfficeIds">
          <SingleFieldList resource="offices" linkType="show"><ChipField source="name" /></SingleFieldList>
        </ArrayField>
        <RecordHistory entityType="Community" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.communities.fields.grids" path="grids">
        <ReferenceManyField reference="grids" target="communityId" sort={{ field: 'code', order: 'ASC' }} perPage={50}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
            <NumberField source="householdCount" sortable={false} />
            <NumberField source="residentCount" sortable={false} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.communities.fields.serviceWindows" path="windows">
        <ReferenceManyField reference="serviceWindows" target="communityId" sort={{ field: 'name', order: 'ASC' }}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <SelectField source="kind" choices={enumChoices(ServiceWindowKind, 'ServiceWindowKind')} />
            <TextField source="openingHours" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.communities.fields.staffMembers" path="staff">
        <ReferenceManyField reference="staffMembers" target="homeCommunityId" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <TextField source="phone" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
