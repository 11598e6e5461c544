import { AbsenceReason } from '@community-grid/shared';
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  Link,
  Loading,
  ReferenceManyField,
  SelectField,
  TextField,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { useState } from 'react';
import { enumChoices, LocalDateField, useLocalizedName } from '../common';
import { useQuery } from '@tanstack/react-query';
import { useApiDataProvider } from '../dataProvider/api';
import { useShownDay } from '../time/asOf';
import { GridMemberCommand, GridMemberDialog, MembershipButtons, runsOn } from './GridMembers';
import { staffingKeys } from './operations';
import { formatDay, usePostLabel } from './posts';

const newestFirst = (a: { validFrom: string }, b: { validFrom: string }) => b.validFrom.localeCompare(a.validFrom);

/** The posts a member of staff holds or held (A or B) and the grids they serve or served. */
export const StaffAssignments = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const postLabel = usePostLabel();
  const nameOf = useLocalizedName();
  const day = useShownDay();
  const canWrite = useCanAccess({ resource: 'gridAssignments', action: 'assign' }).canAccess === true;
  const [command, setCommand] = useState<GridMemberCommand | null>(null);
  const dataProvider = useApiDataProvider();
  const staffMemberId = String(record?.id);
  const { data, error } = useQuery({
    queryKey: staffingKeys.staffAssignments(staffMemberId),
    queryFn: () => dataProvider.staffAssignments(staffMemberId),
    enabled: Boolean(record),
    retry: false,
  });
  if (error) return <Typography color="error">{translate(error.message, { _: error.message })}</Typography>;
  if (!record || !data) return <Loading />;
  const communityId = String(record.homeCommunityId);
  const person = { id: String(record.id), name: record.name, active: record.active };
  const until = (day: string | null) => (day ? formatDay(locale, day) : translate('cg.staffing.open_end'));
  return (
    <Box data-testid="staff-assignments">
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {translate('cg.staffing.assignments')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('cg.staffing.community')}</TableCell>
            <TableCell>{translate('cg.staffing.post')}</TableCell>
            <TableCell>{translate('cg.staffing.slot')}</TableCell>
            <TableCell>{translate('cg.staffing.validFrom')}</TableCell>
            <TableCell>{translate('cg.staffing.lastDay')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.postHolders.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={5}>{translate('cg.staffing.nothing')}</TableCell>
            </TableRow>
          )}
          {[...data.postHolders.items].sort(newestFirst).map((h) => (
            <TableRow key={h.id}>
              <TableCell>
                <Link to={`/communities/${h.post.community.id}/show/posts`}>{nameOf(h.post.community)}</Link>
              </TableCell>
              <TableCell>{postLabel(h.post)}</TableCell>
              <TableCell>{translate(`cg.enums.PostSlot.${h.slot}`)}</TableCell>
              <TableCell>{formatDay(locale, h.validFrom)}</TableCell>
              <TableCell>{until(h.validUntil)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle1" sx={{ mt: 3 }}>
        {translate('cg.staffing.grid_assignments')}
        {canWrite && record.active && record.homeCommunityId && (
          <Button size="small" sx={{ ml: 2 }} onClick={() => setCommand({ mode: 'assign', communityId, staffMemberId: person.id })}>
            {translate('cg.grid_members.assign_to_grid')}
          </Button>
        )}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('cg.staffing.community')}</TableCell>
            <TableCell>{translate('cg.staffing.grid')}</TableCell>
            <TableCell>{translate('cg.staffing.validFrom')}</TableCell>
            <TableCell>{translate('cg.staffing.lastDay')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {data.gridAssignments.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={5}>{translate('cg.staffing.nothing')}</TableCell>
            </TableRow>
          )}
          {[...data.gridAssignments.items].sort(newestFirst).map((a) => (
            <TableRow key={a.id} data-testid={`grid-assignment-${a.gridId}`}>
              <TableCell>{nameOf(a.grid?.community)}</TableCell>
              <TableCell>{a.grid && <Link to={`/grids/${a.grid.id}/show`}>{`${a.grid.code} ${a.grid.name}`}</Link>}</TableCell>
              <TableCell>{formatDay(locale, a.validFrom)}</TableCell>
              <TableCell>{until(a.validUntil)}</TableCell>
              <TableCell align="right">
                {canWrite && runsOn(a, day) && (
                  <MembershipButtons onCommand={(mode) => setCommand({ mode, communityId, membership: { ...a, staffMember: person } })} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <GridMemberDialog command={command} day={day} onClose={() => setCommand(null)} onDone={() => setCommand(null)} />
    </Box>
  );
};

/** A person's absences, past and planned; writers record a new one from here. */
export const StaffAbsences = () => {
  const record = useRecordContext();
  const { hasCreate } = useAbsencesDefinition();
  if (!record) return null;
  return (
    <Box data-testid="staff-absences">
      {hasCreate && <CreateButton resource="absences" label="cg.staffing.add_absence" state={{ record: { staffMemberId: record.id } }} />}
      <ReferenceManyField
        reference="absences"
        target="staffMemberId"
        filter={{ includeEnded: true }}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
      >
        <Datagrid rowClick="edit" bulkActionButtons={false} empty={<EmptyText />}>
          <SelectField source="reason" choices={enumChoices(AbsenceReason, 'AbsenceReason')} sortable={false} />
          <LocalDateField source="validFrom" sortable={false} />
          <LocalDateField source="validUntil" sortable={false} />
          <TextField source="note" sortable={false} emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};

const useAbsencesDefinition = () => useResourceDefinition({ resource: 'absences' });
const EmptyText = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ p: 1 }}>
      {translate('cg.staffing.nothing')}
    </Typography>
  );
};
