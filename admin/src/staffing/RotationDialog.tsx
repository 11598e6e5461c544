import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { DateInput, maxValue, minValue, NumberInput, required, useLocaleState, useTranslate } from 'react-admin';
import { formatDay, Post, Rotation, usePostLabel } from './posts';
import { COMMAND_RESULT, StaffingCommand, StaffingCommandDialog } from './StaffingCommandDialog';

const ROTATE = `mutation ($input: RotatePostInput!, $dryRun: Boolean!) { result: rotatePost(input: $input, dryRun: $dryRun) { ${COMMAND_RESULT} } }`;
const END = `mutation ($id: ID!, $lastDay: LocalDate!, $dryRun: Boolean!) { result: endPostRotation(id: $id, lastDay: $lastDay, dryRun: $dryRun) { ${COMMAND_RESULT} } }`;

/** A post's rotation on the day shown (A and B swapping every N weeks); writers start one, or end it, previewed then applied. */
export const RotationCell = ({
  post,
  rotation,
  day,
  canWrite,
  onDone,
}: {
  post: Post;
  rotation?: Rotation;
  day: string;
  canWrite: boolean;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const postLabel = usePostLabel();
  const [open, setOpen] = useState(false);
  const command: StaffingCommand = rotation
    ? {
        testId: 'rotation-dialog-end',
        title: translate('cg.rotation.end_title', { post: postLabel(post) }),
        explain: 'cg.rotation.end_explain',
        mutation: END,
        defaults: { lastDay: day },
        variables: (v) => ({ id: rotation.id, lastDay: v.lastDay }),
      }
    : {
        testId: 'rotation-dialog-start',
        title: translate('cg.rotation.start_title', { post: postLabel(post) }),
        explain: 'cg.rotation.start_explain',
        mutation: ROTATE,
        defaults: { everyWeeks: 2, validFrom: day },
        variables: (v) => ({
          input: {
            postId: post.id,
            everyWeeks: Number(v.everyWeeks),
            validFrom: v.validFrom,
            ...(v.validUntil ? { validUntil: v.validUntil } : {}),
          },
        }),
      };
  return (
    <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
      <Typography variant="body2" color={rotation ? 'text.primary' : 'text.secondary'}>
        {rotation ? translate('cg.rotation.every', { smart_count: rotation.everyWeeks, from: formatDay(locale, rotation.validFrom) }) : '—'}
      </Typography>
      {canWrite && (
        <Button size="small" color={rotation ? 'warning' : 'primary'} onClick={() => setOpen(true)}>
          {translate(rotation ? 'cg.staffing.end' : 'cg.rotation.start')}
        </Button>
      )}
      <StaffingCommandDialog
        command={open ? command : null}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          onDone();
        }}
      >
        {rotation ? (
          <DateInput source="lastDay" label="cg.staffing.lastDay" validate={required()} />
        ) : (
          <>
            <NumberInput source="everyWeeks" label="cg.rotation.everyWeeks" validate={[required(), minValue(1), maxValue(52)]} />
            <DateInput source="validFrom" label="cg.rotation.validFrom" validate={required()} />
            <DateInput source="validUntil" label="cg.staffing.validUntil" />
          </>
        )}
      </StaffingCommandDialog>
    </Stack>
  );
};
