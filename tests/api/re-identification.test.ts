import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageBandOf, residentIdCheckCharacter } from '@community-grid/shared';
import { TEST_TODAY } from '../support/global-setup';
import { MUSLIM_LANE, sample } from '../support/sample';
import { Client, Count, startTestServer, TestServer } from '../support/test-server';

/**
 * Plays the attacker of issue 12: a report builder (no right to reveal
 * personal data) who knows Xining's county codes tries to rebuild residents'
 * ID numbers from everything the API lets that role read, filter and sort by.
 */
let api: TestServer;
let reporter: Client;
beforeAll(async () => {
  api = await startTestServer();
  reporter = await api.as('reporter');
});
afterAll(() => api.close());

/** Xining's county-level codes, as a well-informed attacker knows them, and the sample's unassigned 630199. */
const XINING_COUNTIES = ['630102', '630103', '630104', '630105', '630121', '630122', '630123', '630199'];

interface Seen {
  id: string;
  idNumber: string;
  birthDate: string | null;
  gender: 'MALE' | 'FEMALE';
  validFrom: string;
  tags: string[];
  ageBand: { bornFrom: string; bornUntil: string };
  history: Array<{ versionFrom: string }>;
  household: { id: string; validFrom: string };
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const min = (...days: string[]) => days.reduce((a, b) => (a < b ? a : b));

/**
 * The ID numbers consistent with what was read of one resident: a county
 * code matching the visible prefix, a birth date in its age band (narrowed by
 * anything else that bounds it), a sequence number whose parity gives the
 * gender, and the check character those determine.
 */
class Candidates {
  readonly counties: string[];
  readonly firstDay: string;
  readonly lastDay: string;
  readonly sequences: number[];

  constructor(seen: Seen, narrowest: { from: string; until: string }) {
    const prefix = seen.idNumber.replace(/\*+$/, '');
    this.counties = XINING_COUNTIES.filter((county) => county.startsWith(prefix));
    this.firstDay = narrowest.from;
    this.lastDay = narrowest.until;
    this.sequences = Array.from({ length: 1000 }, (_, n) => n).filter((n) => (n % 2 === 1) === (seen.gender === 'MALE'));
  }

  get days(): number {
    return Math.round((Date.parse(this.lastDay) - Date.parse(this.firstDay)) / 86_400_000) + 1;
  }

  /** Each (county, day, sequence) gives exactly one candidate: the check character is computed, not guessed. */
  get size(): number {
    return this.counties.length * Math.max(0, this.days) * this.sequences.length;
  }

  *enumerate(): Generator<string> {
    for (let day = this.firstDay; day <= this.lastDay; day = addDays(day, 1)) {
      for (const county of this.counties) {
        for (const sequence of this.sequences) {
          const first17 = `${county}${day.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
          yield first17 + residentIdCheckCharacter(first17);
        }
      }
    }
  }

  includes(idNumber: string): boolean {
    const day = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    return (
      this.counties.includes(idNumber.slice(0, 6)) &&
      day >= this.firstDay &&
      day <= this.lastDay &&
      this.sequences.includes(Number(idNumber.slice(14, 17))) &&
      residentIdCheckCharacter(idNumber.slice(0, 17)) === idNumber[17]
    );
  }
}

const FIELDS =
  'id idNumber birthDate gender validFrom tags ageBand { bornFrom bornUntil } history { versionFrom } household { id validFrom }';

async function everyResident(client: Client, sort?: object[]): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (let skip = 0; ; skip += 100) {
    const { residents } = await client.data<{ residents: { totalItems: number; items: Seen[] } }>(
      `query ($options: ResidentListOptions) { residents(options: $options) { totalItems items { ${FIELDS} } } }`,
      { options: { skip, take: 100, sort } },
    );
    seen.push(...residents.items);
    if (seen.length >= residents.totalItems) return seen;
  }
}

const seenMask = (idNumber: string) => `${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(-4)}`;
const code = (result: { errors?: Array<{ extensions: { code: string } }> }) => result.errors?.[0]?.extensions.code;

describe('a report builder cannot rebuild ID numbers', () => {
  let all: Seen[];
  beforeAll(async () => {
    all = await everyResident(reporter);
  });

  it('reads no birth date, no sequence or check character: masked ID numbers and 5-year age bands', async () => {
    expect(all.length).toBeGreaterThan(1000);
    for (const resident of all) {
      expect(resident.idNumber).toMatch(/^\d{4}\*{14}$/);
      expect(resident.birthDate).toBeNull();
      expect(resident.ageBand.bornFrom).toMatch(/^\d{3}[05]-01-01$/);
    }
    // Nested residents (head of household, history) are masked the same way.
    const { residents } = await reporter.data<{ residents: { items: unknown[] } }>(`{ residents(options: { take: 5 }) { items {
      household { headResident { idNumber birthDate ageBand { bornFrom } } residents { items { idNumber birthDate } } }
      history { idNumber birthDate } } } }`);
    const text = JSON.stringify(residents);
    expect(text).not.toMatch(/\d{5}/);
    expect(text).not.toMatch(/"birthDate":"/);
  });

  it('filters and sorts by whole age bands only, and never by ID number or phone', async () => {
    // A filter bound inside a band, or a single day, is refused: no query narrows a birth date below its band.
    for (const birthDate of [
      { gte: '1950-01-02' },
      { lt: '1960-06-01' },
      { lte: '1959-12-30' },
      { gt: '1950-01-01' },
      { eq: '1955-05-05' },
    ]) {
      const result = await reporter.gql('query ($f: ResidentFilter) { residents(options: { filter: $f }) { totalItems } }', {
        f: { birthDate },
      });
      expect(code(result)).toBe('BAD_USER_INPUT');
    }
    const band = await reporter.data<{ residents: { totalItems: number; items: Array<{ ageBand: { bornFrom: string } }> } }>(
      '{ residents(options: { take: 100, filter: { birthDate: { gte: "1950-01-01", lte: "1959-12-31" } } }) { totalItems items { ageBand { bornFrom } } } }',
    );
    expect(band.residents.totalItems).toBeGreaterThan(0);
    expect(band.residents.items.every((r) => ['1950-01-01', '1955-01-01'].includes(r.ageBand.bornFrom))).toBe(true);
    for (const filter of ['{ idNumber: { eq: "630199" } }', '{ idNumber: { last4: "0012" } }', '{ phone: { isNull: false } }']) {
      expect(code(await reporter.gql(`{ residents(options: { filter: ${filter} }) { totalItems } }`))).toBe('FORBIDDEN');
    }
    expect(code(await reporter.gql('{ residents(options: { filter: { idNumber: { contains: "1950" } } }) { totalItems } }'))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    // The search box matches names only.
    const [row] = await api.sql<{ id_number: string }>('SELECT id_number FROM resident ORDER BY id LIMIT 1');
    for (const part of [row.id_number.slice(6, 14), row.id_number.slice(-4)]) {
      expect(
        (await reporter.data<Count<'residents'>>(`{ residents(options: { filter: { search: "${part}" } }) { totalItems } }`)).residents
          .totalItems,
      ).toBe(0);
    }

    // Sorting by birth date sorts by band, then id: the order says nothing inside a band.
    for (const order of ['ASC', 'DESC']) {
      const { residents } = await reporter.data<{ residents: { items: Array<{ id: string; ageBand: { bornFrom: string } }> } }>(
        `{ residents(options: { take: 100, skip: 500, sort: [{ field: birthDate, order: ${order} }] }) { items { id ageBand { bornFrom } } } }`,
      );
      const keys = residents.items.map((r): [string, number] => [r.ageBand.bornFrom, Number(r.id)]);
      const expected = [...keys].sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] === (order === 'ASC') ? -1 : 1));
      expect(keys).toEqual(expected);
    }
  });

  it('leaves at least 1,000 candidate ID numbers for each of the 100 residents easiest to narrow', async () => {
    const truth = new Map(
      (
        await api.sql<{ id: number; id_number: string; birth: string }>(
          `SELECT id, id_number, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM resident`,
        )
      ).map((r) => [String(r.id), r]),
    );
    // Everything that bounds a birth date: its band, today, and the day the resident's record starts
    // (nobody is registered before being born), also as told by its history and by lists read as of earlier days.
    const candidates = all.map((resident) => {
      const registered = min(resident.validFrom, ...resident.history.map((v) => v.versionFrom));
      const band = ageBandOf(resident.ageBand.bornFrom);
      expect(band).toEqual(resident.ageBand);
      return { resident, set: new Candidates(resident, { from: band.bornFrom, until: min(band.bornUntil, TEST_TODAY, registered) }) };
    });
    const targets = candidates.sort((a, b) => a.set.size - b.set.size).slice(0, 100);

    for (const { resident, set } of targets) {
      // The enumeration is honest: the true number is among the candidates...
      expect(set.includes(truth.get(resident.id)!.id_number)).toBe(true);
      // ...and there are at least 1,000 of them, each a well-formed ID number.
      let n = 0;
      for (const candidate of set.enumerate()) {
        expect(candidate).toMatch(/^\d{17}[\dX]$/);
        if (++n >= 1000) break;
      }
      expect(n).toBe(1000);
      expect(set.size).toBeGreaterThanOrEqual(1000);
    }

    // For comparison, not asserted: what everybody read before (the mask of roles that may reveal, with the birth date)
    // leaves the county characters alone unknown, and the visible check character rules out most counties.
    const coordinator = await everyResident(await api.as('coordinator'));
    const before = coordinator
      .map(
        (resident) =>
          XINING_COUNTIES.filter((county) => {
            const first17 = `${county}${resident.birthDate!.replace(/-/g, '')}${resident.idNumber.slice(-4, -1)}`;
            return county.startsWith(resident.idNumber.slice(0, 4)) && residentIdCheckCharacter(first17) === resident.idNumber.slice(-1);
          }).length,
      )
      .sort((a, b) => a - b);

    const sizes = targets.map((t) => t.set.size).sort((a, b) => a - b);
    const everyone = candidates.map((t) => t.set.size).sort((a, b) => a - b);
    const figures = {
      today: TEST_TODAY,
      residents: all.length,
      counties: XINING_COUNTIES.length,
      hardest100: { min: sizes[0], median: sizes[50], max: sizes[99] },
      all: { min: everyone[0], median: everyone[Math.floor(everyone.length / 2)] },
      withTheOldMask: { residents: before.length, min: before[0], median: before[Math.floor(before.length / 2)], max: before.at(-1) },
    };
    mkdirSync(join(__dirname, '../output'), { recursive: true });
    writeFileSync(join(__dirname, '../output/re-identification.json'), `${JSON.stringify(figures, null, 2)}\n`);
  });
});

describe('roles that may reveal personal data look residents up exactly or by the last 4 characters, audited', () => {
  let coordinator: Client;
  let muslimLane: string;
  let resident: { id: number; id_number: string; phone: string; household_id: number };
  const lookups = (id: number) =>
    api.sql<{ operation: string; username: string; changes: Record<string, unknown> }>(
      `SELECT operation, a.username, changes FROM audit_event e JOIN account a ON a.id = e.actor_id
      WHERE e.entity_type = 'Resident' AND e.entity_id = $1 AND operation = 'LOOKUP' ORDER BY e.id`,
      [id],
    );

  beforeAll(async () => {
    coordinator = await api.as('coordinator');
    muslimLane = await sample.communityId(api, MUSLIM_LANE);
    [resident] = await api.sql(
      `SELECT r.id, r.id_number, r.phone, rv.household_id FROM resident r
      JOIN resident_version rv ON rv.resident_id = r.id AND upper_inf(rv.valid)
      JOIN household_version h ON h.household_id = rv.household_id AND upper_inf(h.valid)
      JOIN grid_version g ON g.grid_id = h.grid_id AND upper_inf(g.valid) WHERE g.community_id = $1 AND r.phone IS NOT NULL ORDER BY r.id DESC LIMIT 1`,
      [muslimLane],
    );
  });

  it('sees birth dates and the 4 trailing characters, and may not match a part of an ID number or phone', async () => {
    const [{ last: before }] = await api.sql<{ last: number }>(`SELECT COALESCE(MAX(id), 0)::int AS last FROM audit_event`);
    const { resident: seen } = await coordinator.data<{
      resident: { idNumber: string; birthDate: string | null; ageBand: { bornFrom: string } };
    }>(`{ resident(id: "${resident.id}") { idNumber birthDate ageBand { bornFrom } } }`);
    expect(seen.idNumber).toBe(`${resident.id_number.slice(0, 4)}**********${resident.id_number.slice(-4)}`);
    expect(seen.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      code(
        await coordinator.gql(
          `{ residents(options: { filter: { idNumber: { contains: "${resident.id_number.slice(6, 14)}" } } }) { totalItems } }`,
        ),
      ),
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(code(await coordinator.gql(`{ residents(options: { filter: { phone: { in: ["${resident.phone}"] } } }) { totalItems } }`))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(
      code(
        await coordinator.gql(
          `{ residents(options: { filter: { idNumber: { last4: "${resident.id_number.slice(-3)}" } } }) { totalItems } }`,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await coordinator.data<Count<'residents'>>(
          `{ residents(options: { filter: { search: "${resident.id_number.slice(6, 14)}" } }) { totalItems } }`,
        )
      ).residents.totalItems,
    ).toBe(0);
    expect(
      (await coordinator.data<Count<'residents'>>(`{ residents(options: { filter: { search: "${resident.phone}" } }) { totalItems } }`))
        .residents.totalItems,
    ).toBe(0);
    // Inside a household, where a lookup could not be audited per resident found, it is refused.
    const nested = await coordinator.gql(
      `{ household(id: "${resident.household_id}") { residents(options: { filter: { idNumber: { eq: "${resident.id_number}" } } }) { totalItems } } }`,
    );
    expect(code(nested)).toBe('BAD_USER_INPUT');
    // A lookup with a filter the list refuses is refused whole, before anything is read or recorded.
    expect(
      code(
        await coordinator.gql(
          `{ residents(options: { filter: { communityId: { eq: "07" }, idNumber: { last4: "${resident.id_number.slice(-4)}" } } }) { totalItems } }`,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await lookups(resident.id)).toEqual([]);
    // Refused lookups write nothing to the audit trail.
    expect(await api.sql(`SELECT operation, entity_type FROM audit_event WHERE id > $1`, [before])).toEqual([]);
  });

  it('finds a resident by the whole ID number or phone, or by their last 4 characters, and records the search and each one shown', async () => {
    const exact = await coordinator.data<{ residents: { totalItems: number; items: Array<{ id: string }> } }>(
      `{ residents(options: { filter: { idNumber: { eq: "${resident.id_number}" } } }) { totalItems items { id } } }`,
    );
    expect(exact.residents).toEqual({ totalItems: 1, items: [{ id: String(resident.id) }] });
    expect(await lookups(resident.id)).toEqual([
      { operation: 'LOOKUP', username: 'coordinator', changes: { lookedUpBy: { before: null, after: ['idNumber:eq'] } } },
    ]);

    const byPhone = await coordinator.data<{ residents: { totalItems: number; items: Array<{ id: string; phone: string }> } }>(
      `{ residents(options: { filter: { phone: { last4: "${resident.phone.slice(-4)}" } } }) { totalItems items { id phone } } }`,
    );
    expect(byPhone.residents.items.map((r) => r.id)).toContain(String(resident.id));
    expect(byPhone.residents.items.every((r) => r.phone.endsWith(resident.phone.slice(-4)))).toBe(true);
    // The residents shown are recorded, each in a row of its own, and the search itself in one more row (what it
    // asked, masked as the caller sees it, and how many it matched); the residents matched but not shown are not.
    const [common] = await api.sql<{ last4: string; n: number }>(
      `SELECT right(r.id_number, 4) AS last4, COUNT(*)::int AS n FROM resident r
        JOIN resident_version rv ON rv.resident_id = r.id AND rv.valid @> $2::date
        JOIN household_version h ON h.household_id = rv.household_id AND h.valid @> $2::date
        JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> $2::date
      WHERE g.community_id = $1 AND r.valid @> $2::date GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      [muslimLane, TEST_TODAY],
    );
    expect(common.n).toBeGreaterThan(2);
    const [{ last }] = await api.sql<{ last: number }>(`SELECT COALESCE(MAX(id), 0)::int AS last FROM audit_event`);
    const page = await coordinator.data<{ residents: { totalItems: number; items: Array<{ id: string }> } }>(
      `{ residents(options: { take: 2, filter: { idNumber: { last4: "${common.last4}" } } }) { totalItems items { id } } }`,
    );
    expect(page.residents.totalItems).toBe(common.n);
    const shown = page.residents.items.map((r) => Number(r.id));
    expect(shown).toHaveLength(2);
    const recorded = await api.sql(
      `SELECT e.operation, e.entity_type, e.entity_id, e.changes, a.username FROM audit_event e JOIN account a ON a.id = e.actor_id
        WHERE e.id > $1 ORDER BY e.id`,
      [last],
    );
    const asked = { before: null, after: ['idNumber:last4'] };
    expect(recorded).toEqual([
      {
        operation: 'LOOKUP',
        entity_type: 'ResidentSearch',
        entity_id: 0,
        username: 'coordinator',
        changes: {
          lookedUpBy: asked,
          filter: { before: null, after: { idNumber: { last4: common.last4 } } },
          asOf: { before: null, after: TEST_TODAY },
          matches: { before: null, after: common.n },
          matchesExact: { before: null, after: true },
          shown: { before: null, after: shown },
        },
      },
      ...shown.map((id) => ({
        operation: 'LOOKUP',
        entity_type: 'Resident',
        entity_id: id,
        username: 'coordinator',
        changes: { lookedUpBy: asked },
      })),
    ]);
    // Asked for the count alone, a lookup shows nobody: it records the search and its count only.
    const [{ last: again }] = await api.sql<{ last: number }>(`SELECT MAX(id)::int AS last FROM audit_event`);
    await coordinator.data(`{ residents(options: { filter: { phone: { last4: "${resident.phone.slice(-4)}" } } }) { totalItems } }`);
    const counted = await api.sql<{ entity_type: string; changes: { matches: { after: number } } }>(
      `SELECT entity_type, changes FROM audit_event WHERE id > $1 ORDER BY id`,
      [again],
    );
    expect(counted.map((row) => row.entity_type)).toEqual(['ResidentSearch', ...byPhone.residents.items.map(() => 'Resident')]);
    expect(counted[0].changes.matches.after).toBe(byPhone.residents.totalItems);
    expect((await lookups(resident.id)).at(-1)!.changes).toEqual({ lookedUpBy: { before: null, after: ['phone:last4'] } });
    // A whole ID number is kept masked, as the coordinator sees it.
    const [exactSearch] = await api.sql<{ changes: { filter: { after: unknown } } }>(
      `SELECT changes FROM audit_event WHERE entity_type = 'ResidentSearch' AND changes->'lookedUpBy'->'after' ? 'idNumber:eq' ORDER BY id DESC LIMIT 1`,
    );
    expect(exactSearch.changes.filter.after).toEqual({ idNumber: { eq: seenMask(resident.id_number) } });
    expect(JSON.stringify(exactSearch.changes)).not.toContain(resident.id_number);

    // Outside the coordinator's reach a lookup finds nobody, and records no resident: only the search, which matched none.
    const [outside] = await api.sql<{ id: number; id_number: string }>(
      `SELECT id, id_number FROM resident WHERE id NOT IN (
      SELECT rv.resident_id FROM resident_version rv JOIN household_version h ON h.household_id = rv.household_id AND upper_inf(h.valid)
      JOIN grid_version g ON g.grid_id = h.grid_id AND upper_inf(g.valid) WHERE g.community_id = $1) LIMIT 1`,
      [muslimLane],
    );
    expect(
      (
        await coordinator.data<Count<'residents'>>(
          `{ residents(options: { filter: { idNumber: { eq: "${outside.id_number}" } } }) { totalItems } }`,
        )
      ).residents.totalItems,
    ).toBe(0);
    expect(await lookups(outside.id)).toEqual([]);
    const [missed] = await api.sql(`SELECT changes FROM audit_event WHERE entity_type = 'ResidentSearch' ORDER BY id DESC LIMIT 1`);
    expect(missed.changes).toMatchObject({ matches: { after: 0 }, shown: { after: [] } });

    // Administrators read the lookups in the audit trail.
    const { auditEvents } = await api.data<{
      auditEvents: { items: Array<{ entityId: number; actorName: string; changes: Record<string, unknown> }> };
    }>(`{ auditEvents(options: { filter: { operation: { eq: LOOKUP } }, take: 100 }) { items { entityId actorName changes } } }`);
    expect(auditEvents.items).toContainEqual({
      entityId: resident.id,
      actorName: 'coordinator',
      changes: { lookedUpBy: { before: null, after: ['idNumber:eq'] } },
    });
  });
});
