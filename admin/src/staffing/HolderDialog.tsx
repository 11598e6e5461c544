import { PostSlot } from '@community-grid/shared';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput, Button, DateInput, Form, ReferenceInput, required, SelectInput, useDataProvider, useNotify, useTranslate,
} from 'react-admin';
import { enumChoices } from '../common';
import type { CommandResult, QueryFn } from '../dataProvider';
import { CommandPreview } from '../time/CommandDialog';
import { Holder, Post, usePostLabel } from './posts';

export type HolderMode = 'assign' | 'end' | 'move';

const RESULT = 'dryRun correlationId changeCount changes { operation entityType entityId changes } record { id }';
const MUTATIONS: Record<HolderMode, string> = {
  assign: `mutation ($input: AssignPostHolderInput!, $dryRun: Boolean!) { result: assignPostHolder(input: $input, dryRun: $dryRun) { ${RESULT} } }`,
  end: `mutation ($id: ID!, $lastDay: LocalDate!, $dryRun: Boolean!) { result: endPostHolder(id: $id, lastDay: $lastDay, dryRun: $dryRun) { ${RESULT} } }`,
  move: `mutation ($input: MovePostHolderInput!, $dryRun: Boolean!) { result: movePostHolder(input: $input, dryRun: $dryRun) { ${RESULT} } }`,
};

export interface HolderCommand {
  mode: HolderMode;
  post: Post;
  /** The holding ended or moved; none for an assignment. */
  holder?: Holder;
  slot?: 'A' | 'B';
}

const slots = enumChoices(PostSlot, 'PostSlot');

/**
 * Assign, end or move a post's holder: pick the person, slot and days, preview
 * the command (the same command run with dryRun, rolled back by the server),
 * then apply what was previewed. Editing after a preview asks for a new one.
 */
export const HolderDialog = ({ command, day, posts, onClose, onDone }: {
  command: HolderCommand | null; day: string; posts?: Post[]; onClose: () => void; onDone: () => void;
}) => {
  const translate = useTranslate();
  const postLabel = usePostLabel();
  if (!command) return null;
  const { mode, post, holder } = command;
  const defaults: Record<string, unknown> = mode === 'assign' ? { slot: command.slot ?? 'A', validFrom: day }
    : mode === 'end' ? { lastDay: day }
      : { effectiveOn: day, postId: post.id, slot: holder?.slot, staffMemberId: null };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid={`holder-dialog-${mode}`}>
      <DialogTitle>{translate(`cg.staffing.${mode}_title`, { post: postLabel(post) })}</DialogTitle>
      <Form defaultValues={defaults} noValidate>
        <HolderForm command={command} posts={posts} onClose={onClose} onDone={onDone} />
      </Form>
    </Dialog>
  );
};

const HolderForm = ({ command: { mode, post, holder }, posts, onClose, onDone }: {
  command: HolderCommand; posts?: Post[]; onClose: () => void; onDone: () => void;
}) => {
  const translate = useTranslate();
  const postLabel = usePostLabel();
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const notify = useNotify();
  const { getValues, setError, clearErrors, trigger } = useFormContext();
  const values = useWatch();
  const [preview, setPreview] = useState<{ key: string; result: CommandResult } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(values);
  useEffect(() => { setFailure(null); }, [key]);

  const variables = () => {
    const v = getValues();
    if (mode === 'assign') {
      return { input: { postId: post.id, slot: v.slot, staffMemberId: v.staffMemberId, validFrom: v.validFrom, ...(v.validUntil ? { validUntil: v.validUntil } : {}) } };
    }
    if (mode === 'end') return { id: holder!.id, lastDay: v.lastDay };
    // A move sends only what changes: another post, the other slot, or another person.
    return {
      input: {
        id: holder!.id, effectiveOn: v.effectiveOn,
        ...(v.postId && v.postId !== post.id ? { postId: v.postId } : {}),
        ...(v.slot && v.slot !== holder!.slot ? { slot: v.slot } : {}),
        ...(v.staffMemberId && v.staffMemberId !== holder!.staffMemberId ? { staffMemberId: v.staffMemberId } : {}),
      },
    };
  };

  const run = async (dryRun: boolean) => {
    if (!(await trigger())) return;
    clearErrors();
    setFailure(null);
    const vars = variables();
    if (mode === 'move' && Object.keys((vars as { input: object }).input).length <= 2) {
      setFailure(translate('cg.commands.nothing_changed'));
      return;
    }
    setBusy(true);
    try {
      const { result } = await dataProvider.query(MUTATIONS[mode], { ...vars, dryRun });
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

  const staffPicker = (label: string, validate?: ReturnType<typeof required>) => (
    // Holders work in the post's community: only its active staff are offered.
    <ReferenceInput source="staffMemberId" reference="staffMembers" perPage={25}
      filter={{ homeCommunityId: post.communityId, active: true }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" label={label} validate={validate} sx={{ minWidth: 320 }} />
    </ReferenceInput>
  );
  const current = preview && preview.key === key ? preview.result : null;
  return (
    <>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate(`cg.staffing.${mode}_explain`)}</Typography>
        {holder && <Typography variant="body1" sx={{ mb: 2 }}>{holder.staffMember?.name} · {translate(`cg.enums.PostSlot.${holder.slot}`)}</Typography>}
        {mode === 'assign' && (
          <>
            <SelectInput source="slot" choices={slots} label="cg.staffing.slot" validate={required()} />
            {staffPicker('cg.staffing.staffMemberId', required())}
            <DateInput source="validFrom" label="cg.staffing.validFrom" validate={required()} />
            <DateInput source="validUntil" label="cg.staffing.validUntil" />
          </>
        )}
        {mode === 'end' && <DateInput source="lastDay" label="cg.staffing.lastDay" validate={required()} />}
        {mode === 'move' && (
          <>
            <DateInput source="effectiveOn" label="cg.staffing.effectiveOn" validate={required()} />
            {posts && <SelectInput source="postId" label="cg.staffing.postId" choices={posts.map((p) => ({ id: p.id, name: postLabel(p) }))} translateChoice={false} />}
            <SelectInput source="slot" choices={slots} label="cg.staffing.slot" />
            {staffPicker('cg.staffing.hand_over_to')}
          </>
        )}
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
