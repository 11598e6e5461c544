import { Show, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { RecordHistory } from '../auditEvents/RecordHistory';
import { DatedShowActions, ValidityField, VersionHistory } from '../time/DatedViews';

// A rename from a day; "End" retires the role and keeps its history.
const changeInputs = [
  <TextInput source="name" key="name" label="resources.specialistRoles.fields.name" />,
  <TextInput source="nameEn" key="nameEn" label="resources.specialistRoles.fields.nameEn" />,
  <TextInput source="description" key="description" label="resources.specialistRoles.fields.description" multiline fullWidth />,
];

export const SpecialistRoleShow = () => (
  <Show actions={<DatedShowActions changeInputs={changeInputs} />}>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="nameEn" />
      <TextField source="description" emptyText="—" />
      <ValidityField label="cg.dated.validity" />
      <VersionHistory>
        <TextField source="name" sortable={false} />
        <TextField source="nameEn" sortable={false} />
      </VersionHistory>
      <RecordHistory entityType="SpecialistRole" />
    </SimpleShowLayout>
  </Show>
);
