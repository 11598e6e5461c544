import { Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { FieldValues, useFormContext } from 'react-hook-form';
import { Form, useDataProvider, useTranslate } from 'react-admin';
import type { QueryFn } from '../dataProvider';
import { CommandActions, CommandOutcome, usePreviewThenApply } from '../time/CommandDialog';

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
export const StaffingCommandDialog = ({
  command,
  children,
  onClose,
  onDone,
}: {
  command: StaffingCommand | null;
  children?: ReactNode;
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  if (!command) return null;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid={command.testId}>
      <DialogTitle>{command.title}</DialogTitle>
      <Form defaultValues={command.defaults} noValidate>
        <CommandForm command={command} onClose={onClose} onDone={onDone}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(command.explain)}
          </Typography>
          {command.subject}
          {children}
        </CommandForm>
      </Form>
    </Dialog>
  );
};

const CommandForm = ({
  command,
  children,
  onClose,
  onDone,
}: {
  command: StaffingCommand;
  children?: ReactNode;
  onClose: () => void;
  onDone: () => void;
}) => {
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const { getValues } = useFormContext();
  const steps = usePreviewThenApply(async (dryRun) => {
    const variables = command.variables(getValues());
    return variables ? (await dataProvider.query(command.mutation, { ...variables, dryRun })).result : null;
  }, onDone);
  return (
    <>
      <DialogContent>
        {children}
        <CommandOutcome steps={steps} />
      </DialogContent>
      <CommandActions steps={steps} onCancel={onClose} />
    </>
  );
};
