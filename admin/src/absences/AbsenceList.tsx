import { AbsenceReason } from '@community-grid/shared';
import {
  AutocompleteInput,
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { enumChoices, exporterFor, LocalDateField, translateEnum } from '../common';
import { DatedListActions, includeEndedFilter } from '../time/DatedViews';

const reasons = enumChoices(AbsenceReason, 'AbsenceReason');
const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="staffMemberId" reference="staffMembers" key="staffMemberId" alwaysOn>
    <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput source="reason" choices={reasons} key="reason" />,
  includeEndedFilter,
];

/** Staff away on the day shown, or every absence recorded (the default: planned leave matters as much as today's). */
export const AbsenceList = () => {
  return (
    <List
      filters={filters}
      filterDefaultValues={{ includeEnded: true }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={<DatedListActions />}
      exporter={exporterFor('absences', [
        'id',
        'staffMemberId',
        ['reason', (a) => translateEnum('AbsenceReason')(a.reason)],
        'validFrom',
        'validUntil',
        'note',
      ])}
    >
      <Datagrid rowClick="show">
        <ReferenceField source="staffMemberId" reference="staffMembers" link="show" />
        <SelectField source="reason" choices={reasons} />
        <LocalDateField source="validFrom" sortable={false} />
        <LocalDateField source="validUntil" sortable={false} />
        <TextField source="note" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
};
