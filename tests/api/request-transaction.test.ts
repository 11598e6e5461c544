import 'reflect-metadata';
import { RequestContext } from '../../server/src/core/request-context';
import { fingerprint } from '../support/fingerprint';
import { CHENXI, MUSLIM_LANE, sample } from '../support/sample';
import { startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
let muslimLane: string;
beforeAll(async () => {
  api = await startTestServer();
  muslimLane = await sample.communityId(api, MUSLIM_LANE);
});
afterAll(() => api.close());

const staffAudits = async (name: string) =>
  (
    await api.sql(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'StaffMember' AND changes::text LIKE $1`, [`%${name}%`])
  )[0].n;

/** Muslim Lane has grids: deleting it is refused (CONFLICT, HAS_DEPENDANTS). */
const FAILS = 'deleteCommunity(id: $community) { id }';

describe('one request, one transaction', () => {
  it('two aliased mutations whose second fails keep nothing of the first, and say so', async () => {
    const before = await fingerprint(api);
    const response = await api.gql(
      `mutation ($community: ID!) {
      first: createStaffMember(input: { name: "事务甲" }) { id name }
      second: ${FAILS}
    }`,
      { community: muslimLane },
    );
    expect(response.errors!.map((e) => [e.path, e.extensions.code, e.extensions.reason])).toEqual([
      [['second'], 'CONFLICT', 'HAS_DEPENDANTS'],
    ]);
    // No field reads as if it had been kept.
    expect(response.data).toBeNull();
    expect(await fingerprint(api)).toBe(before);
    expect(await api.sql(`SELECT id FROM staff_member WHERE name = '事务甲'`)).toEqual([]);
    expect(await staffAudits('事务甲')).toBe(0);
  });

  it('after a failed mutation the fields after it are not run', async () => {
    const before = await fingerprint(api);
    const response = await api.gql(
      `mutation ($community: ID!) {
      first: ${FAILS}
      second: createStaffMember(input: { name: "事务乙" }) { id }
    }`,
      { community: muslimLane },
    );
    expect(response.errors!.map((e) => [e.path, e.extensions.code])).toEqual([[['first'], 'CONFLICT']]);
    expect(response.data).toBeNull();
    expect(await fingerprint(api)).toBe(before);
    expect(await staffAudits('事务乙')).toBe(0);
  });

  it('a field after a failure below a mutation (absorbed by a nullable field) is refused with ROLLED_BACK, its work never started', async () => {
    const runner = {
      isTransactionActive: false,
      startTransaction: async () => {
        runner.isTransactionActive = true;
      },
      rollbackTransaction: async () => {
        runner.isTransactionActive = false;
      },
    };
    const context = new RequestContext({ manager: { queryRunner: runner } } as never);
    await context.beginRequestTransaction();
    expect(await context.inRequestTransaction(async () => 'first')).toBe('first');
    context.markRequestFailed();
    let ran = false;
    await expect(
      context.inRequestTransaction(async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ extensions: { code: 'ROLLED_BACK' } });
    expect(ran).toBe(false);
    // Asked to commit, a failed request's transaction is rolled back.
    await context.endRequestTransaction(true);
    expect(runner.isTransactionActive).toBe(false);
  });

  it('a failure inside a database statement (a duplicate) rolls back the writes before it', async () => {
    // The district code is unique in the database only: the second insert fails inside PostgreSQL, which aborts the transaction.
    const district = (name: string) =>
      `createDistrict(input: { name: "${name}", nameEn: "${name}", code: "TX${Date.now() % 1e9}", city: "西宁" }) { id }`;
    const before = await fingerprint(api);
    const response = await api.gql(
      `mutation { staff: createStaffMember(input: { name: "事务丁" }) { id } one: ${district('事务区一')} two: ${district('事务区二')} }`,
    );
    expect(response.errors!.map((e) => [e.path, e.extensions.code])).toEqual([[['two'], 'CONFLICT']]);
    expect(response.data).toBeNull();
    expect(await fingerprint(api)).toBe(before);
    // The connection went back to the pool with nothing open: the next requests read and write as usual.
    for (let i = 0; i < 6; i++)
      expect(
        (await api.data<{ communities: { totalItems: number } }>('{ communities(options: { take: 1 }) { totalItems } }')).communities
          .totalItems,
      ).toBeGreaterThan(0);
  });

  it('mutations that all succeed are kept together, with one correlation id', async () => {
    const { a, b } = await api.data<{ a: { id: string }; b: { id: string } }>(`mutation {
      a: createStaffMember(input: { name: "事务戊" }) { id }
      b: createStaffMember(input: { name: "事务己" }) { id }
    }`);
    const audits = await api.sql(
      `SELECT DISTINCT correlation_id FROM audit_event WHERE entity_type = 'StaffMember' AND entity_id = ANY($1)`,
      [[Number(a.id), Number(b.id)]],
    );
    expect(audits).toHaveLength(1);
    await api.data(`mutation ($a: ID!, $b: ID!) { a: deleteStaffMember(id: $a) { id } b: deleteStaffMember(id: $b) { id } }`, {
      a: a.id,
      b: b.id,
    });
    expect(await api.sql('SELECT id FROM staff_member WHERE id = ANY($1)', [[Number(a.id), Number(b.id)]])).toEqual([]);
  });

  it('a dry run beside a real change keeps only the real one; beside a failure, neither', async () => {
    const grids = await sample.gridsOf(api, muslimLane);
    const target = await sample.communityId(api, CHENXI);
    const effectiveOn = api.clock.today();
    const dryRun = `preview: changeGrid(input: { id: "${grids[0].id}", effectiveOn: "${effectiveOn}", communityId: "${target}" }, dryRun: true) { dryRun changeCount }`;
    const before = await fingerprint(api);
    const kept = await api.data<{ preview: { dryRun: boolean; changeCount: number }; staff: { id: string } }>(
      `mutation { ${dryRun} staff: createStaffMember(input: { name: "事务庚" }) { id } }`,
    );
    expect(kept.preview.dryRun).toBe(true);
    expect(await api.sql(`SELECT id FROM staff_member WHERE name = '事务庚'`)).toHaveLength(1);
    await api.data('mutation ($id: ID!) { deleteStaffMember(id: $id) { id } }', { id: kept.staff.id });
    const afterCleanup = await fingerprint(api);
    expect(afterCleanup).not.toBe(before); // the create and delete were audited

    const failed = await api.gql(
      `mutation ($community: ID!) { ${dryRun} staff: createStaffMember(input: { name: "事务辛" }) { id } last: ${FAILS} }`,
      { community: muslimLane },
    );
    expect(failed.data).toBeNull();
    expect(await fingerprint(api)).toBe(afterCleanup);
  });
});
