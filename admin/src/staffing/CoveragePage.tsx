import { Box, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, Loading, Title, useCanAccess, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';
import { AsOfPicker } from '../time/AsOfPicker';
import { noteServerToday, useAsOf, useShownDay } from '../time/asOf';
import { useQuery } from '@tanstack/react-query';
import { useApiDataProvider } from '../dataProvider/api';
import type { RoleCoverageStatus } from '../gql/graphql';
import { HolderCommand, HolderDialog } from './HolderDialog';
import { staffingKeys } from './operations';

type Status = RoleCoverageStatus;

export const STATUS_COLOURS: Record<Status, { bg: string; fg: string }> = {
  FILLED: { bg: '#c8e6c9', fg: '#1b5e20' },
  COVERED_BY_B: { bg: '#ffe0b2', fg: '#8a4b00' },
  VACANT: { bg: '#ffcdd2', fg: '#b71c1c' },
  NOT_REQUIRED: { bg: '#f0f0f0', fg: '#757575' },
};

/** Communities × specialist roles on the day shown, coloured by coverage; a vacant cell opens the assign dialog for its post. */
export const CoveragePage = () => {
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  const asOf = useAsOf();
  const day = useShownDay();
  const canWrite = useCanAccess({ resource: 'postHolders', action: 'assign' }).canAccess === true;
  // Today is the server's: asked without a day, the answer says which day it is (and so where an assignment starts).
  const dataProvider = useApiDataProvider();
  const { data, error } = useQuery({
    queryKey: staffingKeys.roleCoverage(asOf),
    queryFn: () => dataProvider.roleCoverage(asOf),
    retry: false,
  });
  useEffect(() => {
    if (!asOf) noteServerToday(data?.roleCoverage[0]?.day);
  }, [asOf, data]);
  const [command, setCommand] = useState<HolderCommand | null>(null);
  if (error) return <Typography color="error">{translate(error.message, { _: error.message })}</Typography>;
  const roles = data ? [...data.specialistRoles.items].sort((a, b) => Number(a.id) - Number(b.id)) : [];
  const cell = new Map(data?.roleCoverage.map((c) => [`${c.communityId}:${c.specialistRoleId}`, c]));
  // Only communities with coverage rows are in the caller's reach for people.
  const communities = data ? data.communities.items.filter((c) => roles.some((r) => cell.has(`${c.id}:${r.id}`))) : [];
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cg.coverage.title" />
      <Stack direction="row" justifyContent="space-between" alignItems="center" sx={{ mb: 1 }}>
        <Box>
          <Typography variant="h5">{translate('cg.coverage.title')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('cg.coverage.explain')}
          </Typography>
        </Box>
        <AsOfPicker />
      </Stack>
      <Stack direction="row" gap={1} sx={{ mb: 1 }}>
        {(Object.keys(STATUS_COLOURS) as Status[]).map((status) => (
          <Box
            key={status}
            sx={{ px: 1, py: 0.25, borderRadius: 1, fontSize: 13, bgcolor: STATUS_COLOURS[status].bg, color: STATUS_COLOURS[status].fg }}
          >
            {translate(`cg.enums.RoleCoverageStatus.${status}`)}
          </Box>
        ))}
      </Stack>
      {!data ? (
        <Loading />
      ) : (
        <Card>
          <CardContent sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="coverage-matrix" sx={{ '& td, & th': { px: 0.5, py: 0.5, fontSize: 12 } }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('cg.coverage.community')}</TableCell>
                  {roles.map((role) => (
                    <TableCell key={role.id} align="center" sx={{ minWidth: 84, verticalAlign: 'bottom' }}>
                      <Link to={`/specialistRoles/${role.id}/show`}>{nameOf(role)}</Link>
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {communities.map((community) => (
                  <TableRow key={community.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <Link
                        to={`/communities/${community.id}/show/posts`}
                      >{`${community.code} ${nameOf(community).replace(/ Community$/, '')}`}</Link>
                    </TableCell>
                    {roles.map((role) => {
                      const c = cell.get(`${community.id}:${role.id}`);
                      const status: Status = c?.status ?? 'NOT_REQUIRED';
                      const clickable = status === 'VACANT' && canWrite && c?.postId;
                      const onDuty =
                        status === 'FILLED'
                          ? c?.holderA?.name
                          : status === 'COVERED_BY_B'
                            ? translate('cg.duty.covering', { name: c?.holderB?.name, slot: 'B' })
                            : '';
                      return (
                        <TableCell
                          key={role.id}
                          align="center"
                          data-testid={`coverage-${community.code}-${role.code}`}
                          data-status={status}
                          title={translate(`cg.enums.RoleCoverageStatus.${status}`)}
                          onClick={
                            clickable
                              ? () =>
                                  setCommand({
                                    mode: 'assign',
                                    slot: c.holderA ? 'B' : 'A',
                                    post: {
                                      id: c.postId!,
                                      kind: 'SPECIALIST',
                                      communityId: community.id,
                                      specialistRole: role,
                                      serviceWindow: null,
                                    },
                                  })
                              : undefined
                          }
                          sx={{
                            bgcolor: STATUS_COLOURS[status].bg,
                            color: STATUS_COLOURS[status].fg,
                            border: '2px solid #fff',
                            cursor: clickable ? 'pointer' : 'default',
                          }}
                        >
                          {status === 'FILLED' || status === 'COVERED_BY_B' ? onDuty : translate(`cg.enums.RoleCoverageStatus.${status}`)}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
      <HolderDialog command={command} day={day} onClose={() => setCommand(null)} onDone={() => setCommand(null)} />
    </Box>
  );
};
