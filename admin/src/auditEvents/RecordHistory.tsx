import {
  Datagrid,
  DateField,
  Labeled,
  ListContextProvider,
  SelectField,
  TextField,
  useCanAccess,
  useGetList,
  useList,
  useLocaleState,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../common';
import { ChangesField, OPERATIONS } from './AuditEventList';

/** A record's writes, newest first, for those who may read the audit trail. */
export const RecordHistory = ({ entityType }: { entityType: string }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const allowed = useCanAccess({ resource: 'auditEvents', action: 'list' }).canAccess === true;
  const { data = [] } = useGetList(
    'auditEvents',
    {
      filter: { entityType, entityId: Number(record?.id) },
      sort: { field: 'occurredAt', order: 'DESC' },
      pagination: { page: 1, perPage: 20 },
    },
    { enabled: allowed && !!record },
  );
  const list = useList({ data });
  if (!allowed) return null;
  return (
    <Labeled label="cg.history.title" fullWidth>
      <ListContextProvider value={list}>
        <Datagrid bulkActionButtons={false} rowClick={false} resource="auditEvents" empty={<span>—</span>}>
          <DateField source="occurredAt" showTime locales={locale} sortable={false} />
          <TextField source="actorName" sortable={false} />
          <SelectField source="operation" choices={enumChoices(OPERATIONS, 'AuditOperation')} sortable={false} />
          <ChangesField />
        </Datagrid>
      </ListContextProvider>
    </Labeled>
  );
};
