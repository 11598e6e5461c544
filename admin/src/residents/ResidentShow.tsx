import { Gender, RelationToHead, ResidentTag } from '@community-grid/shared';
import { ReferenceField, SelectArrayInput, SelectField, SelectInput, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices, LocalDateField } from '../common';
import { TagsField } from './TagsField';
import { RevealButton } from './RevealButton';
import { AgeBandField, useSeesBirthDates } from './AgeBandField';
import { RecordHistory } from '../auditEvents/RecordHistory';
import { DatedShowActions, ParentOnDayInput, ValidityField, VersionHistory, VersionParentField } from '../time/DatedViews';

const relations = enumChoices(RelationToHead, 'RelationToHead');
const changeInputs = [
  <ParentOnDayInput
    source="householdId"
    reference="households"
    label="resources.residents.fields.householdId"
    optionText={(h) => h.address}
    autocomplete
    key="householdId"
  />,
  <SelectInput source="relationToHead" choices={relations} key="relationToHead" label="resources.residents.fields.relationToHead" />,
  <SelectArrayInput source="tags" choices={enumChoices(ResidentTag, 'ResidentTag')} key="tags" label="resources.residents.fields.tags" />,
];

export const ResidentShow = () => {
  const seesBirthDates = useSeesBirthDates();
  return (
    <Show actions={<DatedShowActions changeInputs={changeInputs} />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <SelectField source="gender" choices={enumChoices(Gender, 'Gender')} />
        {seesBirthDates ? <LocalDateField source="birthDate" /> : <AgeBandField label="resources.residents.fields.ageBand" />}
        <TextField source="idNumber" />
        <TextField source="phone" emptyText="—" />
        <ReferenceField source="householdId" reference="households" link="show" />
        <SelectField source="relationToHead" choices={relations} />
        <TagsField source="tags" />
        <ValidityField label="cg.dated.validity" />
        <RevealButton />
        <VersionHistory>
          <VersionParentField
            source="household"
            reference="households"
            label="resources.residents.fields.householdId"
            show={(h) => h.address}
          />
          <SelectField source="relationToHead" choices={relations} sortable={false} />
          <TagsField source="tags" sortable={false} />
        </VersionHistory>
        <RecordHistory entityType="Resident" />
      </SimpleShowLayout>
    </Show>
  );
};
