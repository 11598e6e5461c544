import type { EntityManager } from 'typeorm';
import { addDays, openFrom, toRange } from '../core/time/validity';

/** The reform brought the specialist-member system with it. */
const SINCE = '2014-09-29';

interface Community {
  id: number;
  grids: number[];
  /** Staff of the community in the order they were recorded, with whether they are active. */
  staff: Array<{ id: number; active: boolean }>;
  windows: number[];
}

/**
 * Staffing of the sample district: every community follows a template (the
 * bigger ones the 10-member system; Muslim Lane moved from 8 to 10 in 2020),
 * has its coordinator post, a post per window and per required role, each with
 * an A and a B holder, and two grid members a grid. With realistic holes,
 * relative to `today`: a vacant role in Hepan, a grid of Chenxi with a single
 * member since three weeks ago, a week from the day after tomorrow when both
 * holders of Muslim Lane's intermediary window are on leave, and a specialist
 * of Muslim Lane off sick today (B covers, while also holding a post of their own).
 */
export async function loadSampleStaffing(em: EntityManager, communityIds: number[], today: string): Promise<void> {
  const communities: Community[] = [];
  for (const id of communityIds) {
    const grids = await em.query('SELECT grid_id AS id FROM grid_version WHERE community_id = $1 AND upper_inf(valid) ORDER BY code', [id]);
    const staff = await em.query('SELECT id, active FROM staff_member WHERE home_community_id = $1 ORDER BY id', [id]);
    const windows = await em.query('SELECT id FROM service_window WHERE community_id = $1 ORDER BY id', [id]);
    communities.push({ id, grids: grids.map((g: { id: number }) => g.id), staff, windows: windows.map((w: { id: number }) => w.id) });
  }
  const templates = new Map<string, number>(
    (await em.query('SELECT code, id FROM staffing_template')).map((t: { code: string; id: number }) => [t.code, t.id]),
  );
  const roleOrder: string[] = (await em.query('SELECT code FROM specialist_role ORDER BY id')).map((r: { code: string }) => r.code);

  const adoptions: unknown[][] = [];
  const holders: Array<[post: string, slot: string, staff: number, from: string, until: string | null]> = [];
  const assignments: Array<[grid: number, staff: number, from: string, until: string | null]> = [];
  const absences: Array<[staff: number, reason: string, from: string, until: string, note: string]> = [];

  communities.forEach((c, ci) => {
    const big = c.grids.length >= 6;
    if (ci === 0) {
      adoptions.push(
        [c.id, templates.get('MEMBERS_8'), toRange(SINCE, '2019-12-31')],
        [c.id, templates.get('MEMBERS_10'), openFrom('2020-01-01')],
      );
    } else {
      adoptions.push([c.id, templates.get(big ? 'MEMBERS_10' : 'MEMBERS_8'), openFrom(SINCE)]);
    }

    // Two grid members a grid; Muslim Lane's first member (the demo grid member) serves its first two grids.
    const gridStaff = c.staff.slice(0, c.grids.length * 2);
    c.grids.forEach((grid, g) => {
      const pair = ci === 0 && g === 1 ? [gridStaff[0], gridStaff[3]] : [gridStaff[2 * g], gridStaff[2 * g + 1]];
      pair.forEach((member, m) => {
        // Chenxi's first grid lost its second member three weeks ago.
        const until = ci === 1 && g === 0 && m === 1 ? addDays(today, -21) : null;
        assignments.push([grid, member.id, SINCE, until]);
      });
    });

    const specialists = c.staff.slice(c.grids.length * 2, c.grids.length * 2 + 10).filter((s) => s.active);
    const windowStaff = c.staff.slice(c.grids.length * 2 + 10).filter((s) => s.active);
    const k = (i: number) => specialists[i % specialists.length].id;
    const w = (i: number) => windowStaff[i % windowStaff.length].id;

    holders.push([`coordinator:${c.id}`, 'A', k(0), SINCE, null], [`coordinator:${c.id}`, 'B', k(1), SINCE, null]);
    c.windows.forEach((window, i) => {
      holders.push([`window:${window}`, 'A', w(i), SINCE, null], [`window:${window}`, 'B', w(i + 1), SINCE, null]);
    });
    const roles = big || ci === 0 ? roleOrder : roleOrder.filter((code) => code !== 'SPORTS_INSTRUCTOR' && code !== 'TUTORING_INSTRUCTOR');
    roles.forEach((role, i) => {
      // Hepan has not found anyone for its last role.
      if (ci === 2 && i === roles.length - 1) return;
      const post = `role:${c.id}:${role}`;
      if (ci === 0 && i === 0) {
        // Muslim Lane's party liaison changed hands in 2021.
        holders.push([post, 'A', k(specialists.length - 1), SINCE, '2020-12-31'], [post, 'A', k(0), '2021-01-01', null]);
      } else {
        holders.push([post, 'A', k(i), SINCE, null]);
      }
      holders.push([post, 'B', k(i + 1), SINCE, null]);
    });

    // Training and leave in the past, for every community.
    absences.push(
      [k(2), 'TRAINING', addDays(today, -60), addDays(today, -56), '市级培训'],
      [w(0), 'LEAVE', addDays(today, -40), addDays(today, -31), '年假'],
    );
    if (ci === 0) {
      // Both holders of the intermediary window on leave for a week, from the day after tomorrow.
      const intermediary = c.windows.length - 1;
      absences.push(
        [w(intermediary), 'LEAVE', addDays(today, 2), addDays(today, 8), '年假'],
        [w(intermediary + 1), 'LEAVE', addDays(today, 2), addDays(today, 8), '探亲假'],
      );
      absences.push([k(3), 'SICK', addDays(today, -1), addDays(today, 3), '']);
    }
  });

  await em.query(
    `INSERT INTO template_adoption (community_id, template_id, valid) SELECT * FROM unnest($1::int[], $2::int[], $3::daterange[])`,
    [adoptions.map((a) => a[0]), adoptions.map((a) => a[1]), adoptions.map((a) => a[2])],
  );
  // Posts: the coordinator's, one per window, one per role any template of the community required.
  await em.query(
    `INSERT INTO post (community_id, kind, specialist_role_id, service_window_id)
    SELECT c, 'COORDINATOR'::post_kind, NULL::int, NULL::int FROM unnest($1::int[]) c
    UNION ALL SELECT community_id, 'WINDOW', NULL, id FROM service_window WHERE community_id = ANY($1)
    UNION ALL SELECT DISTINCT ta.community_id, 'SPECIALIST'::post_kind, tr.specialist_role_id, NULL::int FROM template_adoption ta
      JOIN staffing_template_role tr ON tr.template_id = ta.template_id WHERE ta.community_id = ANY($1)`,
    [communityIds],
  );
  const posts = new Map<string, { id: number; community: number }>();
  for (const p of await em.query(
    `SELECT p.id, p.community_id, p.kind, p.service_window_id, r.code FROM post p LEFT JOIN specialist_role r ON r.id = p.specialist_role_id WHERE p.community_id = ANY($1)`,
    [communityIds],
  )) {
    const key =
      p.kind === 'COORDINATOR'
        ? `coordinator:${p.community_id}`
        : p.kind === 'WINDOW'
          ? `window:${p.service_window_id}`
          : `role:${p.community_id}:${p.code}`;
    posts.set(key, { id: p.id, community: p.community_id });
  }
  await em.query(
    `INSERT INTO post_holder (post_id, community_id, slot, staff_member_id, valid) SELECT * FROM unnest($1::int[], $2::int[], $3::varchar[], $4::int[], $5::daterange[])`,
    [
      holders.map((h) => posts.get(h[0])!.id),
      holders.map((h) => posts.get(h[0])!.community),
      holders.map((h) => h[1]),
      holders.map((h) => h[2]),
      holders.map((h) => toRange(h[3], h[4])),
    ],
  );
  await em.query(
    `INSERT INTO grid_assignment (grid_id, staff_member_id, valid) SELECT * FROM unnest($1::int[], $2::int[], $3::daterange[])`,
    [assignments.map((a) => a[0]), assignments.map((a) => a[1]), assignments.map((a) => toRange(a[2], a[3]))],
  );
  await em.query(
    `INSERT INTO absence (staff_member_id, reason, valid, note) SELECT * FROM unnest($1::int[], $2::absence_reason[], $3::daterange[], $4::varchar[])`,
    [absences.map((a) => a[0]), absences.map((a) => a[1]), absences.map((a) => toRange(a[2], a[3])), absences.map((a) => a[4])],
  );
}
