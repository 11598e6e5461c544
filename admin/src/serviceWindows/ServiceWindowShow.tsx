import { ServiceWindowKind } from '@community-grid/shared';
import { ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices } from '../common';

export const ServiceWindowShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="communityId" reference="communities" link="show" />
      <TextField source="name" />
      <SelectField source="kind" choices={enumChoices(ServiceWindowKind, 'ServiceWindowKind')} />
      <TextField source="openingHours" />
    </SimpleShowLayout>
  </Show>
);
