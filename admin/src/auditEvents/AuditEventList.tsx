import { Datagrid, DateField, FunctionField, List, SelectField, SelectInput, TextField, TextInput, useLocaleState } from 'react-admin';
import { enumChoices } from '../common';

export const OPERATIONS = { CREATE: 'CREATE', UPDATE: 'UPDATE', DELETE: 'DELETE', REVEAL: 'REVEAL', LOOKUP: 'LOOKUP' };
const operations = enumChoices(OPERATIONS, 'AuditOperation');

/** What changed, one field a line: `name: 旧 → 新`. */
export const ChangesField = () => (
  <FunctionField
    source="changes"
    render={(record: { changes: Record<string, { before: unknown; after: unknown }> }) => (
      <span style={{ whiteSpace: 'pre-line', fontSize: '0.85em' }}>
        {Object.entries(record.changes ?? {})
          .map(([field, { before, after }]) => `${field}: ${JSON.stringify(before ?? '—')} → ${JSON.stringify(after ?? '—')}`)
          .join('\n')}
      </span>
    )}
  />
);

export const AuditEventList = () => {
  const [locale] = useLocaleState();
  return (
    <List
      filters={[
        <TextInput source="entityType" key="entityType" alwaysOn />,
        <SelectInput source="operation" choices={operations} key="operation" alwaysOn />,
      ]}
      sort={{ field: 'occurredAt', order: 'DESC' }}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="occurredAt" showTime locales={locale} />
        <TextField source="actorName" sortable={false} />
        <SelectField source="operation" choices={operations} />
        <TextField source="entityType" />
        <TextField source="entityId" sortable={false} />
        <ChangesField />
      </Datagrid>
    </List>
  );
};
