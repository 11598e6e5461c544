import {
  Datagrid,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TextInput,
} from 'react-admin';
import { ServiceWindowKind } from '@community-grid/shared';
import { enumChoices, LocalDateField } from '../common';
import { RecordHistory } from '../auditEvents/RecordHistory';
import { DatedShowActions, ParentOnDayInput, ValidityField, VersionHistory, VersionParentField } from '../time/DatedViews';
import { Lineage } from '../time/Lineage';
import { UnitTimeline } from '../time/UnitTimeline';
import { CommunityPosts } from '../staffing/CommunityPosts';
import { DutyCalendar } from '../staffing/DutyCalendar';

const changeInputs = [
  <TextInput source="code" key="code" label="resources.communities.fields.code" />,
  <TextInput source="name" key="name" label="resources.communities.fields.name" />,
  <TextInput source="nameEn" key="nameEn" label="resources.communities.fields.nameEn" />,
  <ParentOnDayInput
    source="officeId"
    reference="offices"
    label="resources.communities.fields.officeId"
    optionText={(o) => o.name}
    sortBy="name"
    key="officeId"
  />,
];

export const CommunityShow = () => (
  <Show actions={<DatedShowActions changeInputs={changeInputs} />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="cg.fields.overview">
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="nameEn" />
        <ReferenceField source="districtId" reference="districts" />
        <ReferenceField source="officeId" reference="offices" link="show" emptyText="—" />
        <ValidityField label="cg.dated.validity" />
        <TextField source="address" />
        <TextField source="phone" />
        <NumberField source="gridCount" />
        <NumberField source="householdCount" />
        <NumberField source="residentCount" />
        <Lineage
          sources={[
            ['predecessorOffices', 'offices'],
            ['predecessorCommunities', 'communities'],
            ['successorCommunities', 'communities'],
          ]}
        />
        <VersionHistory>
          <TextField source="code" sortable={false} />
          <TextField source="name" sortable={false} />
          <TextField source="nameEn" sortable={false} />
          <VersionParentField source="office" reference="offices" label="resources.communities.fields.officeId" show={(o) => o.name} />
        </VersionHistory>
        <UnitTimeline level="community" />
        <RecordHistory entityType="Community" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.communities.fields.grids" path="grids">
        <ReferenceManyField reference="grids" target="communityId" sort={{ field: 'code', order: 'ASC' }} perPage={50}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
            <LocalDateField source="validFrom" sortable={false} />
            <NumberField source="householdCount" sortable={false} />
            <NumberField source="residentCount" sortable={false} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cg.staffing.posts" path="posts">
        <CommunityPosts />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cg.duty.title" path="duty">
        <DutyCalendar />
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
