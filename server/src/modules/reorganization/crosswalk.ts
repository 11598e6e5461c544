import { UnitLevel } from '@community-grid/shared';
import { BadUserInputError } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { scopeRule } from '../../core/scope';
import { Household } from '../household/household.entity';
import { Resident } from '../resident/resident.entity';
import type { Crosswalk, CrosswalkRow } from './plan.inputs';
import type { EntityClass } from '../../core/entity-class';

/**
 * Where the households and residents of each unit of an earlier structure are
 * in a later one: for restating figures across a reform. Households are
 * followed by identity, residents likewise (a resident who moved is counted
 * where they live on the later day). Within the caller's reach on either day.
 */
export async function crosswalk(ctx: RequestContext, from: string, to: string, level: UnitLevel): Promise<Crosswalk> {
  if (level === UnitLevel.OFFICE)
    throw new BadUserInputError({ level: 'offices hold communities, not households: choose COMMUNITY or GRID' });
  if (to < from) throw new BadUserInputError({ to: 'must not be before from' });
  // Each statement binds the two days, then what the caller's scope needs.
  // A household (or resident) counts when it is in the caller's reach on either day.
  const statement = (build: (scoped: (entity: EntityClass) => string) => string) => {
    const parameters: unknown[] = [from, to];
    const param = (value: unknown) => `$${parameters.push(value)}`;
    const sql = build((entity) => {
      const rule = scopeRule(entity);
      if (!rule) return ' AND 1 = 0';
      const before = ctx.scope.condition(rule, 'f', 'f', '$1::date', param);
      const after = ctx.scope.condition(rule, 't', 't', '$2::date', param);
      return before && after ? ` AND ((${before}) OR (t.valid IS NOT NULL AND ${after}))` : '';
    });
    return ctx.em.query(sql, parameters);
  };
  const community = level === UnitLevel.COMMUNITY;
  // The unit a household version's grid lies in on a day.
  const unitOf = (alias: string, day: string) =>
    community
      ? `(SELECT gv.community_id FROM grid_version gv WHERE gv.grid_id = ${alias}.grid_id AND gv.valid @> ${day})`
      : `${alias}.grid_id`;
  const households: Array<{ from_id: number; to_id: number | null; n: number }> = await statement(
    (scoped) => `SELECT ${unitOf('f', '$1::date')} AS from_id, ${unitOf('t', '$2::date')} AS to_id, COUNT(*)::int AS n
      FROM household_version f LEFT JOIN household_version t ON t.household_id = f.household_id AND t.valid @> $2::date
     WHERE f.valid @> $1::date${scoped(Household)} GROUP BY 1, 2`,
  );
  const residents: Array<{ from_id: number; to_id: number | null; n: number }> = await statement(
    (scoped) => `SELECT ${unitOf('fh', '$1::date')} AS from_id, ${unitOf('th', '$2::date')} AS to_id, COUNT(*)::int AS n
      FROM resident_version f JOIN household_version fh ON fh.household_id = f.household_id AND fh.valid @> $1::date
      LEFT JOIN resident_version t ON t.resident_id = f.resident_id AND t.valid @> $2::date
      LEFT JOIN household_version th ON th.household_id = t.household_id AND th.valid @> $2::date
     WHERE f.valid @> $1::date${scoped(Resident)} GROUP BY 1, 2`,
  );
  const rows = new Map<string, { fromId: number; toId: number | null; households: number; residents: number }>();
  const add = (row: { from_id: number; to_id: number | null; n: number }, field: 'households' | 'residents') => {
    const key = `${row.from_id}:${row.to_id}`;
    const entry = rows.get(key) ?? {
      fromId: Number(row.from_id),
      toId: row.to_id === null ? null : Number(row.to_id),
      households: 0,
      residents: 0,
    };
    entry[field] += Number(row.n);
    rows.set(key, entry);
  };
  households.forEach((row) => add(row, 'households'));
  residents.forEach((row) => add(row, 'residents'));
  const ids = [...new Set([...rows.values()].flatMap((row) => [row.fromId, row.toId]).filter((id): id is number => id !== null))];
  const table = community ? 'community_version' : 'grid_version';
  const key = community ? 'community_id' : 'grid_id';
  const names = async (day: string) =>
    new Map<number, { code: string; name: string }>(
      (await ctx.em.query(`SELECT ${key} AS id, code, name FROM ${table} WHERE ${key} = ANY($1) AND valid @> $2::date`, [ids, day])).map(
        (r: { id: number; code: string; name: string }) => [Number(r.id), r],
      ),
    );
  const [fromNames, toNames] = [await names(from), await names(to)];
  const result: CrosswalkRow[] = [...rows.values()]
    .map((row) => ({
      fromId: row.fromId,
      fromCode: fromNames.get(row.fromId)?.code ?? String(row.fromId),
      fromName: fromNames.get(row.fromId)?.name ?? '',
      toId: row.toId,
      toCode: row.toId === null ? null : (toNames.get(row.toId)?.code ?? String(row.toId)),
      toName: row.toId === null ? null : (toNames.get(row.toId)?.name ?? null),
      households: row.households,
      residents: row.residents,
    }))
    .sort((a, b) => a.fromCode.localeCompare(b.fromCode) || (a.toCode ?? '~').localeCompare(b.toCode ?? '~'));
  const quote = (value: unknown) =>
    value === null || value === undefined ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value);
  const csv =
    [
      ['from_code', 'from_name', 'to_code', 'to_name', 'households', 'residents'].join(','),
      ...result.map((row) => [row.fromCode, row.fromName, row.toCode, row.toName, row.households, row.residents].map(quote).join(',')),
    ].join('\n') + '\n';
  return { from, to, level, rows: result, csv };
}
