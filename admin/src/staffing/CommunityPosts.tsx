import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, Loading, useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { useApiDataProvider } from '../dataProvider/api';
import { useShownDay } from '../time/asOf';
import { HolderCommand, HolderDialog } from './HolderDialog';
import { staffingKeys } from './operations';
import { TemplateAdoption } from './TemplateAdoption';
import { byPostOrder, formatDay, Holder, Rotation, usePostLabel } from './posts';
import { RotationCell } from './RotationDialog';

/** A community's posts with their A and B holders on the day shown; writers assign, end and move holders from here. */
export const CommunityPosts = () => {
  const record = useRecordContext();
  const day = useShownDay();
  const dataProvider = useApiDataProvider();
  const communityId = String(record?.id);
  const { data, error } = useQuery({
    queryKey: staffingKeys.communityPosts(communityId, day),
    queryFn: () => dataProvider.communityPosts(communityId, day),
    enabled: Boolean(record),
    retry: false,
  });
  const [command, setCommand] = useState<HolderCommand | null>(null);
  const canWrite = useCanAccess({ resource: 'postHolders', action: 'assign' }).canAccess === true;
  const canRotate = useCanAccess({ resource: 'postRotations', action: 'create' }).canAccess === true;
  const translate = useTranslate();
  const postLabel = usePostLabel();
  if (error) return <Typography color="error">{translate(error.message, { _: error.message })}</Typography>;
  if (!record || !data) return <Loading />;
  const posts = [...data.posts.items].sort(byPostOrder);
  return (
    <Box data-testid="community-posts">
      <TemplateAdoption communityId={String(record.id)} day={day} />
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('cg.staffing.post')}</TableCell>
            <TableCell>{translate('cg.staffing.kind')}</TableCell>
            <TableCell>{translate('cg.staffing.holder_a')}</TableCell>
            <TableCell>{translate('cg.staffing.holder_b')}</TableCell>
            <TableCell>{translate('cg.rotation.title')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {posts.map((post) => (
            <TableRow key={post.id} data-testid={`post-${post.id}`}>
              <TableCell>{postLabel(post)}</TableCell>
              <TableCell>{translate(`cg.enums.PostKind.${post.kind}`)}</TableCell>
              {(['A', 'B'] as const).map((slot) => (
                <TableCell key={slot} data-testid={`post-${post.id}-${slot}`}>
                  <HolderCell
                    holder={post.holders?.find((h) => h.slot === slot)}
                    canWrite={canWrite}
                    onCommand={(mode, holder) => setCommand({ mode, post, holder, slot })}
                  />
                </TableCell>
              ))}
              <TableCell data-testid={`post-${post.id}-rotation`}>
                <RotationCell post={post} rotation={currentOrNext(data.postRotations.items, post.id, day)} day={day} canWrite={canRotate} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <HolderDialog command={command} day={day} posts={posts} onClose={() => setCommand(null)} onDone={() => setCommand(null)} />
    </Box>
  );
};

/** The post's rotation on the day, or the next one planned. */
const currentOrNext = (rotations: Rotation[], postId: string, day: string) =>
  rotations
    .filter((r) => r.postId === postId && (!r.validUntil || r.validUntil >= day))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];

const HolderCell = ({
  holder,
  canWrite,
  onCommand,
}: {
  holder?: Holder;
  canWrite: boolean;
  onCommand: (mode: 'assign' | 'end' | 'move', holder?: Holder) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!holder) {
    return (
      <Stack direction="row" gap={1} alignItems="center">
        <Typography variant="body2" color="error">
          {translate('cg.staffing.vacant')}
        </Typography>
        {canWrite && (
          <Button size="small" onClick={() => onCommand('assign')}>
            {translate('cg.staffing.assign')}
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
      <Box>
        <Link to={`/staffMembers/${holder.staffMemberId}/show`}>{holder.staffMember?.name}</Link>
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('cg.staffing.from_until', {
            from: formatDay(locale, holder.validFrom),
            until: holder.validUntil ? formatDay(locale, holder.validUntil) : translate('cg.staffing.open_end'),
          })}
        </Typography>
      </Box>
      {canWrite && (
        <Button size="small" onClick={() => onCommand('move', holder)}>
          {translate('cg.staffing.move')}
        </Button>
      )}
      {canWrite && (
        <Button size="small" color="warning" onClick={() => onCommand('end', holder)}>
          {translate('cg.staffing.end')}
        </Button>
      )}
    </Stack>
  );
};
