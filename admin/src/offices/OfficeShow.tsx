import { ArrayField, ChipField, ReferenceField, Show, SimpleShowLayout, SingleFieldList, TextField } from 'react-admin';
import { LocalDateField } from '../common';

export const OfficeShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="nameEn" />
      <ReferenceField source="districtId" reference="districts" />
      <LocalDateField source="withdrawnOn" />
      <ArrayField source="successorCommunities">
        <SingleFieldList resource="communities" linkType="show"><ChipField source="name" /></SingleFieldList>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
