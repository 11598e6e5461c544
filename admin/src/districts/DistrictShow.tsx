import { Datagrid, NumberField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';

export const DistrictShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="nameEn" />
      <TextField source="code" />
      <TextField source="city" />
      <NumberField source="communityCount" />
      <NumberField source="gridCount" />
      <NumberField source="householdCount" />
      <NumberField source="residentCount" />
      <ReferenceManyField reference="communities" target="districtId" label="resources.communities.name" perPage={50}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <TextField source="nameEn" />
          <NumberField source="gridCount" sortable={false} />
          <NumberField source="residentCount" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
      <ReferenceManyField reference="offices" target="districtId" label="resources.offices.name" perPage={50}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <TextField source="nameEn" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
