import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  DateInput,
  Link,
  Loading,
  ReferenceInput,
  required,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { useApiDataProvider } from '../dataProvider/api';
import { useShownDay } from '../time/asOf';
import { StaffPicker } from './HolderDialog';
import { staffingKeys } from './operations';
import { formatDay } from './posts';
import { StaffingCommand, StaffingCommandDialog } from './StaffingCommandDialog';

export interface GridMembership {
  id: string;
  gridId: string;
  staffMemberId: string;
  validFrom: string;
  validUntil: string | null;
  staffMember?: { id: string; name: string; active: boolean } | null;
  grid?: { id: string; code: string; name: string } | null;
}
/** What the grid-member dialog is about: a grid to staff, a person to place in a grid, or a membership to end or move. */
export type GridMemberCommand =
  | { mode: 'assign'; communityId: string; gridId?: string; staffMemberId?: string }
  | { mode: 'end' | 'move'; communityId: string; membership: GridMembership };

/** Assign, end or move a grid member, picking people and grids among the community's; preview, then apply. */
export const GridMemberDialog = ({
  command,
  day,
  onClose,
  onDone,
}: {
  command: GridMemberCommand | null;
  day: string;
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  if (!command) return null;
  const { mode, communityId } = command;
  const membership = command.mode === 'assign' ? undefined : command.membership;
  const dialog: StaffingCommand = {
    testId: `grid-member-dialog-${mode}`,
    title: translate(`cg.grid_members.${mode}_title`),
    explain: `cg.grid_members.${mode}_explain`,
    defaults:
      command.mode === 'assign'
        ? { gridId: command.gridId, staffMemberId: command.staffMemberId, validFrom: day }
        : command.mode === 'end'
          ? { lastDay: day }
          : { effectiveOn: day, gridId: command.membership.gridId },
    subject: membership && (
      <Typography variant="body1" sx={{ mb: 2 }}>
        {membership.staffMember?.name}
        {membership.grid ? ` · ${membership.grid.code} ${membership.grid.name}` : ''}
      </Typography>
    ),
    run: (api, v, dryRun) => {
      if (mode === 'assign')
        return api.assignGridMember(
          {
            gridId: v.gridId,
            staffMemberId: v.staffMemberId,
            validFrom: v.validFrom,
            ...(v.validUntil ? { validUntil: v.validUntil } : {}),
          },
          dryRun,
        );
      if (mode === 'end') return api.endGridMember(membership!.id, v.lastDay, dryRun);
      return v.gridId && v.gridId !== membership!.gridId
        ? api.moveGridMember({ id: membership!.id, effectiveOn: v.effectiveOn, gridId: v.gridId }, dryRun)
        : null;
    },
  };
  const gridPicker = <GridPicker communityId={communityId} />;
  return (
    <StaffingCommandDialog command={dialog} onClose={onClose} onDone={onDone}>
      {command.mode === 'assign' && (
        <>
          {command.gridId ? null : gridPicker}
          {command.staffMemberId ? null : <StaffPicker communityId={communityId} label="cg.staffing.staffMemberId" validate={required()} />}
          <DateInput source="validFrom" label="cg.staffing.validFrom" validate={required()} />
          <DateInput source="validUntil" label="cg.staffing.validUntil" />
        </>
      )}
      {mode === 'end' && <DateInput source="lastDay" label="cg.staffing.lastDay" validate={required()} />}
      {mode === 'move' && (
        <>
          <DateInput source="effectiveOn" label="cg.staffing.effectiveOn" validate={required()} />
          {gridPicker}
        </>
      )}
    </StaffingCommandDialog>
  );
};

/** Grid members serve grids of the community they work in. */
const GridPicker = ({ communityId }: { communityId: string }) => (
  <ReferenceInput source="gridId" reference="grids" perPage={50} filter={{ communityId }} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput
      optionText={(g: { code: string; name: string }) => `${g.code} ${g.name}`}
      label="cg.staffing.grid"
      validate={required()}
      sx={{ minWidth: 320 }}
    />
  </ReferenceInput>
);

/** A grid's members on the day shown and its gap state (two members, or why not); writers assign, end and move them here. */
export const GridMembers = (_props: { label?: string }) => {
  const record = useRecordContext();
  const day = useShownDay();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const canWrite = useCanAccess({ resource: 'gridAssignments', action: 'assign' }).canAccess === true;
  const [command, setCommand] = useState<GridMemberCommand | null>(null);
  const dataProvider = useApiDataProvider();
  const gridId = String(record?.id);
  const gridCommunityId = String(record?.communityId);
  const { data, error } = useQuery({
    queryKey: staffingKeys.gridMembers(gridId, gridCommunityId, day),
    queryFn: () => dataProvider.gridMembers(gridId, gridCommunityId, day),
    enabled: Boolean(record),
    retry: false,
  });
  if (error) return <Typography color="error">{translate(error.message, { _: error.message })}</Typography>;
  if (!record || !data) return <Loading />;
  const communityId = String(record.communityId);
  const grid = { id: String(record.id), code: record.code, name: record.name };
  const members = data.gridAssignments.items;
  const gaps = data.gridStaffingGaps.filter((g) => String(g.gridId) === grid.id);
  return (
    <Box data-testid="grid-members" data-gap={gaps.length ? 'true' : 'false'}>
      <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap" sx={{ mb: 1 }} data-testid="grid-member-state">
        {gaps.length === 0 ? (
          <Chip size="small" color="success" label={translate('cg.grid_members.staffed')} />
        ) : (
          gaps.map((g, i) => (
            <Chip
              key={i}
              size="small"
              color="error"
              data-testid="grid-member-gap"
              label={`${translate(`cg.enums.DutyGapKind.${g.kind}`)}${g.staffMember ? ` · ${g.staffMember.name}` : ''}${g.memberCount != null ? ` (${g.memberCount})` : ''}`}
            />
          ))
        )}
        {canWrite && (
          <Button size="small" variant="outlined" onClick={() => setCommand({ mode: 'assign', communityId, gridId: grid.id })}>
            {translate('cg.grid_members.add')}
          </Button>
        )}
      </Stack>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('cg.staffing.who')}</TableCell>
            <TableCell>{translate('cg.staffing.validFrom')}</TableCell>
            <TableCell>{translate('cg.staffing.lastDay')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {members.length === 0 && (
            <TableRow>
              <TableCell colSpan={4}>{translate('cg.staffing.nothing')}</TableCell>
            </TableRow>
          )}
          {members.map((m) => (
            <TableRow key={m.id} data-testid={`grid-member-${m.staffMemberId}`}>
              <TableCell>
                <Link to={`/staffMembers/${m.staffMemberId}/show/assignments`}>{m.staffMember?.name}</Link>
              </TableCell>
              <TableCell>{formatDay(locale, m.validFrom)}</TableCell>
              <TableCell>{m.validUntil ? formatDay(locale, m.validUntil) : translate('cg.staffing.open_end')}</TableCell>
              <TableCell align="right">
                {canWrite && <MembershipButtons onCommand={(mode) => setCommand({ mode, communityId, membership: { ...m, grid } })} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <GridMemberDialog command={command} day={day} onClose={() => setCommand(null)} onDone={() => setCommand(null)} />
    </Box>
  );
};

export const MembershipButtons = ({ onCommand }: { onCommand: (mode: 'move' | 'end') => void }) => {
  const translate = useTranslate();
  return (
    <>
      <Button size="small" onClick={() => onCommand('move')}>
        {translate('cg.staffing.move')}
      </Button>
      <Button size="small" color="warning" onClick={() => onCommand('end')}>
        {translate('cg.staffing.end')}
      </Button>
    </>
  );
};

/** Whether a membership still runs on the day (ended ones are history, not edited). */
export const runsOn = (m: { validUntil: string | null }, day: string) => !m.validUntil || m.validUntil >= day;
