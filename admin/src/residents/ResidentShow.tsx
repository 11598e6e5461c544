import { Gender, RelationToHead } from '@community-grid/shared';
import { ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices, LocalDateField } from '../common';
import { TagsField } from './TagsField';
import { RevealButton } from './RevealButton';
import { RecordHistory } from '../auditEvents/RecordHistory';

export const ResidentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="gender" choices={enumChoices(Gender, 'Gender')} />
      <LocalDateField source="birthDate" />
      <TextField source="idNumber" />
      <TextField source="phone" emptyText="—" />
      <ReferenceField source="householdId" reference="households" link="show" />
      <SelectField source="relationToHead" choices={enumChoices(RelationToHead, 'RelationToHead')} />
      <TagsField source="tags" />
      <RevealButton />
      <RecordHistory entityType="Resident" />
    </SimpleShowLayout>
  </Show>
);
