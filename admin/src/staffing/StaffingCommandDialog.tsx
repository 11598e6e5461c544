import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { ReactNode, useEffect, useState } from 'react';
import { FieldValues, useFormContext, useWatch } from 'react-hook-form';
import { Button, Form, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { CommandResult, QueryFn } from '../dataProvider';
import { CommandPreview } from '../time/CommandDialog';

export const COMMAND_RESULT = 'dryRun correlationId changeCount changes { operation entityType entityId changes } record { id }';

export interface StaffingCommand {
  testId: string;
  title: string;
  explain: string;
  defaults: Record<string, unknown>;
  /** A mutation taking `$dryRun` and answering as `result`. */
  mutation: string;
  /** The mutation's variables from the form; null when they name nothing to change. */
  variables: (values: FieldValues) => Record<string, unknown> | null;
  /** Shown above the inputs (who or what the command is about). */
  subject?: ReactNode;
}

/**
 * A staffing command as a dialog: fill the inputs, preview (the same command
 * run with dryRun, rolled back by the server), then apply what was previewed.
 * Editing after a preview asks for a new one.
 */
export const StaffingCommandDialog = ({ command, children, onClose, onDone }: {
  command: StaffingCommand | null; children?: ReactNode; onClose: () => void; onDone: () => void;
}) => {
  const translate = useTranslate();
  if (!command) return null;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid={command.testId}>
      <DialogTitle>{command.title}</DialogTitle>
      <Form defaultValues={command.defaults} noValidate>
        <CommandForm command={command} onClose={onClose} onDone={onDone}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate(command.explain)}</Typography>
          {command.subject}
          {children}
        </CommandForm>
      </Form>
    </Dialog>
  );
};

const CommandForm = ({ command, children, onClose, onDone }: { command: StaffingCommand; children?: ReactNode; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const notify = useNotify();
  const { getValues, setError, clearErrors, trigger } = useFormContext();
  const values = useWatch();
  const [preview, setPreview] = useState<{ key: string; result: CommandResult } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(values);
  useEffect(() => { setFailure(null); }, [key]);

  const run = async (dryRun: boolean) => {
    if (!(await trigger())) return;
    clearErrors();
    setFailure(null);
    const variables = command.variables(getValues());
    if (!variables) {
      setFailure(translate('cg.commands.nothing_changed'));
      return;
    }
    setBusy(true);
    try {
      const { result } = await dataProvider.query(command.mutation, { ...variables, dryRun });
      if (dryRun) {
        setPreview({ key, result });
      } else {
        notify('cg.commands.applied', { type: 'info', messageArgs: { smart_count: result.changeCount } });
        onDone();
      }
    } catch (error: any) {
      setPreview(null);
      const fields: Record<string, string> = error?.body?.errors ?? {};
      for (const [field, message] of Object.entries(fields)) setError(field, { type: 'server', message });
      setFailure([translate(error?.message ?? 'ra.notification.http_error', { _: error?.message }), error?.body?.detail].filter(Boolean).join(' — '));
    } finally {
      setBusy(false);
    }
  };

  const current = preview && preview.key === key ? preview.result : null;
  return (
    <>
      <DialogContent>
        {children}
        {failure && <Alert severity="error" data-testid="command-failure">{failure}</Alert>}
        {current && <CommandPreview result={current} />}
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="cg.commands.preview" variant="outlined" disabled={busy} onClick={() => run(true)} />
        <Button label="cg.commands.apply" variant="contained" disabled={busy || !current} onClick={() => run(false)} />
      </DialogActions>
    </>
  );
};
