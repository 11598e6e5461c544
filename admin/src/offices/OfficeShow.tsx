import { Datagrid, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField, TextInput, useRecordContext } from 'react-admin';
import { DatedShowActions, ValidityField, VersionHistory } from '../time/DatedViews';
import { Lineage } from '../time/Lineage';

const changeInputs = [
  <TextInput source="name" key="name" label="resources.offices.fields.name" />,
  <TextInput source="nameEn" key="nameEn" label="resources.offices.fields.nameEn" />,
];

/** The office's communities on the day shown, or on its last day once it has been withdrawn. */
const OfficeCommunities = (_props: { label?: string }) => {
  const office = useRecordContext();
  if (!office) return null;
  const day =
    office.validUntil && office.asOf > office.validUntil
      ? office.validUntil
      : office.asOf < office.validFrom
        ? office.validFrom
        : office.asOf;
  return (
    <ReferenceManyField
      reference="communities"
      target="officeId"
      sort={{ field: 'code', order: 'ASC' }}
      perPage={50}
      queryOptions={{ meta: { asOf: day } }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="nameEn" />
      </Datagrid>
    </ReferenceManyField>
  );
};

export const OfficeShow = () => (
  <Show actions={<DatedShowActions changeInputs={changeInputs} />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="nameEn" />
      <ReferenceField source="districtId" reference="districts" />
      <ValidityField label="cg.dated.validity" />
      <OfficeCommunities label="resources.offices.fields.communities" />
      <Lineage sources={[['successorCommunities', 'communities']]} />
      <VersionHistory>
        <TextField source="name" sortable={false} />
        <TextField source="nameEn" sortable={false} />
      </VersionHistory>
    </SimpleShowLayout>
  </Show>
);
