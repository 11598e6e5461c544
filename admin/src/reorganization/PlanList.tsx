import { PlanStatus } from '@community-grid/shared';
import { Chip } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices, LocalDateField } from '../common';

const COLORS = { DRAFT: 'default', APPLIED: 'success', REVERTED: 'warning' } as const;

/** DRAFT, APPLIED or REVERTED, as a coloured chip in the user's language. */
export const PlanStatusField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={COLORS[record.status as keyof typeof COLORS]}
      label={translate(`cg.enums.PlanStatus.${record.status}`)}
      data-testid="plan-status"
    />
  );
};

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <SelectInput source="status" choices={enumChoices(PlanStatus, 'PlanStatus')} key="status" />,
];

/** Plans, latest day first: a draft is deleted from its page, an applied plan only reverted. */
export const PlanList = () => (
  <List
    filters={filters}
    sort={{ field: 'effectiveOn', order: 'DESC' }}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <LocalDateField source="effectiveOn" />
      <PlanStatusField source="status" />
      <NumberField source="stepCount" sortable={false} />
      <TextField source="authorName" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
