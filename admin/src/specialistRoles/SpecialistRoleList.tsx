import { Datagrid, List, SearchInput, TextField } from 'react-admin';
import { exporterFor, LocalDateField } from '../common';
import { DatedListActions, includeEndedFilter } from '../time/DatedViews';

const filters = [<SearchInput source="q" alwaysOn key="q" />, includeEndedFilter];

/** The catalogue of specialist roles valid on the day shown (retired ones with "include ended"). */
export const SpecialistRoleList = () => {
  return (
    <List
      filters={filters}
      sort={{ field: 'code', order: 'ASC' }}
      actions={<DatedListActions />}
      exporter={exporterFor('specialistRoles', ['id', 'code', 'name', 'nameEn', 'description', 'validFrom', 'validUntil'])}
    >
      <Datagrid rowClick="show">
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="nameEn" />
        <LocalDateField source="validFrom" sortable={false} />
        <LocalDateField source="validUntil" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
};
