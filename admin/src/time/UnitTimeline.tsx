import { Chip, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled, Link, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';
import { formatDay } from '../staffing/posts';

interface Event {
  day: string;
  kind: string;
  text: ReactNode;
  order: number;
}

const COLORS: Record<string, 'default' | 'success' | 'warning' | 'info' | 'error'> = {
  created: 'success',
  ended: 'error',
  renamed: 'info',
  moved: 'info',
  split: 'warning',
  merged: 'warning',
  restored: 'success',
  took_over: 'success',
  succeeded: 'warning',
};

/** A unit another one links to (its parent, a predecessor or a successor), as the API names it. */
interface UnitRef {
  id: string;
  code?: string | null;
  name?: string | null;
  nameEn?: string | null;
}
/** One version of the unit, as its history lists them (the fields the timeline compares). */
interface Version {
  versionFrom: string;
  code?: string;
  name?: string;
  nameEn?: string | null;
  communityId?: string;
  officeId?: string | null;
  community?: UnitRef | null;
  office?: UnitRef | null;
  [field: string]: unknown;
}

/**
 * A unit's story in date order: when it started, its renames and moves (its
 * versions), its lineage (split from, merged into, restored; for communities
 * predecessors and successors) and its end.
 */
export const UnitTimeline = ({ level }: { level: 'grid' | 'community' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const nameOf = useLocalizedName();
  if (!record) return null;
  const t = (key: string, args?: Record<string, unknown>) => translate(`cg.timeline.${key}`, args);
  const unitLink = (resource: string, unit: UnitRef | null | undefined) =>
    unit ? (
      <Link to={`/${resource}/${unit.id}/show`}>{`${unit.code ?? ''} ${resource === 'grids' ? unit.name : nameOf(unit)}`.trim()}</Link>
    ) : (
      '…'
    );
  const events: Event[] = [{ day: record.validFrom, kind: 'created', text: t(`created_${level}`), order: 0 }];
  const versions: Version[] = record.history ?? [];
  versions.forEach((version, index) => {
    const previous = versions[index - 1];
    if (!previous) return;
    const renamed = ['code', 'name', 'nameEn'].filter((field) => field in version && version[field] !== previous[field]);
    if (renamed.length) {
      const show = (v: Version) => [v.code, level === 'grid' ? v.name : nameOf(v)].filter(Boolean).join(' ');
      events.push({ day: version.versionFrom, kind: 'renamed', text: t('renamed', { from: show(previous), to: show(version) }), order: 2 });
    }
    const parent = level === 'grid' ? 'communityId' : 'officeId';
    if (version[parent] !== previous[parent]) {
      const to = level === 'grid' ? version.community : version.office;
      events.push({
        day: version.versionFrom,
        kind: 'moved',
        order: 2,
        text: (
          <>
            {t(`moved_${level}`)} {to ? unitLink(level === 'grid' ? 'communities' : 'offices', to) : '—'}
          </>
        ),
      });
    }
  });
  if (level === 'grid') {
    for (const link of record.lineage ?? []) {
      const incoming = String(link.successorId) === String(record.id);
      const other = incoming ? link.predecessor : link.successor;
      const reason = String(link.reason).toLowerCase();
      events.push({
        day: link.day,
        kind: reason,
        order: 1,
        text: (
          <>
            {t(`${reason}_${incoming ? 'in' : 'out'}`)} {unitLink('grids', other)}
          </>
        ),
      });
    }
  } else {
    for (const office of record.predecessorOffices ?? []) {
      events.push({
        day: record.validFrom,
        kind: 'took_over',
        order: 1,
        text: (
          <>
            {t('took_over')} {unitLink('offices', office)}
          </>
        ),
      });
    }
    for (const community of record.predecessorCommunities ?? []) {
      events.push({
        day: record.validFrom,
        kind: 'took_over',
        order: 1,
        text: (
          <>
            {t('took_over')} {unitLink('communities', community)}
          </>
        ),
      });
    }
    for (const community of record.successorCommunities ?? []) {
      events.push({
        day: community.validFrom,
        kind: 'succeeded',
        order: 1,
        text: (
          <>
            {t('succeeded')} {unitLink('communities', community)}
          </>
        ),
      });
    }
  }
  if (record.validUntil) events.push({ day: record.validUntil, kind: 'ended', text: t('ended'), order: 3 });
  events.sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
  return (
    <Labeled label="cg.timeline.title" fullWidth>
      <Table size="small" data-testid="unit-timeline">
        <TableBody>
          {events.map((event, index) => (
            <TableRow key={index} data-kind={event.kind}>
              <TableCell sx={{ width: 140, whiteSpace: 'nowrap' }}>{formatDay(locale, event.day)}</TableCell>
              <TableCell sx={{ width: 130 }}>
                <Chip size="small" color={COLORS[event.kind] ?? 'default'} label={t(`kinds.${event.kind}`)} />
              </TableCell>
              <TableCell>
                <Typography variant="body2" component="span">
                  {event.text}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
};
