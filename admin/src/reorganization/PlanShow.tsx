import { Card, CardContent, Divider, Stack } from '@mui/material';
import { useState } from 'react';
import {
  CanAccess,
  DeleteButton,
  EditButton,
  Labeled,
  Loading,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { LocalDateField } from '../common';
import { RecordHistory } from '../auditEvents/RecordHistory';
import { ImpactView } from './ImpactView';
import { PlanActions, planKey, Previewed } from './PlanActions';
import { PlanStatusField } from './PlanList';
import type { Plan } from './plans';
import { StepList } from './StepList';

/** Name, day and description are edited (and the plan deleted) only while it is a draft. */
const PlanShowActions = () => {
  const record = useRecordContext<Plan>();
  if (record?.status !== 'DRAFT') return <TopToolbar />;
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
};

/**
 * The plan page: its facts, the step editor, and the preview screen — the
 * apply's (or the revert's) own dry run, failed steps marked on the steps.
 */
const PlanPage = () => {
  const plan = useRecordContext<Plan>();
  const refresh = useRefresh();
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  if (!plan) return <Loading />;
  // A preview of another state of the plan (steps changed since) is not shown.
  const outcome = previewed && previewed.planState === planKey(plan) ? previewed.outcome : null;
  return (
    <Card>
      <CardContent>
        <Stack direction="row" gap={4} flexWrap="wrap">
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <Labeled>
            <LocalDateField source="effectiveOn" />
          </Labeled>
          <Labeled>
            <PlanStatusField source="status" />
          </Labeled>
          <Labeled>
            <TextField source="authorName" emptyText="—" />
          </Labeled>
          {plan.revertedOn && (
            <Labeled>
              <LocalDateField source="revertedOn" />
            </Labeled>
          )}
        </Stack>
        {plan.description && (
          <Labeled fullWidth>
            <TextField source="description" />
          </Labeled>
        )}
        <Divider sx={{ my: 2 }} />
        <StepList
          plan={plan}
          outcome={outcome}
          onChanged={() => {
            setPreviewed(null);
            refresh();
          }}
        />
        <Divider sx={{ my: 2 }} />
        <CanAccess resource="reorganizationPlans" action={plan.status === 'DRAFT' ? 'apply' : 'revert'}>
          <PlanActions plan={plan} previewed={previewed} setPreviewed={setPreviewed} onDone={refresh} />
        </CanAccess>
        {outcome && (
          <>
            <Divider sx={{ my: 2 }} />
            <ImpactView outcome={outcome} />
          </>
        )}
        <Divider sx={{ my: 2 }} />
        <RecordHistory entityType="ReorganizationPlan" />
      </CardContent>
    </Card>
  );
};

export const PlanShow = () => (
  <Show actions={<PlanShowActions />} component="div">
    <PlanPage />
  </Show>
);
