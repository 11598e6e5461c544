import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Role } from '@community-grid/shared';
import { hashPassword } from '../../core/passwords';
import { Account } from './account.entity';

/**
 * On an empty accounts table, creates `admin` (DISTRICT_ADMIN) with
 * ADMIN_PASSWORD, or a generated password that is returned to be printed once.
 */
export async function ensureAdministrator(dataSource: DataSource, password?: string): Promise<{ generatedPassword?: string } | null> {
  return dataSource.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock(20141001)');
    if ((await em.count(Account, { where: { role: Role.DISTRICT_ADMIN } })) > 0) return null;
    const generatedPassword = password ? undefined : randomBytes(12).toString('base64url');
    await em.insert(Account, {
      username: 'admin',
      displayName: 'District administrator',
      role: Role.DISTRICT_ADMIN,
      passwordHash: await hashPassword(password ?? generatedPassword!),
      communityIds: [],
      gridIds: [],
    });
    return { generatedPassword };
  });
}

export const DEMO_PASSWORD = 'demo';

/** One demo account per role, for the sample district only (README lists them). */
export async function createDemoAccounts(em: EntityManager, muslimLaneId: number): Promise<void> {
  const grids: Array<{ id: number }> = await em.query(
    'SELECT grid_id AS id FROM grid_version WHERE community_id = $1 AND upper_inf(valid) ORDER BY code LIMIT 2',
    [muslimLaneId],
  );
  const [staff]: Array<{ id: number }> = await em.query('SELECT id FROM staff_member WHERE home_community_id = $1 ORDER BY id LIMIT 1', [
    muslimLaneId,
  ]);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const base = { passwordHash, communityIds: [] as number[], gridIds: [] as number[], staffMemberId: null as number | null };
  await em.insert(Account, [
    { ...base, username: 'official', displayName: '区级干部（演示）', role: Role.DISTRICT_OFFICIAL },
    {
      ...base,
      username: 'coordinator',
      displayName: '清真巷社区协调员（演示）',
      role: Role.COMMUNITY_COORDINATOR,
      communityIds: [muslimLaneId],
    },
    {
      ...base,
      username: 'gridmember',
      displayName: '清真巷网格员（演示）',
      role: Role.GRID_MEMBER,
      gridIds: grids.map((g) => g.id),
      staffMemberId: staff.id,
    },
    { ...base, username: 'window', displayName: '清真巷窗口人员（演示）', role: Role.WINDOW_STAFF, communityIds: [muslimLaneId] },
    { ...base, username: 'reporter', displayName: '报表人员（演示）', role: Role.REPORT_BUILDER },
  ]);
}
