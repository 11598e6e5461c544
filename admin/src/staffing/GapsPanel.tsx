import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, Loading, useLocaleState, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';
import { useQuery } from '@tanstack/react-query';
import { useApiDataProvider } from '../dataProvider/api';
import type { UpcomingDutyGapsQuery } from '../gql/graphql';
import { staffingKeys } from './operations';
import { addDays, formatDay, usePostLabel } from './posts';

type Gap = UpcomingDutyGapsQuery['dutyGaps'][number];
interface Run {
  first: Gap;
  until: string;
  days: number;
}

/** Consecutive days of the same gap become one row: "Dec 1 – Dec 7 (7 days)". */
function runsOf(gaps: Gap[]): Run[] {
  const open = new Map<string, Run>();
  const runs: Run[] = [];
  for (const gap of [...gaps].sort((a, b) => a.day.localeCompare(b.day))) {
    const key = [gap.kind, gap.communityId, gap.postId, gap.gridId, gap.staffMemberId, gap.memberCount].join(':');
    const run = open.get(key);
    if (run && addDays(run.until, 1) === gap.day) {
      run.until = gap.day;
      run.days += 1;
    } else {
      const next = { first: gap, until: gap.day, days: 1 };
      open.set(key, next);
      runs.push(next);
    }
  }
  return runs.sort(
    (a, b) =>
      a.first.day.localeCompare(b.first.day) || a.first.communityId.localeCompare(b.first.communityId, undefined, { numeric: true }),
  );
}

/** Home: every staffing gap of the next 14 days the caller may see, grouped by run of days. */
export const GapsPanel = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const nameOf = useLocalizedName();
  const postLabel = usePostLabel();
  const dataProvider = useApiDataProvider();
  // The default period: today and the 13 days after, for every community in the caller's reach.
  const { data: gaps, error } = useQuery({
    queryKey: staffingKeys.upcomingDutyGaps,
    queryFn: () => dataProvider.upcomingDutyGaps(),
    retry: false,
  });
  const what = (g: Gap) => (g.post ? postLabel(g.post) : g.grid ? `${g.grid.code} ${g.grid.name}` : '');
  return (
    <Card sx={{ mb: 2 }} data-testid="gaps-panel">
      <CardContent>
        <Typography variant="h6">{translate('cg.gaps.title')}</Typography>
        {error && <Typography color="error">{translate(error.message, { _: error.message })}</Typography>}
        {!gaps && !error && <Loading />}
        {gaps && gaps.length === 0 && <Typography variant="body2">{translate('cg.gaps.none')}</Typography>}
        {gaps && gaps.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('cg.staffing.day')}</TableCell>
                <TableCell>{translate('cg.staffing.community')}</TableCell>
                <TableCell>{translate('cg.staffing.kind')}</TableCell>
                <TableCell>{translate('cg.staffing.post')}</TableCell>
                <TableCell>{translate('cg.staffing.who')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {runsOf(gaps).map(({ first: g, until, days }, i) => (
                <TableRow key={i} data-testid="gap-row" data-kind={g.kind}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {days === 1
                      ? formatDay(locale, g.day)
                      : translate('cg.gaps.days', { from: formatDay(locale, g.day), until: formatDay(locale, until) })}
                    <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 1 }}>
                      {translate('cg.gaps.count', { smart_count: days })}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Link to={`/communities/${g.communityId}/show/duty`}>{nameOf(g.community)}</Link>
                  </TableCell>
                  <TableCell sx={{ color: 'error.main' }}>{translate(`cg.enums.DutyGapKind.${g.kind}`)}</TableCell>
                  <TableCell>
                    {what(g)}
                    {g.memberCount != null ? ` · ${translate('cg.gaps.members', { smart_count: g.memberCount })}` : ''}
                  </TableCell>
                  <TableCell>{g.staffMember?.name ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
