import { Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FieldValues, useFormContext } from 'react-hook-form';
import { Form, useTranslate } from 'react-admin';
import type { CommandResult } from '../dataProvider';
import { type ApiDataProvider, useApiDataProvider } from '../dataProvider/api';
import { CommandActions, CommandOutcome, usePreviewThenApply } from '../time/CommandDialog';
import { staffingKeys } from './operations';

export interface StaffingCommand {
  testId: string;
  title: string;
  explain: string;
  defaults: Record<string, unknown>;
  /** Runs the command from the form's values (with dryRun, its preview); null when they name nothing to change. */
  run: (api: ApiDataProvider, values: FieldValues, dryRun: boolean) => Promise<CommandResult> | null;
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
  const dataProvider = useApiDataProvider();
  const queryClient = useQueryClient();
  const { getValues } = useFormContext();
  // What a staffing command changes shows on every staffing screen: they are all read again.
  const steps = usePreviewThenApply(
    async (dryRun) => (await command.run(dataProvider, getValues(), dryRun)) ?? null,
    () => {
      void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
      onDone();
    },
  );
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
