import type { TestServer } from './test-server';

/**
 * What a write may change, per table: every row of every table of the
 * product, and of the credentials the API token's columns that a write
 * changes (signing in touches `last_used_at`, sessions and the throttle, which
 * are not writes of the caller's).
 */
const ROWS: Record<string, string> = {
  district: 't',
  office: 't',
  office_version: 't',
  community: 't',
  community_version: 't',
  community_predecessor_office: 't',
  community_predecessor_community: 't',
  service_window: 't',
  grid: 't',
  grid_version: 't',
  household: 't',
  household_version: 't',
  resident: 't',
  resident_version: 't',
  staff_member: 't',
  audit_event: 't',
  account: 't',
  api_token: '(t.id, t.account_id, t.name, t.expires_at, t.revoked_at)',
};

/**
 * A cheap digest of the database (a sum of row hashes, about 10 ms on the
 * sample district): equal digests mean no row was added, removed or changed.
 */
export async function fingerprint(api: Pick<TestServer, 'sql'>): Promise<string> {
  const columns = Object.entries(ROWS).map(
    ([table, row]) => `(SELECT COALESCE(sum(hashtext(${row}::text)::bigint), 0) || ':' || count(*) FROM ${table} t) AS ${table}`,
  );
  const [digest] = await api.sql(`SELECT ${columns.join(', ')}`);
  return Object.entries(digest)
    .map(([table, value]) => `${table}=${value}`)
    .join(' ');
}
