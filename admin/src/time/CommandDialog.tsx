import EventBusyIcon from '@mui/icons-material/EventBusy';
import MoveUpIcon from '@mui/icons-material/MoveUp';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Children, isValidElement, ReactNode, useState } from 'react';
import { useStateFor } from '../useStateFor';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  Button,
  DateInput,
  Form,
  type RaRecord,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { apiFailure, type CommandResult } from '../dataProvider';
import { useApiDataProvider } from '../dataProvider/api';
import { districtToday } from './asOf';

type Mode = 'change' | 'end';

/** The dated fields the change inputs edit: the `source` of each child input. */
const sourcesOf = (children: ReactNode): string[] =>
  Children.toArray(children).flatMap((child) =>
    isValidElement<{ source?: string }>(child) && child.props.source ? [child.props.source] : [],
  );

/**
 * "Move / change from a date" and "End": a dialog that first previews the
 * command (the same command run with dryRun, which the server rolls back) and
 * lists what it would change, then applies it. Editing the form after a
 * preview asks for a new one, so what is applied is what was previewed.
 */
export const CommandButton = ({ mode, children }: { mode: Mode; children?: ReactNode }) => {
  const translate = useTranslate();
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const sources = sourcesOf(children);
  // The day shown (the server's today unless another day was picked) is where a change most likely starts.
  const day = record.asOf ?? districtToday();
  const defaults: Record<string, unknown> =
    mode === 'change' ? { effectiveOn: day, ...Object.fromEntries(sources.map((source) => [source, record[source]])) } : { lastDay: day };
  return (
    <>
      <Button label={`cg.commands.${mode}`} onClick={() => setOpen(true)}>
        {mode === 'change' ? <MoveUpIcon /> : <EventBusyIcon />}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{translate(`cg.commands.${mode}_title`)}</DialogTitle>
        {open && (
          <Form defaultValues={defaults} noValidate>
            <CommandForm mode={mode} unit={record} sources={sources} onDone={() => setOpen(false)}>
              {children}
            </CommandForm>
          </Form>
        )}
      </Dialog>
    </>
  );
};

const CommandForm = ({
  mode,
  unit: record,
  sources,
  children,
  onDone,
}: {
  mode: Mode;
  unit: RaRecord;
  sources: string[];
  children?: ReactNode;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const resource = useResourceContext()!;
  const dataProvider = useApiDataProvider();
  const refresh = useRefresh();
  const { getValues } = useFormContext();

  const input = () => {
    const current = getValues();
    const changed = sources.filter((source) => JSON.stringify(current[source] ?? null) !== JSON.stringify(record[source] ?? null));
    return {
      id: String(record.id),
      effectiveOn: current.effectiveOn,
      ...Object.fromEntries(changed.map((source) => [source, current[source]])),
    };
  };
  const steps = usePreviewThenApply(
    async (dryRun) => {
      if (mode === 'end') return dataProvider.end(resource, String(record.id), getValues().lastDay, dryRun);
      const change = input();
      return Object.keys(change).length <= 2 ? null : dataProvider.change(resource, change, dryRun);
    },
    () => {
      onDone();
      refresh();
    },
  );

  return (
    <>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(`cg.commands.${mode}_explain`)}
        </Typography>
        <DateInput
          source={mode === 'change' ? 'effectiveOn' : 'lastDay'}
          label={`cg.commands.${mode === 'change' ? 'effectiveOn' : 'lastDay'}`}
          validate={required()}
        />
        {children}
        <CommandOutcome steps={steps} />
      </DialogContent>
      <CommandActions steps={steps} onCancel={onDone} />
    </>
  );
};

/**
 * The steps every command dialog shares: preview (the command run with
 * dryRun, which the server rolls back), then apply what was previewed.
 * Editing the form after a preview asks for a new one. `execute` runs the
 * command, or answers null when the form names nothing to change; server
 * field errors land on the fields.
 */
export function usePreviewThenApply(execute: (dryRun: boolean) => Promise<CommandResult | null>, onApplied: () => void) {
  const translate = useTranslate();
  const notify = useNotify();
  const { setError, clearErrors, trigger } = useFormContext();
  const values = useWatch();
  const [preview, setPreview] = useState<{ key: string; result: CommandResult } | null>(null);
  // A failure is about the values it was met with: editing the form clears it.
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(values);
  const [failure, setFailure] = useStateFor<string | null>(key, null);

  const run = async (dryRun: boolean) => {
    if (!(await trigger())) return;
    clearErrors();
    setFailure(null);
    setBusy(true);
    try {
      const result = await execute(dryRun);
      if (!result) {
        setFailure(translate('cg.commands.nothing_changed'));
      } else if (dryRun) {
        setPreview({ key, result });
      } else {
        notify('cg.commands.applied', { type: 'info', messageArgs: { smart_count: result.changeCount } });
        onApplied();
      }
    } catch (caught) {
      const error = apiFailure(caught);
      setPreview(null);
      const fields: Record<string, string> = error?.body?.errors ?? {};
      for (const [field, message] of Object.entries(fields)) setError(field, { type: 'server', message });
      setFailure(
        [translate(error?.message ?? 'ra.notification.http_error', { _: error?.message }), error?.body?.detail].filter(Boolean).join(' — '),
      );
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, failure, previewed: preview && preview.key === key ? preview.result : null };
}

type Steps = ReturnType<typeof usePreviewThenApply>;

/** What a command dialog says after a step: its failure, or what the preview would change. */
export const CommandOutcome = ({ steps }: { steps: Steps }) => (
  <>
    {steps.failure && (
      <Alert severity="error" data-testid="command-failure">
        {steps.failure}
      </Alert>
    )}
    {steps.previewed && <CommandPreview result={steps.previewed} />}
  </>
);

/** Cancel, Preview, and Apply once something was previewed. */
export const CommandActions = ({ steps, onCancel }: { steps: Steps; onCancel: () => void }) => (
  <DialogActions>
    <Button label="ra.action.cancel" onClick={onCancel} />
    <Button label="cg.commands.preview" variant="outlined" disabled={steps.busy} onClick={() => steps.run(true)} />
    <Button label="cg.commands.apply" variant="contained" disabled={steps.busy || !steps.previewed} onClick={() => steps.run(false)} />
  </DialogActions>
);

/** What the command would write, one row per record, as the audit trail will record it. */
export const CommandPreview = ({ result }: { result: CommandResult }) => {
  const translate = useTranslate();
  return (
    <div data-testid="command-preview">
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('cg.commands.preview_title', { smart_count: result.changeCount })}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.auditEvents.fields.operation')}</TableCell>
            <TableCell>{translate('resources.auditEvents.fields.entityType')}</TableCell>
            <TableCell>{translate('resources.auditEvents.fields.entityId')}</TableCell>
            <TableCell>{translate('resources.auditEvents.fields.changes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.changes.map((change, index) => (
            <TableRow key={index}>
              <TableCell>{translate(`cg.enums.AuditOperation.${change.operation}`)}</TableCell>
              <TableCell>{change.entityType}</TableCell>
              <TableCell>{change.entityId}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-line', fontSize: '0.85em' }}>
                {Object.entries(change.changes as Record<string, { before: unknown; after: unknown }>)
                  .map(([field, { before, after }]) => `${field}: ${JSON.stringify(before ?? '—')} → ${JSON.stringify(after ?? '—')}`)
                  .join('\n')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};
