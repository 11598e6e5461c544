import WarningIcon from '@mui/icons-material/Warning';
import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useStateFor } from '../useStateFor';
import { Loading, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { useApiDataProvider } from '../dataProvider/api';
import { useShownDay } from '../time/asOf';
import { staffingKeys } from './operations';
import { addDays, byPostOrder, formatDay, usePostLabel } from './posts';

interface Rotation {
  postId: string;
  everyWeeks: number;
  validFrom: string;
  validUntil: string | null;
}

const within = (day: string, from: string, until: string | null) => from <= day && (!until || day <= until);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
/** As the server counts it: from a rotation's first day, B is responsible for everyWeeks weeks, then A, and so on. */
const swappedOn = (rotations: Rotation[], postId: string, day: string) =>
  rotations.some(
    (r) =>
      r.postId === postId &&
      within(day, r.validFrom, r.validUntil) &&
      Math.floor(daysBetween(r.validFrom, day) / (7 * r.everyWeeks)) % 2 === 0,
  );

/**
 * A community's week, days × posts: who is on duty (A, or B covering while A
 * is away), the server's gaps in red and its conflicts (one B needed at two
 * posts) marked, and the grids' gaps below.
 */
export const DutyCalendar = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const postLabel = usePostLabel();
  const shown = useShownDay();
  // The week shown starts on the day shown, until the arrows move it.
  const [start, setStart] = useStateFor(shown, shown);
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const dataProvider = useApiDataProvider();
  const communityId = String(record?.id);
  const week = useQuery({
    queryKey: staffingKeys.dutyWeek(communityId, days[0], days[6]),
    queryFn: () => dataProvider.dutyWeek(communityId, days[0], days[6]),
    enabled: Boolean(record),
    retry: false,
  });
  const staffIds = [...new Set(week.data?.posts.items.flatMap((p) => p.holders.map((h) => h.staffMemberId)) ?? [])].sort();
  const absences = useQuery({
    queryKey: staffingKeys.absenceDays(staffIds),
    queryFn: () => dataProvider.absenceDays(staffIds),
    enabled: staffIds.length > 0,
    retry: false,
  });
  if (week.error) return <Typography color="error">{translate(week.error.message, { _: week.error.message })}</Typography>;
  if (!week.data || (staffIds.length > 0 && !absences.data)) return <Loading />;

  const away = (staffMemberId: string, day: string) =>
    (absences.data ?? []).some((a) => a.staffMemberId === staffMemberId && within(day, a.validFrom, a.validUntil));
  const gapsOf = (postId: string, day: string) => week.data!.dutyGaps.filter((g) => g.postId === postId && g.day === day);
  const gridGaps = (day: string) => week.data!.dutyGaps.filter((g) => !g.postId && g.day === day);
  const posts = [...week.data.posts.items].sort(byPostOrder);
  const weekday = (day: string) =>
    new Date(`${day}T00:00:00`).toLocaleDateString(locale, { weekday: 'short', month: 'numeric', day: 'numeric' });

  return (
    <Box data-testid="duty-calendar">
      <Stack direction="row" gap={1} alignItems="center" sx={{ mb: 1 }}>
        <Button size="small" onClick={() => setStart(addDays(start, -7))}>
          {translate('cg.duty.previous')}
        </Button>
        <Button size="small" onClick={() => setStart(shown)} disabled={start === shown}>
          {translate('cg.duty.this_week')}
        </Button>
        <Button size="small" onClick={() => setStart(addDays(start, 7))}>
          {translate('cg.duty.next')}
        </Button>
        <Typography variant="subtitle1" sx={{ ml: 2 }}>
          {translate('cg.duty.week_of', { day: formatDay(locale, start) })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Chip size="small" label={translate('cg.duty.legend_b')} sx={{ bgcolor: '#fff3e0' }} />
        <Chip size="small" label={translate('cg.duty.legend_gap')} sx={{ bgcolor: '#ef5350', color: '#fff' }} />
        <Chip size="small" icon={<WarningIcon />} label={translate('cg.duty.legend_conflict')} variant="outlined" color="warning" />
      </Stack>
      <Table size="small" sx={{ tableLayout: 'fixed', '& td, & th': { px: 0.75, py: 0.5, fontSize: 13, borderRight: '1px solid #eee' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 180 }}>{translate('cg.staffing.post')}</TableCell>
            {days.map((day) => (
              <TableCell key={day} align="center">
                {weekday(day)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {posts.map((post) => (
            <TableRow key={post.id}>
              <TableCell>{postLabel(post)}</TableCell>
              {days.map((day) => {
                const holders = post.holders.filter((h) => within(day, h.validFrom, h.validUntil));
                const a = holders.find((h) => h.slot === 'A');
                const b = holders.find((h) => h.slot === 'B');
                const gaps = gapsOf(post.id, day);
                const uncovered = gaps.some((g) => g.kind === 'POST_UNCOVERED');
                const conflict = gaps.find((g) => g.kind === 'DOUBLE_DUTY');
                // The one responsible (A, or B in a rotation's swapped weeks) and the one who covers.
                const [first, second] = swappedOn(week.data!.postRotations.items, post.id, day) ? [b, a] : [a, b];
                const onDuty =
                  first && !away(first.staffMemberId, day)
                    ? first.staffMember?.name
                    : second && !away(second.staffMemberId, day)
                      ? translate('cg.duty.covering', { name: second.staffMember?.name, slot: second.slot })
                      : null;
                const covering = Boolean(onDuty) && !(first && !away(first.staffMemberId, day));
                return (
                  <TableCell
                    key={day}
                    align="center"
                    data-testid={`duty-${post.id}-${day}`}
                    data-gap={uncovered ? 'true' : undefined}
                    data-conflict={conflict ? 'true' : undefined}
                    sx={{
                      bgcolor: uncovered ? '#ef5350' : covering ? '#fff3e0' : undefined,
                      color: uncovered ? '#fff' : undefined,
                      outline: conflict ? '2px solid #ed6c02' : undefined,
                      outlineOffset: -2,
                    }}
                  >
                    {uncovered ? translate('cg.duty.gap') : (onDuty ?? '—')}
                    {conflict && (
                      <Tooltip title={translate('cg.duty.double_duty', { name: conflict.staffMember?.name ?? '' })}>
                        <WarningIcon
                          fontSize="inherit"
                          color="warning"
                          sx={{ ml: 0.5, verticalAlign: 'middle' }}
                          aria-label={translate('cg.duty.conflict')}
                        />
                      </Tooltip>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{translate('resources.communities.fields.grids')}</TableCell>
            {days.map((day) => (
              <TableCell key={day} align="center" sx={{ verticalAlign: 'top' }}>
                {gridGaps(day).map((g, i) => (
                  <Tooltip
                    key={i}
                    title={`${g.grid?.code} ${g.grid?.name} · ${translate(`cg.enums.DutyGapKind.${g.kind}`)}${g.staffMember ? ` · ${g.staffMember.name}` : ''}`}
                  >
                    <Chip
                      size="small"
                      color="error"
                      label={`${g.grid?.code ?? ''}${g.memberCount != null ? ` (${g.memberCount})` : ''}`}
                      sx={{ m: 0.25 }}
                    />
                  </Tooltip>
                ))}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
};
