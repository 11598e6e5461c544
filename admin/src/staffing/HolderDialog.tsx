import { PostSlot } from '@community-grid/shared';
import { Typography } from '@mui/material';
import { AutocompleteInput, DateInput, ReferenceInput, required, SelectInput, useTranslate } from 'react-admin';
import { enumChoices } from '../common';
import { Holder, Post, usePostLabel } from './posts';
import { StaffingCommand, StaffingCommandDialog } from './StaffingCommandDialog';

export type HolderMode = 'assign' | 'end' | 'move';

export interface HolderCommand {
  mode: HolderMode;
  post: Post;
  /** The holding ended or moved; none for an assignment. */
  holder?: Holder;
  slot?: 'A' | 'B';
}

const slots = enumChoices(PostSlot, 'PostSlot');

/** Assign, end or move a post's holder: pick the person, slot and days, preview, then apply. */
export const HolderDialog = ({
  command,
  day,
  posts,
  onClose,
  onDone,
}: {
  command: HolderCommand | null;
  day: string;
  posts?: Post[];
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const postLabel = usePostLabel();
  if (!command) return null;
  const { mode, post, holder } = command;
  const dialog: StaffingCommand = {
    testId: `holder-dialog-${mode}`,
    title: translate(`cg.staffing.${mode}_title`, { post: postLabel(post) }),
    explain: `cg.staffing.${mode}_explain`,
    defaults:
      mode === 'assign'
        ? { slot: command.slot ?? 'A', validFrom: day }
        : mode === 'end'
          ? { lastDay: day }
          : { effectiveOn: day, postId: post.id, slot: holder?.slot, staffMemberId: null },
    subject: holder && (
      <Typography variant="body1" sx={{ mb: 2 }}>
        {holder.staffMember?.name} · {translate(`cg.enums.PostSlot.${holder.slot}`)}
      </Typography>
    ),
    run: (api, v, dryRun) => {
      if (mode === 'assign') {
        return api.assignPostHolder(
          {
            postId: post.id,
            slot: v.slot,
            staffMemberId: v.staffMemberId,
            validFrom: v.validFrom,
            ...(v.validUntil ? { validUntil: v.validUntil } : {}),
          },
          dryRun,
        );
      }
      if (mode === 'end') return api.endPostHolder(holder!.id, v.lastDay, dryRun);
      // A move sends only what changes: another post, the other slot, or another person.
      const changes = {
        ...(v.postId && v.postId !== post.id ? { postId: v.postId } : {}),
        ...(v.slot && v.slot !== holder!.slot ? { slot: v.slot } : {}),
        ...(v.staffMemberId && v.staffMemberId !== holder!.staffMemberId ? { staffMemberId: v.staffMemberId } : {}),
      };
      return Object.keys(changes).length ? api.movePostHolder({ id: holder!.id, effectiveOn: v.effectiveOn, ...changes }, dryRun) : null;
    },
  };
  return (
    <StaffingCommandDialog command={dialog} onClose={onClose} onDone={onDone}>
      {mode === 'assign' && (
        <>
          <SelectInput source="slot" choices={slots} label="cg.staffing.slot" validate={required()} />
          <StaffPicker communityId={post.communityId} label="cg.staffing.staffMemberId" validate={required()} />
          <DateInput source="validFrom" label="cg.staffing.validFrom" validate={required()} />
          <DateInput source="validUntil" label="cg.staffing.validUntil" />
        </>
      )}
      {mode === 'end' && <DateInput source="lastDay" label="cg.staffing.lastDay" validate={required()} />}
      {mode === 'move' && (
        <>
          <DateInput source="effectiveOn" label="cg.staffing.effectiveOn" validate={required()} />
          {posts && (
            <SelectInput
              source="postId"
              label="cg.staffing.postId"
              choices={posts.map((p) => ({ id: p.id, name: postLabel(p) }))}
              translateChoice={false}
            />
          )}
          <SelectInput source="slot" choices={slots} label="cg.staffing.slot" />
          <StaffPicker communityId={post.communityId} label="cg.staffing.hand_over_to" />
        </>
      )}
    </StaffingCommandDialog>
  );
};

/** Staff work in one community: only its active staff are offered. */
export const StaffPicker = ({
  communityId,
  label,
  validate,
}: {
  communityId: string | number;
  label: string;
  validate?: ReturnType<typeof required>;
}) => (
  <ReferenceInput
    source="staffMemberId"
    reference="staffMembers"
    perPage={25}
    filter={{ homeCommunityId: communityId, active: true }}
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput optionText="name" label={label} validate={validate} sx={{ minWidth: 320 }} />
  </ReferenceInput>
);
