import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DISTRICT_WIDE_ROLES, Role } from '@community-grid/shared';
import type { FieldProblems } from './errors';

export interface Reach {
  communityIds: number[];
  gridIds: number[];
}

/**
 * What part of the district a signed-in account reaches. The structure
 * (communities, grids, windows) is readable by every role; people —
 * households, residents, staff — only inside the reach. Applied where data
 * is read (list builder, record lookups, DataLoaders and counts), so no
 * resolver has to remember it; records out of reach behave as missing.
 */
export class Scope {
  static readonly DISTRICT = new Scope(null);

  constructor(readonly reach: Reach | null) {}

  static async of(em: EntityManager, account: { role: Role; communityIds: number[]; gridIds: number[] }): Promise<Scope> {
    if (DISTRICT_WIDE_ROLES.includes(account.role)) return Scope.DISTRICT;
    if (account.role === Role.GRID_MEMBER) {
      const rows = await em.query('SELECT DISTINCT community_id FROM grid WHERE id = ANY($1)', [account.gridIds]);
      return new Scope({ gridIds: account.gridIds, communityIds: rows.map((r: { community_id: number }) => r.community_id) });
    }
    const rows = await em.query('SELECT id FROM grid WHERE community_id = ANY($1)', [account.communityIds]);
    return new Scope({ communityIds: account.communityIds, gridIds: rows.map((r: { id: number }) => r.id) });
  }

  /** Restricts the rows of `alias` (an entity of the query) to the reach. */
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias = qb.alias): SelectQueryBuilder<T> {
    if (!this.reach) return qb;
    const entity = qb.expressionMap.findAliasByName(alias).metadata.name;
    const grids = { scopeGrids: this.reach.gridIds };
    switch (entity) {
      case 'Household':
        return qb.andWhere(`${alias}.gridId = ANY(:scopeGrids)`, grids);
      case 'Resident':
        return qb.andWhere(`${alias}.householdId IN (SELECT sh.id FROM household sh WHERE sh.grid_id = ANY(:scopeGrids))`, grids);
      case 'StaffMember':
        return qb.andWhere(`${alias}.homeCommunityId = ANY(:scopeCommunities)`, { scopeCommunities: this.reach.communityIds });
      case 'AuditEvent':
      case 'Account':
        // Only district administrators have the permissions to reach these at all.
        return qb.andWhere('1 = 0');
      default:
        return qb;
    }
  }

  /** Where a written record would land must be inside the reach too (moving a household to a grid elsewhere is refused). */
  checkWrite(entity: string, candidate: Record<string, unknown>, problems: FieldProblems): void {
    if (!this.reach) return;
    if (entity === 'Household' && !this.reach.gridIds.includes(candidate.gridId as number)) {
      problems.add('gridId', `Grid ${candidate.gridId} does not exist`);
    }
    if (entity === 'StaffMember' && !this.reach.communityIds.includes(candidate.homeCommunityId as number)) {
      problems.add('homeCommunityId', 'must be one of your communities');
    }
  }
}
