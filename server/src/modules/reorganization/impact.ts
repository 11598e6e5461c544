import { DISTRICT_WIDE_ROLES } from '@community-grid/shared';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { countUnderSql } from '../structure/structure';

/**
 * What a plan does to the district on its day, measured the same way before
 * and after its steps (inside the apply, or its dry run): counts per unit,
 * staffing left short, and whose reach changes.
 */
export interface Snapshot {
  communities: Map<number, UnitFigures>;
  grids: Map<number, UnitFigures>;
  posts: Map<number, PostFigures>;
  /** Staff members with at least one grid assignment or post holding on the day. */
  assignedStaff: Map<number, string>;
  /** Per account that does not reach the whole district: the grids it reaches. */
  reach: Map<number, { username: string; grids: Set<number> }>;
}

interface UnitFigures {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  grids: number;
  households: number;
  residents: number;
  members: number;
}
interface PostFigures {
  id: number;
  communityId: number;
  label: string;
  a: boolean;
  b: boolean;
}

@ObjectType('UnitCounts', { description: "A unit's figures on the plan's day." })
export class UnitCounts {
  @Field(() => Int) grids!: number;
  @Field(() => Int) households!: number;
  @Field(() => Int) residents!: number;
  @Field(() => Int, { description: 'Grid members (grids only).' }) members!: number;
}

@ObjectType({ description: 'One unit whose figures the plan changes: before → after (null when it does not exist on that side).' })
export class UnitImpact {
  @Field() level!: string;
  @Field(() => ID) id!: number;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => UnitCounts, { nullable: true }) before!: UnitCounts | null;
  @Field(() => UnitCounts, { nullable: true }) after!: UnitCounts | null;
}

@ObjectType({ description: 'A post the plan leaves without a holder in a slot.' })
export class PostImpact {
  @Field(() => ID) postId!: number;
  @Field(() => ID) communityId!: number;
  @Field() communityCode!: string;
  @Field() label!: string;
  @Field(() => [String], { description: 'Slots left empty (A, B); both empty means the role is vacant.' }) emptySlots!: string[];
}

@ObjectType({ description: "An account whose reach changes from the plan's day." })
export class ReachChange {
  @Field(() => ID) accountId!: number;
  @Field() username!: string;
  @Field(() => [String], { description: 'Codes of grids it reaches from the day and did not before.' }) gains!: string[];
  @Field(() => [String], { description: 'Codes of grids it reached and no longer does.' }) losses!: string[];
}

@ObjectType({ description: 'A staff member left with no grid and no post.' })
export class StaffImpact {
  @Field(() => ID) staffMemberId!: number;
  @Field() name!: string;
}

@ObjectType({ description: 'What a plan changes, measured before and after its steps on its day.' })
export class ReorganizationImpact {
  @Field(() => [UnitImpact]) units!: UnitImpact[];
  @Field(() => [PostImpact], { description: 'Posts left without an A or B holder (vacant roles have both slots empty).' })
  posts!: PostImpact[];
  @Field(() => [UnitImpact], { description: 'Grids left with fewer than two members.' }) understaffedGrids!: UnitImpact[];
  @Field(() => [StaffImpact]) staffWithoutAssignment!: StaffImpact[];
  @Field(() => [ReachChange]) reachChanges!: ReachChange[];
}

/** The district's figures on one day: a handful of statements whatever its size. */
export async function snapshot(em: EntityManager, day: string): Promise<Snapshot> {
  const units = async (level: 'community' | 'grid') => {
    const rows: Array<{ id: number; code: string; name: string; parent: number | null }> =
      level === 'community'
        ? await em.query(
            `SELECT c.id, v.code, v.name, NULL::int AS parent FROM community c JOIN community_version v ON v.community_id = c.id AND v.valid @> $1::date
          WHERE c.valid @> $1::date`,
            [day],
          )
        : await em.query(
            `SELECT g.id, v.code, v.name, v.community_id AS parent FROM grid g JOIN grid_version v ON v.grid_id = g.id AND v.valid @> $1::date
          WHERE g.valid @> $1::date`,
            [day],
          );
    const ids = rows.map((row) => Number(row.id));
    const count = async (sql: string) =>
      new Map<number, number>(
        (await em.query(sql, [ids, day])).map((r: { key: number; count: number }) => [Number(r.key), Number(r.count)]),
      );
    const households = await count(countUnderSql('household', level, '$1', '$2::date'));
    const residents = await count(countUnderSql('resident', level, '$1', '$2::date'));
    const grids = level === 'community' ? await count(countUnderSql('grid', 'community', '$1', '$2::date')) : new Map<number, number>();
    const members =
      level === 'grid'
        ? await count(
            'SELECT grid_id AS key, COUNT(*)::int AS count FROM grid_assignment WHERE grid_id = ANY($1) AND valid @> $2::date GROUP BY 1',
          )
        : new Map<number, number>();
    return new Map(
      rows.map((row) => {
        const id = Number(row.id);
        return [
          id,
          {
            id,
            code: row.code,
            name: row.name,
            parentId: row.parent === null ? null : Number(row.parent),
            grids: grids.get(id) ?? 0,
            households: households.get(id) ?? 0,
            residents: residents.get(id) ?? 0,
            members: members.get(id) ?? 0,
          },
        ];
      }),
    );
  };
  const communities = await units('community');
  const grids = await units('grid');
  const postRows: Array<{ id: number; community_id: number; label: string; a: boolean; b: boolean }> = await em.query(
    `SELECT p.id, p.community_id, COALESCE(rv.name, p.kind::text) AS label,
            bool_or(h.slot = 'A') IS TRUE AS a, bool_or(h.slot = 'B') IS TRUE AS b
       FROM post p JOIN community c ON c.id = p.community_id AND c.valid @> $1::date
       LEFT JOIN specialist_role_version rv ON rv.specialist_role_id = p.specialist_role_id AND rv.valid @> $1::date
       LEFT JOIN post_holder h ON h.post_id = p.id AND h.valid @> $1::date
      GROUP BY p.id, rv.name`,
    [day],
  );
  const staffRows: Array<{ id: number; name: string }> = await em.query(
    `SELECT s.id, s.name FROM staff_member s WHERE EXISTS (SELECT 1 FROM grid_assignment a WHERE a.staff_member_id = s.id AND a.valid @> $1::date)
        OR EXISTS (SELECT 1 FROM post_holder h WHERE h.staff_member_id = s.id AND h.valid @> $1::date)`,
    [day],
  );
  const reachRows: Array<{ id: number; username: string; grids: number[] }> = await em.query(
    `SELECT a.id, a.username, ARRAY(
       SELECT g FROM unnest(a.grid_ids) g
       UNION SELECT ga.grid_id FROM grid_assignment ga WHERE ga.staff_member_id = a.staff_member_id AND ga.valid @> $1::date AND a.role = 'GRID_MEMBER'
       UNION SELECT v.grid_id FROM grid_version v WHERE v.valid @> $1::date AND a.role <> 'GRID_MEMBER' AND (v.community_id = ANY(a.community_ids)
         OR v.community_id IN (SELECT h.community_id FROM post_holder h WHERE h.staff_member_id = a.staff_member_id AND h.valid @> $1::date))) AS grids
       FROM account a WHERE NOT a.disabled AND a.role <> ALL($2::role[])`,
    [day, DISTRICT_WIDE_ROLES],
  );
  return {
    communities,
    grids,
    posts: new Map(
      postRows.map((row) => [
        Number(row.id),
        { id: Number(row.id), communityId: Number(row.community_id), label: row.label, a: row.a, b: row.b },
      ]),
    ),
    assignedStaff: new Map(staffRows.map((row) => [Number(row.id), row.name])),
    reach: new Map(reachRows.map((row) => [Number(row.id), { username: row.username, grids: new Set(row.grids.map(Number)) }])),
  };
}

const counts = (u: UnitFigures | undefined): UnitCounts | null =>
  u ? { grids: u.grids, households: u.households, residents: u.residents, members: u.members } : null;
const same = (a: UnitCounts | null, b: UnitCounts | null) => JSON.stringify(a) === JSON.stringify(b);

/** What changed between two snapshots of the same day. */
export function impactOf(before: Snapshot, after: Snapshot): ReorganizationImpact {
  const units: UnitImpact[] = [];
  for (const [level, b, a] of [
    ['COMMUNITY', before.communities, after.communities],
    ['GRID', before.grids, after.grids],
  ] as const) {
    for (const id of new Set([...b.keys(), ...a.keys()])) {
      const was = b.get(id);
      const is = a.get(id);
      const moved = was && is && (was.parentId !== is.parentId || was.code !== is.code || was.name !== is.name);
      if (!moved && same(counts(was), counts(is))) continue;
      const shown = (is ?? was)!;
      units.push({ level, id, code: shown.code, name: shown.name, before: counts(was), after: counts(is) });
    }
  }
  units.sort((x, y) => x.level.localeCompare(y.level) || x.code.localeCompare(y.code));
  const communityCode = (id: number) => (after.communities.get(id) ?? before.communities.get(id))?.code ?? String(id);
  const posts: PostImpact[] = [];
  for (const post of after.posts.values()) {
    const was = before.posts.get(post.id);
    const empty = [!post.a && (!was || was.a) ? 'A' : null, !post.b && (!was || was.b) ? 'B' : null].filter(
      (slot): slot is string => slot !== null,
    );
    if (empty.length)
      posts.push({
        postId: post.id,
        communityId: post.communityId,
        communityCode: communityCode(post.communityId),
        label: post.label,
        emptySlots: empty,
      });
  }
  const understaffedGrids = [...after.grids.values()]
    .filter((grid) => grid.members < 2 && (before.grids.get(grid.id)?.members ?? 2) >= 2)
    .map((grid) => ({
      level: 'GRID',
      id: grid.id,
      code: grid.code,
      name: grid.name,
      before: counts(before.grids.get(grid.id)),
      after: counts(grid),
    }));
  const staffWithoutAssignment = [...before.assignedStaff]
    .filter(([id]) => !after.assignedStaff.has(id))
    .map(([staffMemberId, name]) => ({ staffMemberId, name }));
  const gridCode = (id: number) => (after.grids.get(id) ?? before.grids.get(id))?.code ?? String(id);
  const reachChanges: ReachChange[] = [];
  for (const [accountId, { username, grids }] of after.reach) {
    const was = before.reach.get(accountId)?.grids ?? new Set<number>();
    const gains = [...grids]
      .filter((id) => !was.has(id))
      .map(gridCode)
      .sort();
    const losses = [...was]
      .filter((id) => !grids.has(id))
      .map(gridCode)
      .sort();
    if (gains.length || losses.length) reachChanges.push({ accountId, username, gains, losses });
  }
  return { units, posts, understaffedGrids, staffWithoutAssignment, reachChanges };
}
