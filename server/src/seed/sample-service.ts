import type { EntityManager } from 'typeorm';
import { AffairChannel, AffairEventKind, AffairStatus, AffairTransition, CalendarDayKind, VisitPurpose } from '@community-grid/shared';
import { addDays } from '../core/time/validity';
import { WorkingCalendar } from '../modules/service/working-calendar';
import { ancestorSql } from '../modules/structure/structure';
import { random } from './sample-district';

type Rng = ReturnType<typeof random>;

/**
 * A sample working-day calendar: public holidays and make-up working days
 * in the manner of the national schedule (invented for the sample; officials
 * keep the real one).
 */
const mark = (kind: CalendarDayKind, name: string, ...days: string[]) =>
  days.map((day): [string, CalendarDayKind, string] => [day, kind, name]);
const { HOLIDAY, WORKDAY } = CalendarDayKind;
const MAKE_UP = '调休上班 make-up working day';
const CALENDAR: Array<[day: string, kind: CalendarDayKind, name: string]> = [
  ...mark(HOLIDAY, '元旦 New Year', '2025-01-01', '2026-01-01', '2026-01-02', '2027-01-01'),
  ...mark(
    HOLIDAY,
    '春节 Spring Festival',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-03',
    '2025-02-04',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-23',
  ),
  ...mark(HOLIDAY, '清明节 Qingming', '2025-04-04', '2026-04-06'),
  ...mark(HOLIDAY, '劳动节 Labour Day', '2025-05-01', '2025-05-02', '2025-05-05', '2026-05-01', '2026-05-04', '2026-05-05'),
  ...mark(HOLIDAY, '端午节 Dragon Boat Festival', '2025-06-02', '2026-06-19'),
  ...mark(HOLIDAY, '中秋节 Mid-Autumn Festival', '2026-09-25'),
  ...mark(
    HOLIDAY,
    '国庆节 National Day',
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ),
  ...mark(
    WORKDAY,
    MAKE_UP,
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ),
];

/** Category codes with their weight among affairs and a few invented requests. */
const REQUESTS: Record<string, [weight: number, descriptions: string[]]> = {
  CIVIL_AFFAIRS: [14, ['申请最低生活保障', '办理临时救助', '咨询婚姻登记材料', '申请高龄津贴复核']],
  ELDERLY_CARE: [12, ['独居老人申请助餐服务', '申请居家养老上门服务', '老人日间照料登记']],
  SOCIAL_INSURANCE: [12, ['城乡居民医保参保登记', '养老保险待遇资格认证', '医保异地就医备案']],
  EMPLOYMENT: [8, ['失业登记', '申请职业技能培训', '就业困难人员认定']],
  DISABILITY_SUPPORT: [6, ['残疾证办理咨询', '申请残疾人两项补贴', '辅具适配申请']],
  HEALTH_AND_FAMILY: [8, ['家庭医生签约', '生育登记', '预防接种咨询']],
  PSYCHOLOGICAL_SUPPORT: [4, ['家庭矛盾引起情绪困扰', '留守儿童心理疏导']],
  DISPUTE_MEDIATION: [8, ['楼上漏水邻里纠纷', '噪音扰民调解', '物业费争议调解']],
  HOUSING_AND_NEIGHBOURHOOD: [12, ['楼道照明损坏', '小区积水', '公租房申请咨询', '违章搭建反映']],
  CERTIFICATES_AND_PROOFS: [12, ['开具居住证明', '开具亲属关系证明', '开具无犯罪记录证明指引']],
  OTHER: [4, ['社区活动报名', '意见建议']],
};

const CHANNELS: Array<[AffairChannel, number]> = [
  [AffairChannel.WINDOW, 50],
  [AffairChannel.DOOR_VISIT, 20],
  [AffairChannel.PHONE, 20],
  [AffairChannel.ONLINE, 10],
];

function weighted<T>(rng: Rng, items: Array<[T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1][0];
}

const { ACCEPTED, CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED, SUSPENDED, RESOLVED, CLOSED, REJECTED } = AffairStatus;

/** Where an affair ends up, by its age in days: old ones mostly closed, recent ones at every step. */
function finalStatus(rng: Rng, age: number): AffairStatus {
  if (age > 45)
    return weighted(rng, [
      [CLOSED, 88],
      [REJECTED, 4],
      [RESOLVED, 5],
      [IN_PROGRESS, 1.5],
      [SUSPENDED, 1],
      [ASSIGNED, 0.5],
    ]);
  if (age > 10)
    return weighted(rng, [
      [CLOSED, 55],
      [RESOLVED, 14],
      [REJECTED, 4],
      [IN_PROGRESS, 13],
      [ASSIGNED, 5],
      [SUSPENDED, 4],
      [RETURNED, 3],
      [CLASSIFIED, 2],
    ]);
  return weighted(rng, [
    [ACCEPTED, age <= 2 ? 20 : 6],
    [CLASSIFIED, 14],
    [ASSIGNED, 16],
    [IN_PROGRESS, 24],
    [SUSPENDED, 4],
    [RETURNED, 4],
    [RESOLVED, 12],
    [CLOSED, 8],
    [REJECTED, 2],
  ]);
}

interface AffairRow {
  household: number;
  forHead: boolean;
  category: number;
  channel: AffairChannel;
  description: string;
  status: AffairStatus;
  acceptedOn: string;
  dueOn: string | null;
  suspendedOn: string | null;
  suspendedWorkingDays: number;
  escalationLevel: number;
  satisfaction: number | null;
  rejectReason: string | null;
  resolvedOn: string | null;
  closedOn: string | null;
  events: Array<{
    kind: AffairEventKind;
    transition: AffairTransition | null;
    from: AffairStatus | null;
    to: AffairStatus | null;
    day: string;
    note: string;
    level: number | null;
  }>;
}

/**
 * The one-stop service's sample, relative to `today`: the calendar, about
 * `affairsPerHousehold` affairs per household over the last year across
 * every category, channel and state (some overdue and escalated, some
 * suspended) with their timelines, and visits whose coverage differs by grid.
 * Set-based: rows are built here and inserted with unnest in chunks; routing
 * is one UPDATE from the posts and holders on each affair's day.
 */
export async function loadSampleService(
  em: EntityManager,
  today: string,
  affairsPerHousehold = 2,
): Promise<{ affairs: number; visits: number }> {
  const rng = random(20261001);
  // The structure and staffing were just loaded in this transaction: without statistics the planner joins them blindly.
  await em.query(
    'ANALYZE household, household_version, grid_version, post, post_holder, template_adoption, staffing_template_role, grid_assignment',
  );
  await em.query(
    `INSERT INTO calendar_day (day, kind, name) SELECT * FROM unnest($1::date[], $2::calendar_day_kind[], $3::varchar[]) ON CONFLICT (day) DO NOTHING`,
    [CALENDAR.map((c) => c[0]), CALENDAR.map((c) => c[1]), CALENDAR.map((c) => c[2])],
  );
  const calendar = await WorkingCalendar.load(em);
  const categories: Array<{ id: number; code: string; due_working_days: number }> = await em.query(
    'SELECT id, code, due_working_days FROM service_category ORDER BY id',
  );
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const yearAgo = addDays(today, -364);
  const households: Array<{ id: number; grid_id: number }> = await em.query(
    `SELECT hv.household_id AS id, hv.grid_id FROM household_version hv
    WHERE hv.valid @> $1::date AND lower(hv.valid) <= $2::date ORDER BY hv.household_id`,
    [today, yearAgo],
  );

  const rows: AffairRow[] = [];
  const categoryWeights = Object.entries(REQUESTS)
    .filter(([code]) => byCode.has(code))
    .map(([code, [w]]) => [code, w] as [string, number]);
  const workingOnOrBefore = (day: string) => {
    let d = day;
    while (!calendar.isWorkingDay(d)) d = addDays(d, -1);
    return d;
  };
  for (const household of households) {
    const count = Math.floor(affairsPerHousehold * 2 * rng.next() + rng.next());
    for (let n = 0; n < count; n++) {
      const code = weighted(rng, categoryWeights);
      const category = byCode.get(code)!;
      const channel = weighted(rng, CHANNELS);
      let acceptedOn = addDays(today, -rng.int(0, 364));
      if (channel === AffairChannel.WINDOW) acceptedOn = workingOnOrBefore(acceptedOn) < yearAgo ? today : workingOnOrBefore(acceptedOn);
      const age = (Date.parse(today) - Date.parse(acceptedOn)) / 86_400_000;
      let status = finalStatus(rng, age);
      const row: AffairRow = {
        household: household.id,
        forHead: rng.chance(0.8),
        category: category.id,
        channel,
        description: rng.pick(REQUESTS[code][1]),
        status,
        acceptedOn,
        dueOn: null,
        suspendedOn: null,
        suspendedWorkingDays: 0,
        escalationLevel: 0,
        satisfaction: null,
        rejectReason: null,
        resolvedOn: null,
        closedOn: null,
        events: [],
      };
      const ev = (
        kind: AffairEventKind,
        day: string,
        transition: AffairTransition | null = null,
        from: AffairStatus | null = null,
        to: AffairStatus | null = null,
        note = '',
        level: number | null = null,
      ) => row.events.push({ kind, transition, from, to, day: day > today ? today : day, note, level });
      ev(AffairEventKind.ACCEPTED, acceptedOn, null, null, ACCEPTED);
      if (status === ACCEPTED) {
        rows.push(row);
        continue;
      }
      if (status === REJECTED && rng.chance(0.5)) {
        ev(AffairEventKind.TRANSITION, acceptedOn, AffairTransition.REJECT, ACCEPTED, REJECTED, '不属于社区受理范围');
        Object.assign(row, { rejectReason: '不属于社区受理范围', closedOn: acceptedOn });
        rows.push(row);
        continue;
      }
      let day = calendar.addWorkingDays(acceptedOn, rng.chance(0.6) ? 0 : 1);
      if (day > today) day = today;
      ev(AffairEventKind.TRANSITION, day, AffairTransition.CLASSIFY, ACCEPTED, CLASSIFIED);
      ev(AffairEventKind.ROUTED, day);
      let current: AffairStatus = CLASSIFIED;
      if (status === RETURNED || (status !== CLASSIFIED && rng.chance(0.06))) {
        ev(AffairEventKind.TRANSITION, day, AffairTransition.RETURN, CLASSIFIED, RETURNED, '请补充身份证复印件');
        current = RETURNED;
        if (status !== RETURNED) {
          day = addDays(day, rng.int(1, 4)) > today ? today : addDays(day, rng.int(1, 4));
          ev(AffairEventKind.TRANSITION, day, AffairTransition.CLASSIFY, RETURNED, CLASSIFIED, '材料已补齐');
          current = CLASSIFIED;
        }
      }
      // Suspended time: some affairs wait on another office for a few working days.
      const suspends = status === SUSPENDED || ([RESOLVED, CLOSED, IN_PROGRESS].includes(status) && rng.chance(0.08));
      if (current === CLASSIFIED && status !== CLASSIFIED && status !== REJECTED) {
        ev(AffairEventKind.TRANSITION, day, AffairTransition.ASSIGN, CLASSIFIED, ASSIGNED);
        current = ASSIGNED;
        if (status !== ASSIGNED) {
          day = calendar.addWorkingDays(day, rng.int(0, 1)) > today ? today : calendar.addWorkingDays(day, rng.int(0, 1));
          ev(AffairEventKind.TRANSITION, day, AffairTransition.START, ASSIGNED, IN_PROGRESS);
          current = IN_PROGRESS;
        }
      }
      if (suspends && current === IN_PROGRESS) {
        const from = calendar.addWorkingDays(day, rng.int(0, 2)) > today ? today : calendar.addWorkingDays(day, rng.int(0, 2));
        ev(AffairEventKind.TRANSITION, from, AffairTransition.SUSPEND, IN_PROGRESS, SUSPENDED, '等待上级部门回复');
        current = SUSPENDED;
        if (status === SUSPENDED) {
          row.suspendedOn = from;
        } else {
          const until = calendar.addWorkingDays(from, rng.int(2, 6));
          if (until <= today) {
            row.suspendedWorkingDays = calendar.workingDaysBetween(from, until);
            ev(AffairEventKind.TRANSITION, until, AffairTransition.RESUME, SUSPENDED, IN_PROGRESS);
            current = IN_PROGRESS;
            day = until;
          } else {
            status = SUSPENDED;
            row.suspendedOn = from;
          }
        }
      }
      row.dueOn = calendar.addWorkingDays(acceptedOn, category.due_working_days + row.suspendedWorkingDays);
      if (current === IN_PROGRESS && [RESOLVED, CLOSED, REJECTED].includes(status)) {
        // Most are resolved in time; some late.
        const resolvedOn = calendar.addWorkingDays(day, rng.int(0, category.due_working_days + (rng.chance(0.15) ? 6 : 0)));
        if (resolvedOn > today) {
          status = IN_PROGRESS;
        } else if (status === REJECTED) {
          ev(AffairEventKind.TRANSITION, resolvedOn, AffairTransition.REJECT, IN_PROGRESS, REJECTED, '经核实不符合条件');
          Object.assign(row, { rejectReason: '经核实不符合条件', closedOn: resolvedOn });
          current = REJECTED;
          day = resolvedOn;
        } else {
          ev(AffairEventKind.TRANSITION, resolvedOn, AffairTransition.RESOLVE, IN_PROGRESS, RESOLVED, '已办结');
          row.resolvedOn = resolvedOn;
          current = RESOLVED;
          day = resolvedOn;
          const closedOn = addDays(resolvedOn, rng.int(0, 3));
          if (status === CLOSED && closedOn <= today) {
            row.satisfaction = weighted(rng, [
              [5, 60],
              [4, 25],
              [3, 10],
              [2, 3],
              [1, 2],
            ]);
            row.closedOn = closedOn;
            ev(AffairEventKind.TRANSITION, closedOn, AffairTransition.CLOSE, RESOLVED, CLOSED, `满意度 ${row.satisfaction}`);
            current = CLOSED;
          }
        }
      }
      if (status === REJECTED && current !== REJECTED) {
        ev(AffairEventKind.TRANSITION, day, AffairTransition.REJECT, current, REJECTED, '重复受理');
        Object.assign(row, { rejectReason: '重复受理', closedOn: day });
        current = REJECTED;
      }
      row.status = current;
      // What the sweep would have done: escalated once past the due date, and again after a second period.
      const end = row.resolvedOn ?? row.closedOn ?? (current === SUSPENDED ? null : today);
      if (end && row.dueOn < end && row.dueOn < today) {
        row.escalationLevel = 1;
        ev(
          AffairEventKind.ESCALATED,
          addDays(row.dueOn, 1),
          null,
          null,
          null,
          `overdue since ${row.dueOn}: escalated to the coordinator post`,
          1,
        );
        const second = calendar.addWorkingDays(row.dueOn, category.due_working_days);
        if (second < end && second < today) {
          row.escalationLevel = 2;
          ev(AffairEventKind.ESCALATED, addDays(second, 1), null, null, null, 'overdue for a second period: escalated to the district', 2);
        }
      }
      rows.push(row);
    }
  }

  const CHUNK = 5000;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const ids: Array<{ id: number }> = await em.query(
      `
      INSERT INTO affair (household_id, resident_id, grid_id, community_id, category_id, channel, description, status, accepted_on, due_on, suspended_on,
        suspended_working_days, escalation_level, satisfaction, reject_reason, resolved_on, closed_on)
      SELECT r.household_id, CASE WHEN r.for_head THEN h.head_resident_id END, hv.grid_id, ${ancestorSql('grid', 'hv.grid_id', 'community', 'r.accepted_on')},
        r.category_id, r.channel, r.description, r.status, r.accepted_on, r.due_on, r.suspended_on, r.suspended_working_days, r.escalation_level,
        r.satisfaction, r.reject_reason, r.resolved_on, r.closed_on
      FROM unnest($1::int[], $2::bool[], $3::int[], $4::affair_channel[], $5::varchar[], $6::affair_status[], $7::date[], $8::date[], $9::date[], $10::int[], $11::int[],
        $12::int[], $13::varchar[], $14::date[], $15::date[]) WITH ORDINALITY
        AS r(household_id, for_head, category_id, channel, description, status, accepted_on, due_on, suspended_on, suspended_working_days, escalation_level,
          satisfaction, reject_reason, resolved_on, closed_on, n)
      JOIN household h ON h.id = r.household_id
      JOIN household_version hv ON hv.household_id = r.household_id AND hv.valid @> r.accepted_on
      ORDER BY r.n RETURNING id`,
      [
        chunk.map((r) => r.household),
        chunk.map((r) => r.forHead),
        chunk.map((r) => r.category),
        chunk.map((r) => r.channel),
        chunk.map((r) => r.description),
        chunk.map((r) => r.status),
        chunk.map((r) => r.acceptedOn),
        chunk.map((r) => r.dueOn),
        chunk.map((r) => r.suspendedOn),
        chunk.map((r) => r.suspendedWorkingDays),
        chunk.map((r) => r.escalationLevel),
        chunk.map((r) => r.satisfaction),
        chunk.map((r) => r.rejectReason),
        chunk.map((r) => r.resolvedOn),
        chunk.map((r) => r.closedOn),
      ],
    );
    const events = chunk.flatMap((r, i) => r.events.map((e) => ({ ...e, affair: ids[i].id })));
    for (let e = 0; e < events.length; e += CHUNK * 4) {
      const part = events.slice(e, e + CHUNK * 4);
      await em.query(
        `INSERT INTO affair_event (affair_id, day, at, kind, transition, from_status, to_status, actor_name, note, escalation_level)
        SELECT affair_id, day, (day::timestamp + interval '9 hours') AT TIME ZONE 'Asia/Shanghai', kind, transition, from_status, to_status,
          CASE WHEN kind = 'ESCALATED' THEN 'system' ELSE 'sample' END, note, level
        FROM unnest($1::int[], $2::date[], $3::varchar[], $4::varchar[], $5::affair_status[], $6::affair_status[], $7::varchar[], $8::int[])
          AS t(affair_id, day, kind, transition, from_status, to_status, note, level)`,
        [
          part.map((x) => x.affair),
          part.map((x) => x.day),
          part.map((x) => x.kind),
          part.map((x) => x.transition),
          part.map((x) => x.from),
          part.map((x) => x.to),
          part.map((x) => x.note),
          part.map((x) => x.level),
        ],
      );
    }
  }

  await em.query('ANALYZE affair, affair_event');
  // Routing on each affair's day: the role's A holder, else the coordinator post's A, else the district, with why.
  await em.query(`
    WITH r AS (
      SELECT a.id, c.specialist_role_id IS NULL AS no_role,
        EXISTS (SELECT 1 FROM template_adoption ta JOIN staffing_template_role tr ON tr.template_id = ta.template_id
          WHERE ta.community_id = a.community_id AND ta.valid @> a.accepted_on AND tr.specialist_role_id = c.specialist_role_id) AS required,
        -- The post first, then its holder by post: a join lets the planner scan every holder valid that day instead.
        (SELECT h.staff_member_id FROM post_holder h WHERE h.slot = 'A' AND h.valid @> a.accepted_on
          AND h.post_id = (SELECT p.id FROM post p WHERE p.community_id = a.community_id AND p.specialist_role_id = c.specialist_role_id) LIMIT 1) AS role_a,
        (SELECT h.staff_member_id FROM post_holder h WHERE h.slot = 'A' AND h.valid @> a.accepted_on
          AND h.post_id = (SELECT p.id FROM post p WHERE p.community_id = a.community_id AND p.kind = 'COORDINATOR') LIMIT 1) AS coordinator_a
      FROM affair a JOIN service_category c ON c.id = a.category_id WHERE a.status <> 'ACCEPTED' AND a.route_reason IS NULL)
    UPDATE affair a SET
      assignee_id = CASE WHEN r.required AND r.role_a IS NOT NULL THEN r.role_a ELSE r.coordinator_a END,
      route_reason = CASE WHEN r.required AND r.role_a IS NOT NULL THEN 'ROLE_A_HOLDER' WHEN r.coordinator_a IS NOT NULL THEN 'COORDINATOR_A' ELSE 'DISTRICT' END,
      route_fallback = CASE WHEN r.required AND r.role_a IS NOT NULL THEN NULL WHEN r.no_role THEN 'CATEGORY_HAS_NO_ROLE' WHEN NOT r.required THEN 'ROLE_NOT_IN_TEMPLATE' ELSE 'ROLE_VACANT' END
    FROM r WHERE r.id = a.id`);
  await em.query(`UPDATE affair_event e SET assignee_id = a.assignee_id, route_reason = a.route_reason, route_fallback = a.route_fallback
    FROM affair a WHERE a.id = e.affair_id AND e.kind = 'ROUTED'`);
  // Escalated ones: the coordinator post's A (level 1), the district (level 2).
  await em.query(
    `UPDATE affair a SET route_fallback = NULL,
      assignee_id = CASE WHEN a.escalation_level = 1 THEN (SELECT h.staff_member_id FROM post p JOIN post_holder h ON h.post_id = p.id AND h.slot = 'A' AND h.valid @> $1::date
        WHERE p.community_id = a.community_id AND p.kind = 'COORDINATOR' LIMIT 1) END,
      route_reason = CASE WHEN a.escalation_level = 1 THEN 'COORDINATOR_A' ELSE 'DISTRICT' END
    WHERE a.escalation_level > 0`,
    [today],
  );
  await em.query(`UPDATE affair_event e SET assignee_id = a.assignee_id, route_reason = a.route_reason FROM affair a
    WHERE a.id = e.affair_id AND e.kind = 'ESCALATED' AND e.escalation_level = a.escalation_level`);
  await em.query(
    `UPDATE affair_event e SET route_reason = 'COORDINATOR_A' WHERE e.kind = 'ESCALATED' AND e.escalation_level = 1 AND e.route_reason IS NULL`,
  );
  await em.query(`UPDATE affair_event e SET route_reason = 'DISTRICT' WHERE e.kind = 'ESCALATED' AND e.escalation_level = 2`);
  // Accepted at the community's first window, by the window post's A holder that day.
  await em.query(`UPDATE affair a SET service_window_id = w.id,
      accepted_by_id = (SELECT h.staff_member_id FROM post p JOIN post_holder h ON h.post_id = p.id AND h.slot = 'A' AND h.valid @> a.accepted_on WHERE p.service_window_id = w.id LIMIT 1)
    FROM (SELECT DISTINCT ON (community_id) id, community_id FROM service_window ORDER BY community_id, id) w
    WHERE a.channel = 'WINDOW' AND w.community_id = a.community_id`);

  // Visits: each grid has a coverage of its own (a quarter to nearly all households visited in the last 90 days).
  const placed: Array<{ id: number; grid_id: number; community_id: number; member: number | null; grid_rank: number }> = await em.query(
    `
    SELECT hv.household_id AS id, hv.grid_id, ${ancestorSql('grid', 'hv.grid_id', 'community', '$1::date')} AS community_id,
      (SELECT ga.staff_member_id FROM grid_assignment ga WHERE ga.grid_id = hv.grid_id AND ga.valid @> $1::date ORDER BY ga.staff_member_id LIMIT 1) AS member,
      DENSE_RANK() OVER (ORDER BY hv.grid_id) AS grid_rank
    FROM household_version hv WHERE hv.valid @> $1::date ORDER BY hv.household_id`,
    [today],
  );
  const visits: Array<[number, number, number, number, string, VisitPurpose, string, boolean]> = [];
  const FINDINGS = ['家中一切正常', '老人身体状况良好', '反映楼道照明问题', '家庭成员信息已核对', '需要持续关注', '儿童学习情况良好'];
  for (const h of placed) {
    if (h.member === null) continue;
    const share = 0.25 + ((h.grid_rank * 37) % 70) / 100;
    if (rng.chance(share)) {
      visits.push([
        Number(h.member),
        h.id,
        h.grid_id,
        h.community_id,
        addDays(today, -rng.int(0, 89)),
        weighted(rng, [
          [VisitPurpose.ROUTINE, 60],
          [VisitPurpose.FOLLOW_UP, 15],
          [VisitPurpose.SURVEY, 15],
          [VisitPurpose.SPECIAL_POPULATION, 10],
        ]),
        rng.pick(FINDINGS),
        rng.chance(0.1),
      ]);
    }
    if (rng.chance(0.6)) {
      visits.push([
        Number(h.member),
        h.id,
        h.grid_id,
        h.community_id,
        addDays(today, -rng.int(90, 400)),
        VisitPurpose.ROUTINE,
        rng.pick(FINDINGS),
        false,
      ]);
    }
  }
  for (let start = 0; start < visits.length; start += CHUNK * 4) {
    const part = visits.slice(start, start + CHUNK * 4);
    await em.query(
      `INSERT INTO visit (staff_member_id, household_id, grid_id, community_id, visited_on, purpose, findings, follow_up)
      SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::date[], $6::visit_purpose[], $7::varchar[], $8::bool[])`,
      [0, 1, 2, 3, 4, 5, 6, 7].map((k) => part.map((v) => v[k])),
    );
  }
  return { affairs: rows.length, visits: visits.length };
}
