import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, IconButton, List, ListItem, ListItemText, Stack, Tooltip, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { apiFailure } from '../dataProvider';
import { useApiDataProvider } from '../dataProvider/api';
import type { Outcome, Plan, Step } from './plans';
import { useStepSentence } from './sentences';
import { StepDialog } from './StepDialog';

/**
 * The plan's steps in order, each as a sentence; on a draft they are added,
 * changed, moved up or down and removed here. After a preview, a step that
 * failed is highlighted with its message.
 */
export const StepList = ({ plan, outcome, onChanged }: { plan: Plan; outcome: Outcome | null; onChanged: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useApiDataProvider();
  const steps = plan.steps ?? [];
  const sentence = useStepSentence(steps, plan.effectiveOn);
  const [editing, setEditing] = useState<Step | 'new' | null>(null);
  const draft = plan.status === 'DRAFT';
  // A change to the steps reads the plan again (onChanged refreshes the page).
  const settled = {
    onSuccess: onChanged,
    onError: (caught: unknown) => {
      const error = apiFailure(caught);
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error', messageArgs: { _: error?.message } });
    },
  };
  const move = useMutation({
    mutationFn: ({ step, by }: { step: Step; by: number }) => dataProvider.moveReorganizationStep(step.id, step.position + by),
    ...settled,
  });
  const remove = useMutation({ mutationFn: (step: Step) => dataProvider.removeReorganizationStep(step.id), ...settled });
  const outcomeOf = (step: Step) => outcome?.steps.find((s) => String(s.stepId) === String(step.id));

  return (
    <Box data-testid="plan-steps">
      <Stack direction="row" alignItems="center" gap={2}>
        <Typography variant="h6">{translate('cg.reorg.steps_title', { smart_count: steps.length })}</Typography>
        {draft && (
          <Button label="cg.reorg.add_step" onClick={() => setEditing('new')}>
            <AddIcon />
          </Button>
        )}
      </Stack>
      {steps.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('cg.reorg.no_steps')}
        </Typography>
      )}
      <List dense>
        {steps.map((step, index) => {
          const result = outcomeOf(step);
          const failed = result && !result.ok;
          return (
            <ListItem
              key={step.id}
              data-testid={`step-${step.position}`}
              data-failed={failed ? 'true' : undefined}
              divider
              sx={failed ? { borderLeft: 4, borderLeftColor: 'error.main', backgroundColor: 'rgba(211, 47, 47, 0.08)' } : undefined}
              secondaryAction={
                draft && (
                  <Stack direction="row">
                    <Tooltip title={translate('cg.reorg.move_up')}>
                      <span>
                        <IconButton
                          size="small"
                          disabled={index === 0}
                          aria-label={translate('cg.reorg.move_up')}
                          onClick={() => move.mutate({ step, by: -1 })}
                        >
                          <ArrowUpwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title={translate('cg.reorg.move_down')}>
                      <span>
                        <IconButton
                          size="small"
                          disabled={index === steps.length - 1}
                          aria-label={translate('cg.reorg.move_down')}
                          onClick={() => move.mutate({ step, by: 1 })}
                        >
                          <ArrowDownwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title={translate('ra.action.edit')}>
                      <IconButton size="small" aria-label={translate('ra.action.edit')} onClick={() => setEditing(step)}>
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={translate('ra.action.delete')}>
                      <IconButton size="small" aria-label={translate('ra.action.delete')} onClick={() => remove.mutate(step)}>
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                )
              }
            >
              <ListItemText
                sx={{ pr: 18 }}
                slotProps={{ secondary: { component: 'div' } }}
                primary={`${step.position}. ${sentence(step)}`}
                secondary={
                  <>
                    {translate(`cg.enums.PlanStepKind.${step.kind}`)}
                    {result?.ok && ` · ${translate('cg.reorg.step_ok', { smart_count: result.changeCount })}`}
                    {failed && result?.error && (
                      <Alert severity="error" sx={{ mt: 0.5, py: 0 }} data-testid={`step-error-${step.position}`}>
                        {result.error.message}
                        {result.error.fields &&
                          Object.entries(result.error.fields)
                            .map(([field, message]) => [field, String(message)])
                            .filter(([, message]) => !result.error!.message.includes(message))
                            .map(([field, message]) => <div key={field}>{`${field}: ${message}`}</div>)}
                      </Alert>
                    )}
                  </>
                }
              />
            </ListItem>
          );
        })}
      </List>
      {editing && (
        <StepDialog
          plan={plan}
          step={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Box>
  );
};
