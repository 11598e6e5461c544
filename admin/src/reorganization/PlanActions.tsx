import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import PreviewIcon from '@mui/icons-material/Preview';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useStateFor } from '../useStateFor';
import { Button, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { apiFailure } from '../dataProvider';
import { apiKeys, useApiDataProvider } from '../dataProvider/api';
import { formatDay } from '../staffing/posts';
import { districtToday, noteServerToday } from '../time/asOf';
import { ImpactSummary } from './ImpactView';
import type { Outcome, Plan } from './plans';

/** What was previewed, for which state of the plan: a change to the plan (or the revert day) asks for a new preview. */
export interface Previewed {
  key: string;
  planState: string;
  outcome: Outcome;
}

export const planKey = (plan: Plan, revertOn?: string) =>
  JSON.stringify([plan.version, plan.effectiveOn, plan.status, plan.steps?.map((s) => [s.id, s.version, s.position]), revertOn ?? null]);

/**
 * Preview, then apply (a draft) or undo (an applied plan): before its day it
 * is withdrawn, from its day it is reverted by a change on a chosen day. Each
 * preview is the command's own dry run; the confirmation restates its impact.
 */
export const PlanActions = ({
  plan,
  previewed,
  setPreviewed,
  onDone,
}: {
  plan: Plan;
  previewed: Previewed | null;
  setPreviewed: (value: Previewed | null) => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useApiDataProvider();
  // Whether a plan is withdrawn or reverted depends on the server's today, which the browser's clock may not match.
  const { data: serverDay } = useQuery({
    queryKey: apiKeys.serverToday,
    queryFn: () => dataProvider.serverToday(),
    retry: false,
  });
  const today = serverDay ?? districtToday();
  useEffect(() => noteServerToday(today), [today]);
  const withdraw = plan.status === 'APPLIED' && plan.effectiveOn > today;
  const [revertOn, setRevertOn] = useStateFor(today, today);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const mode = plan.status === 'DRAFT' ? 'apply' : 'revert';
  const key = planKey(plan, mode === 'revert' && !withdraw ? revertOn : undefined);
  const current = previewed?.key === key ? previewed.outcome : null;

  const execute = async (dryRun: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      const outcome =
        mode === 'apply'
          ? await dataProvider.applyReorganizationPlan(plan.id, dryRun)
          : await dataProvider.revertReorganizationPlan(plan.id, withdraw ? null : revertOn, dryRun);
      if (dryRun) {
        setPreviewed({ key, planState: planKey(plan), outcome });
      } else {
        setConfirming(false);
        setPreviewed(null);
        notify(`cg.reorg.done_${mode === 'apply' ? 'apply' : withdraw ? 'withdraw' : 'revert'}`, {
          type: 'info',
          messageArgs: { smart_count: outcome.changeCount },
        });
        onDone();
      }
    } catch (caught) {
      const error = apiFailure(caught);
      if (dryRun) setPreviewed(null);
      setFailure(
        [translate(error?.message ?? 'ra.notification.http_error', { _: error?.message }), error?.body?.detail].filter(Boolean).join(' — '),
      );
    } finally {
      setBusy(false);
    }
  };

  if (plan.status === 'REVERTED') {
    return (
      <Alert severity="info" data-testid="plan-reverted">
        {translate('cg.reorg.reverted_on', { day: formatDay(locale, plan.revertedOn ?? plan.effectiveOn) })}
      </Alert>
    );
  }
  const verb = mode === 'apply' ? 'apply' : withdraw ? 'withdraw' : 'revert';
  return (
    <Stack gap={1} data-testid="plan-actions">
      {plan.status === 'APPLIED' && (
        <Alert severity="success" data-testid="plan-applied">
          {translate(withdraw ? 'cg.reorg.applied_future' : 'cg.reorg.applied_in_effect', { day: formatDay(locale, plan.effectiveOn) })}
        </Alert>
      )}
      <Stack direction="row" gap={2} alignItems="center" flexWrap="wrap">
        {mode === 'revert' && !withdraw && (
          <TextField
            type="date"
            size="small"
            label={translate('cg.reorg.revert_on')}
            value={revertOn}
            onChange={(event) => event.target.value && setRevertOn(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            inputProps={{ 'aria-label': translate('cg.reorg.revert_on') }}
            sx={{ width: 180 }}
          />
        )}
        <Button
          label={`cg.reorg.preview_${verb}`}
          variant="outlined"
          disabled={busy || (mode === 'apply' && !plan.steps?.length)}
          onClick={() => execute(true)}
        >
          <PreviewIcon />
        </Button>
        <Button
          label={`cg.reorg.${verb}`}
          variant="contained"
          color={mode === 'apply' ? 'primary' : 'warning'}
          disabled={busy || !current?.ok}
          onClick={() => setConfirming(true)}
        >
          {mode === 'apply' ? <PlayArrowIcon /> : <UndoIcon />}
        </Button>
        {!current && (
          <Typography variant="body2" color="text.secondary">
            {translate('cg.reorg.preview_first')}
          </Typography>
        )}
      </Stack>
      {failure && (
        <Alert severity="error" data-testid="plan-failure">
          {failure}
        </Alert>
      )}
      {confirming && current && (
        <Dialog open onClose={() => setConfirming(false)} maxWidth="sm" fullWidth data-testid="confirm-dialog">
          <DialogTitle>{translate(`cg.reorg.confirm_${verb}_title`, { name: plan.name })}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate(`cg.reorg.confirm_${verb}`, { day: formatDay(locale, current.day) })}</DialogContentText>
            <ImpactSummary outcome={current} />
            {failure && <Alert severity="error">{failure}</Alert>}
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setConfirming(false)} />
            <Button
              label={`cg.reorg.${verb}`}
              variant="contained"
              color={mode === 'apply' ? 'primary' : 'warning'}
              disabled={busy}
              onClick={() => execute(false)}
            />
          </DialogActions>
        </Dialog>
      )}
    </Stack>
  );
};
