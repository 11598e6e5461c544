import { ReferenceArrayInput, ReferenceInput, required, SelectArrayInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { phone, requiredText } from '../common';
import { DatedFormHeader } from '../time/DatedViews';

// Lineage points at units that have ended: offer them too.
const ended = { includeEnded: true };

export const CommunityForm = () => (
  <SimpleForm>
    <DatedFormHeader />
    <ReferenceInput source="districtId" reference="districts">
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput source="code" validate={requiredText(20)} />
    <TextInput source="name" validate={requiredText(100)} />
    <TextInput source="nameEn" validate={requiredText(100)} />
    <ReferenceInput source="officeId" reference="offices">
      <SelectInput optionText="name" emptyText="—" />
    </ReferenceInput>
    <TextInput source="address" fullWidth />
    <TextInput source="phone" validate={phone} />
    <ReferenceArrayInput source="predecessorOfficeIds" reference="offices" filter={ended} perPage={100}>
      <SelectArrayInput optionText="name" />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="predecessorCommunityIds" reference="communities" filter={ended} perPage={100}>
      <SelectArrayInput optionText={(c: { code: string; name: string }) => `${c.code} ${c.name}`} />
    </ReferenceArrayInput>
  </SimpleForm>
);
