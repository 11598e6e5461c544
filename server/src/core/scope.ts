import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ClassType } from 'type-graphql';
import { DISTRICT_WIDE_ROLES, Role } from '@community-grid/shared';
import { Level, under } from '../modules/structure/structure';
import type { EntityClass } from './entity-class';

/**
 * What part of the district an account reaches, from its assignments today:
 * coordinators and window staff their communities, grid members their grids
 * (and, for staff records, those grids' communities).
 */
export interface Reach {
  communityIds: number[];
  /** Null: every grid of `communityIds`. */
  gridIds: number[] | null;
}

/**
 * How an entity's rows relate to a caller's reach, declared beside the entity:
 * - `structure`: the units themselves, readable by every signed-in caller;
 * - `member`: a member of the tree (household, resident) — in reach when it
 *   lies under the caller's grids or communities on the day being read;
 * - `community`: rows naming a community in a column (staff by home community);
 * - `staff`: rows about one member of staff (an absence) — in reach when the
 *   staff member is (by home community);
 * - `located`: rows that name the community and the grid they belong to (an
 *   affair, a visit) — a grid member's when the grid is theirs, others' when the community is;
 * - `district`: only callers who reach the whole district (permissions narrow further).
 * An entity without a declaration is readable by nobody but the system.
 */
export type ScopeRule =
  | { kind: 'structure' }
  | { kind: 'member'; level: Exclude<Level, 'district' | 'community'> }
  | { kind: 'community'; column: string }
  | { kind: 'staff'; column: string }
  | { kind: 'located'; communityColumn: string; gridColumn: string }
  | { kind: 'district' };

const rules = new Map<EntityClass, ScopeRule>();

export function declareScope(entity: ClassType<ObjectLiteral> | EntityClass, rule: ScopeRule): void {
  rules.set(entity, rule);
}

export function scopeRule(entity: EntityClass): ScopeRule | undefined {
  return rules.get(entity);
}

let parameterCounter = 0;

/**
 * Applied where data is read (the one read-query builder behind lists,
 * lookups, loaders and counts), so no resolver has to remember it; rows out
 * of reach behave as missing.
 */
export class Scope {
  /** Internal work (seeding, migrations, jobs): reads everything, declared or not. */
  static readonly SYSTEM = new Scope(null, true);
  /** District-wide roles. */
  static readonly DISTRICT = new Scope(null, false);

  private constructor(
    readonly reach: Reach | null,
    readonly isSystem: boolean,
  ) {}

  static of(reach: Reach): Scope {
    return new Scope(reach, false);
  }

  /**
   * The reach of an account today: what an administrator set on the account
   * (explicit reach), together with what its staff record is assigned today —
   * a grid member's grids, a coordinator's or window staff's communities where
   * they hold a post. An assignment that ends today reaches nothing tomorrow.
   */
  static async forAccount(
    em: EntityManager,
    account: { role: Role; communityIds: number[]; gridIds: number[]; staffMemberId?: number | null },
    today: string,
  ): Promise<Scope> {
    if (DISTRICT_WIDE_ROLES.includes(account.role)) return Scope.DISTRICT;
    const staff = account.staffMemberId ?? null;
    if (account.role === Role.GRID_MEMBER) {
      const [row] = await em.query(
        `SELECT
          ARRAY(SELECT DISTINCT grid_id FROM grid_assignment WHERE staff_member_id = $1 AND valid @> $3::date) AS assigned,
          ARRAY(SELECT DISTINCT community_id FROM grid_version
            WHERE valid @> $3::date AND grid_id IN (SELECT unnest($2::int[]) UNION SELECT grid_id FROM grid_assignment WHERE staff_member_id = $1 AND valid @> $3::date)) AS communities`,
        [staff, account.gridIds, today],
      );
      const gridIds = [...new Set([...account.gridIds.map(Number), ...row.assigned.map(Number)])];
      return Scope.of({ gridIds, communityIds: row.communities.map(Number) });
    }
    const [row] = await em.query(
      'SELECT ARRAY(SELECT DISTINCT community_id FROM post_holder WHERE staff_member_id = $1 AND valid @> $2::date) AS held',
      [staff, today],
    );
    return Scope.of({ communityIds: [...new Set([...account.communityIds.map(Number), ...row.held.map(Number)])], gridIds: null });
  }

  /**
   * Restricts the rows of `alias` (an entity of the query; `versionAlias` its
   * version row joined for `day`, an SQL date expression) to the reach;
   * `entity` names the record when the query reads its versions alone.
   */
  apply<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    versionAlias: string | null,
    day: string,
    entity?: EntityClass,
  ): SelectQueryBuilder<T> {
    if (this.isSystem) return qb;
    // The entity whose rule applies: the alias's own, or the record a version row belongs to.
    const target = entity ?? (qb.expressionMap.findAliasByName(alias).metadata.target as EntityClass);
    const rule = rules.get(target);
    if (!rule) return qb.andWhere('1 = 0');
    const condition = this.condition(rule, alias, versionAlias, day, (value) => {
      const name = `scope${parameterCounter++ % 100_000}`;
      qb.setParameter(name, value);
      return `:${name}`;
    });
    return condition ? qb.andWhere(condition) : qb;
  }

  /** Whether `entity`'s rows are all in reach (apply would add no condition). */
  reachesAll(entity: EntityClass): boolean {
    if (this.isSystem) return true;
    const rule = rules.get(entity);
    return Boolean(rule) && (rule!.kind === 'structure' || !this.reach);
  }

  /** The SQL condition for one rule, or null when every row is in reach. */
  condition(rule: ScopeRule, alias: string, versionAlias: string | null, day: string, param: (value: unknown) => string): string | null {
    if (rule.kind === 'structure' || !this.reach) return null;
    switch (rule.kind) {
      case 'district':
        return '1 = 0';
      case 'community':
        return `${alias}.${rule.column} = ANY(${param(this.reach.communityIds)})`;
      case 'located':
        return this.reach.gridIds
          ? `${alias}.${rule.gridColumn} = ANY(${param(this.reach.gridIds)})`
          : `${alias}.${rule.communityColumn} = ANY(${param(this.reach.communityIds)})`;
      case 'staff':
        return `${alias}.${rule.column} IN (SELECT sm.id FROM staff_member sm WHERE sm.home_community_id = ANY(${param(this.reach.communityIds)}))`;
      case 'member': {
        if (!versionAlias) throw new Error('a member of the tree is scoped through its version row');
        return this.reach.gridIds
          ? under(rule.level, versionAlias, 'grid', param(this.reach.gridIds), day)
          : under(rule.level, versionAlias, 'community', param(this.reach.communityIds), day);
      }
    }
  }
}
