import { Datagrid, NumberField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocalDateField } from '../common';

// Withdrawn offices stay part of the district's story.
const withEnded = { includeEnded: true };

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
      <ReferenceManyField
        reference="communities"
        target="districtId"
        label="resources.communities.name"
        perPage={50}
        sort={{ field: 'code', order: 'ASC' }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="code" />
          <TextField source="name" />
          <TextField source="nameEn" />
          <NumberField source="gridCount" sortable={false} />
          <NumberField source="residentCount" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
      <ReferenceManyField reference="offices" target="districtId" label="resources.offices.name" perPage={50} filter={withEnded}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <TextField source="nameEn" />
          <LocalDateField source="validFrom" sortable={false} />
          <LocalDateField source="validUntil" sortable={false} emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
