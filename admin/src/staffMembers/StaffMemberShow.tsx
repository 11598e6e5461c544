import { BooleanField, ReferenceField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { StaffAbsences, StaffAssignments } from '../staffing/StaffAssignments';

export const StaffMemberShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="cg.fields.overview">
        <TextField source="name" />
        <TextField source="phone" emptyText="—" />
        <ReferenceField source="homeCommunityId" reference="communities" link="show" emptyText="—" />
        <BooleanField source="active" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cg.staffing.assignments" path="assignments">
        <StaffAssignments />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cg.staffing.absences" path="absences">
        <StaffAbsences />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
