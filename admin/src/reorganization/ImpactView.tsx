import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../staffing/posts';
import type { Counts, Outcome } from './plans';

const COUNTS: Array<keyof Counts> = ['grids', 'households', 'residents', 'members'];

/** "12 → 9", or one figure when unchanged; "—" for a side where the unit does not exist. */
const BeforeAfter = ({ before, after }: { before?: number; after?: number }) => {
  if (before === after) return <>{before ?? '—'}</>;
  return (
    <Box component="span" sx={{ fontWeight: 600 }}>
      {before ?? '—'} → {after ?? '—'}
    </Box>
  );
};

const Section = ({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }} data-testid={testId}>
      <Typography variant="subtitle1">
        {title} <Chip size="small" label={count} sx={{ ml: 1 }} />
      </Typography>
      {count === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('cg.reorg.impact.none')}
        </Typography>
      ) : (
        children
      )}
    </Box>
  );
};

/** One sentence per kind of impact, for the confirmation (and the top of the preview). */
export const ImpactSummary = ({ outcome }: { outcome: Outcome }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { impact } = outcome;
  const created = impact.units.filter((u) => !u.before).length;
  const ended = impact.units.filter((u) => !u.after).length;
  return (
    <Box component="ul" sx={{ my: 1, pl: 3 }} data-testid="impact-summary">
      <li>{translate('cg.reorg.summary.day', { day: formatDay(locale, outcome.day), smart_count: outcome.changeCount })}</li>
      <li>{translate('cg.reorg.summary.units', { smart_count: impact.units.length, created, ended })}</li>
      <li>{translate('cg.reorg.summary.posts', { smart_count: impact.posts.length })}</li>
      <li>{translate('cg.reorg.summary.understaffed', { smart_count: impact.understaffedGrids.length })}</li>
      <li>{translate('cg.reorg.summary.staff', { smart_count: impact.staffWithoutAssignment.length })}</li>
      <li>{translate('cg.reorg.summary.reach', { smart_count: impact.reachChanges.length })}</li>
    </Box>
  );
};

/**
 * What a preview (or an apply, or a revert) reports: problems of the plan as a
 * whole, then the impact tables — units before → after, posts left without an
 * A or B holder, grids under two members, staff left without an assignment,
 * accounts whose reach changes. Failed steps are shown on the step list.
 */
export const ImpactView = ({ outcome }: { outcome: Outcome }) => {
  const translate = useTranslate();
  const { impact } = outcome;
  const failed = outcome.steps.filter((s) => !s.ok);
  const level = (value: string) => translate(`cg.reorg.levels.${value.toUpperCase()}`, { _: value });
  return (
    <Box data-testid="plan-preview">
      <Typography variant="h6">{translate(outcome.dryRun ? 'cg.reorg.preview_title' : 'cg.reorg.result_title')}</Typography>
      {outcome.ok ? (
        <Alert severity="success" data-testid="preview-ok">
          {translate(outcome.dryRun ? 'cg.reorg.preview_ok' : 'cg.reorg.applied_ok', { smart_count: outcome.changeCount })}
        </Alert>
      ) : (
        <Alert severity="error" data-testid="preview-failed">
          {translate('cg.reorg.preview_failed', { smart_count: failed.length, steps: failed.map((s) => s.position).join(', ') })}
        </Alert>
      )}
      {outcome.problems.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="plan-problems">
          <Typography variant="subtitle2">{translate('cg.reorg.problems')}</Typography>
          {outcome.problems.map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
        </Alert>
      )}
      <ImpactSummary outcome={outcome} />

      <Section title={translate('cg.reorg.impact.units')} count={impact.units.length} testId="impact-units">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('cg.reorg.impact.level')}</TableCell>
              <TableCell>{translate('cg.reorg.impact.unit')}</TableCell>
              {COUNTS.map((count) => (
                <TableCell key={count} align="right">
                  {translate(`cg.reorg.impact.${count}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {impact.units.map((unit) => (
              <TableRow key={`${unit.level}${unit.id}`}>
                <TableCell sx={{ textTransform: 'capitalize' }}>
                  {level(unit.level)}
                  {!unit.before && <Chip size="small" color="success" label={translate('cg.reorg.impact.new')} sx={{ ml: 1 }} />}
                  {!unit.after && <Chip size="small" label={translate('cg.reorg.impact.ended')} sx={{ ml: 1 }} />}
                </TableCell>
                <TableCell>
                  {unit.code} {unit.name}
                </TableCell>
                {COUNTS.map((count) => (
                  <TableCell key={count} align="right">
                    {(unit.level.toUpperCase() === 'COMMUNITY' ? count === 'members' : count === 'grids') ? (
                      ''
                    ) : (
                      <BeforeAfter before={unit.before?.[count]} after={unit.after?.[count]} />
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title={translate('cg.reorg.impact.posts')} count={impact.posts.length} testId="impact-posts">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('cg.reorg.impact.community')}</TableCell>
              <TableCell>{translate('cg.staffing.post')}</TableCell>
              <TableCell>{translate('cg.reorg.impact.empty_slots')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {impact.posts.map((post) => (
              <TableRow key={post.postId}>
                <TableCell>{post.communityCode}</TableCell>
                <TableCell>{post.label}</TableCell>
                <TableCell>{post.emptySlots.length === 2 ? translate('cg.reorg.impact.vacant') : post.emptySlots.join(', ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title={translate('cg.reorg.impact.understaffed')} count={impact.understaffedGrids.length} testId="impact-understaffed">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('cg.reorg.impact.unit')}</TableCell>
              <TableCell align="right">{translate('cg.reorg.impact.members')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {impact.understaffedGrids.map((grid) => (
              <TableRow key={grid.id}>
                <TableCell>
                  {grid.code} {grid.name}
                </TableCell>
                <TableCell align="right">{grid.after?.members ?? 0}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title={translate('cg.reorg.impact.staff')} count={impact.staffWithoutAssignment.length} testId="impact-staff">
        <Stack direction="row" gap={1} flexWrap="wrap">
          {impact.staffWithoutAssignment.map((staff) => (
            <Chip key={staff.staffMemberId} label={staff.name} />
          ))}
        </Stack>
      </Section>

      <Section title={translate('cg.reorg.impact.reach')} count={impact.reachChanges.length} testId="impact-reach">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.accounts.fields.username')}</TableCell>
              <TableCell>{translate('cg.reorg.impact.gains')}</TableCell>
              <TableCell>{translate('cg.reorg.impact.losses')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {impact.reachChanges.map((change) => (
              <TableRow key={change.accountId}>
                <TableCell>{change.username}</TableCell>
                <TableCell sx={{ color: 'success.main' }}>{change.gains.join(', ') || '—'}</TableCell>
                <TableCell sx={{ color: 'error.main' }}>{change.losses.join(', ') || '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
    </Box>
  );
};
