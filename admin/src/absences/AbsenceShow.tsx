import { AbsenceReason } from '@community-grid/shared';
import { ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RecordHistory } from '../auditEvents/RecordHistory';
import { enumChoices, LocalDateField } from '../common';

export const AbsenceShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="staffMemberId" reference="staffMembers" link="show" />
      <SelectField source="reason" choices={enumChoices(AbsenceReason, 'AbsenceReason')} />
      <LocalDateField source="validFrom" />
      <LocalDateField source="validUntil" />
      <TextField source="note" emptyText="—" />
      <RecordHistory entityType="Absence" />
    </SimpleShowLayout>
  </Show>
);
