import { ServiceScheduler } from '../../server/src/modules/service/service-scheduler';
import { MUSLIM_LANE, sample } from '../support/sample';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Escalation and reminders run through the job queue (Graphile Worker, in
 * PostgreSQL). Two server instances share one database, each with its own
 * worker and its own (test) clock: moving the clocks past a due date and
 * sweeping on both escalates each affair exactly once per level.
 */
let first: TestServer & { databaseUrl: string };
let second: TestServer;
let schedulers: ServiceScheduler[] = [];

beforeAll(async () => {
  first = await startTestServer();
  second = await startTestServer({ database: first.databaseUrl });
  // One after the other: the first installs the queue's schema.
  for (const server of [first, second]) {
    const scheduler = new ServiceScheduler(server.dataSource, server.clock);
    await scheduler.start({ pollInterval: 200 });
    schedulers.push(scheduler);
  }
});
afterAll(async () => {
  for (const scheduler of schedulers) await scheduler.stop();
  schedulers = [];
  await second.close();
  await first.close();
});

const setToday = (day: string) => {
  first.clock.set(day);
  second.clock.set(day);
};

/** Sweeps on both instances at once, then waits until neither has work left. */
async function sweepOnBoth(): Promise<void> {
  await Promise.all(schedulers.map((scheduler) => scheduler.sweep()));
  while (!(await schedulers[0].idle())) await new Promise((resolve) => setTimeout(resolve, 100));
}

const events = async (affairId: string, kind: string) =>
  first.sql<{ escalation_level: number; assignee_id: number | null; route_reason: string; actor_name: string }>(
    `SELECT escalation_level, assignee_id, route_reason, actor_name FROM affair_event WHERE affair_id = $1 AND kind = $2 ORDER BY id`,
    [affairId, kind],
  );

it('escalates an overdue affair once to the coordinator post, and after a second period once to the district, with two instances sweeping', async () => {
  const muslimLane = await sample.communityId(first, MUSLIM_LANE);
  const { residents } = await first.data<{ residents: { items: Array<{ id: string }> } }>(
    `query ($c: ID!) { residents(options: { take: 1, filter: { communityId: { eq: $c } } }) { items { id } } }`,
    { c: muslimLane },
  );
  const { serviceCategories } = await first.data<{ serviceCategories: { items: Array<{ id: string }> } }>(
    '{ serviceCategories(options: { filter: { code: { eq: "CERTIFICATES_AND_PROOFS" } } }) { items { id } } }',
  );
  const { acceptAffair } = await first.data<{ acceptAffair: { record: { id: string } } }>(
    `mutation ($r: ID!, $c: ID!) { acceptAffair(input: { residentId: $r, categoryId: $c, channel: PHONE, description: "开具无犯罪记录证明" }) { record { id } } }`,
    { r: residents.items[0].id, c: serviceCategories.items[0].id },
  );
  const id = acceptAffair.record.id;
  const { transitionAffair } = await first.data<{ transitionAffair: { record: { dueOn: string; assigneeId: string | null } } }>(
    `mutation ($id: ID!) { transitionAffair(input: { id: $id, transition: CLASSIFY }) { record { dueOn assigneeId } } }`,
    { id },
  );
  expect(transitionAffair.record.dueOn).toBe('2026-06-18');

  // On the due date nothing is overdue; the owner is reminded once, whichever instance sweeps.
  setToday('2026-06-18');
  await sweepOnBoth();
  await sweepOnBoth();
  expect(await events(id, 'ESCALATED')).toEqual([]);
  expect(await events(id, 'REMINDED')).toHaveLength(1);

  // The day after: overdue, escalated to the coordinator post's A, once.
  setToday('2026-06-19');
  await sweepOnBoth();
  await sweepOnBoth();
  const { posts } = await first.data<{ posts: { items: Array<{ holders: Array<{ slot: string; staffMemberId: string }> }> } }>(
    `query ($c: ID!) { posts(options: { filter: { communityId: { eq: $c }, kind: { eq: COORDINATOR } } }) { items { holders { slot staffMemberId } } } }`,
    { c: muslimLane },
  );
  const coordinatorA = posts.items[0].holders.find((h) => h.slot === 'A')!.staffMemberId;
  expect(await events(id, 'ESCALATED')).toEqual([
    { escalation_level: 1, assignee_id: Number(coordinatorA), route_reason: 'COORDINATOR_A', actor_name: 'system' },
  ]);

  // A second period (3 working days after the due date: the sample calendar makes Fri 19 a holiday, so Mon 22, Tue 23, Wed 24)
  // has not passed on the 24th; on the 25th it has.
  setToday('2026-06-24');
  await sweepOnBoth();
  expect(await events(id, 'ESCALATED')).toHaveLength(1);
  setToday('2026-06-25');
  await sweepOnBoth();
  await sweepOnBoth();
  const escalations = await events(id, 'ESCALATED');
  expect(escalations.map((e) => [e.escalation_level, e.assignee_id, e.route_reason])).toEqual([
    [1, Number(coordinatorA), 'COORDINATOR_A'],
    [2, null, 'DISTRICT'],
  ]);
  const { affair } = await second.data<{
    affair: { escalationLevel: number; assigneeId: string | null; routeReason: string; overdue: boolean };
  }>('query ($id: ID!) { affair(id: $id) { escalationLevel assigneeId routeReason overdue } }', { id });
  expect(affair).toEqual({ escalationLevel: 2, assigneeId: null, routeReason: 'DISTRICT', overdue: true });
  // Nothing more to do, however often either instance sweeps.
  await sweepOnBoth();
  expect(await events(id, 'ESCALATED')).toHaveLength(2);
  // Each escalation is in the audit trail once.
  const audited = await first.sql<{ level: string }>(
    `SELECT changes->'escalationLevel'->>'after' AS level FROM audit_event WHERE entity_type = 'Affair' AND entity_id = $1
    AND operation = 'UPDATE' AND changes ? 'escalationLevel' ORDER BY id`,
    [id],
  );
  expect(audited.map((a) => a.level)).toEqual(['1', '2']);
});
