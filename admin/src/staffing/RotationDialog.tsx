import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { DateInput, maxValue, minValue, NumberInput, required, useLocaleState, useTranslate } from 'react-admin';
import { formatDay, Post, Rotation, usePostLabel } from './posts';
import { StaffingCommand, StaffingCommandDialog } from './StaffingCommandDialog';

/** A post's rotation on the day shown (A and B swapping every N weeks); writers start one, or end it, previewed then applied (the staffing screens then read again). */
export const RotationCell = ({ post, rotation, day, canWrite }: { post: Post; rotation?: Rotation; day: string; canWrite: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const postLabel = usePostLabel();
  const [open, setOpen] = useState(false);
  const command: StaffingCommand = rotation
    ? {
        testId: 'rotation-dialog-end',
        title: translate('cg.rotation.end_title', { post: postLabel(post) }),
        explain: 'cg.rotation.end_explain',
        defaults: { lastDay: day },
        run: (api, v, dryRun) => api.endPostRotation(rotation.id, v.lastDay, dryRun),
      }
    : {
        testId: 'rotation-dialog-start',
        title: translate('cg.rotation.start_title', { post: postLabel(post) }),
        explain: 'cg.rotation.start_explain',
        defaults: { everyWeeks: 2, validFrom: day },
        run: (api, v, dryRun) =>
          api.rotatePost(
            {
              postId: post.id,
              everyWeeks: Number(v.everyWeeks),
              validFrom: v.validFrom,
              ...(v.validUntil ? { validUntil: v.validUntil } : {}),
            },
            dryRun,
          ),
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
      <StaffingCommandDialog command={open ? command : null} onClose={() => setOpen(false)} onDone={() => setOpen(false)}>
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
