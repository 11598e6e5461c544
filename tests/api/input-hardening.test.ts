import { fingerprint } from '../support/fingerprint';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Inputs that used to end in INTERNAL_SERVER_ERROR, be stored altered, or
 * name another record: each gets a coded refusal and changes nothing.
 */
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());
beforeEach(() => api.sql('DELETE FROM login_throttle'));

async function refused(query: string, variables: Record<string, unknown> = {}, client: Pick<TestServer, 'gql'> = api) {
  const before = await fingerprint(api);
  const result = await client.gql(query, variables);
  expect(result.errors).toHaveLength(1);
  expect(await fingerprint(api)).toBe(before);
  expect(result.errors![0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  return result.errors![0];
}

const createStaff = 'mutation ($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id name } }';
const createGrid = 'mutation ($input: CreateGridInput!) { createGrid(input: $input) { id } }';
const square = [
  [
    [101.7, 36.6],
    [101.8, 36.6],
    [101.8, 36.7],
    [101.7, 36.6],
  ],
];

describe('strings PostgreSQL cannot store, or would store altered', () => {
  it.each([
    ['a NUL byte in a name', { input: { name: 'a\u0000b' } }, 'input.name', /NUL/],
    ['a lone high surrogate', { input: { name: 'a\ud800b' } }, 'input.name', /unpaired surrogate/],
    ['a lone low surrogate', { input: { name: '\udc00' } }, 'input.name', /unpaired surrogate/],
  ])('%s is BAD_USER_INPUT', async (_name, variables, field, message) => {
    const error = await refused(createStaff, variables);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields![field]).toMatch(message);
  });

  it('a NUL written in the query itself, and one inside a grid boundary (JSON)', async () => {
    const literal = await refused('mutation { createStaffMember(input: { name: "a\\u0000b" }) { id } }');
    expect(literal.extensions.code).toBe('BAD_USER_INPUT');
    const boundary = await refused(createGrid, {
      input: { communityId: '1', code: 'Z9', name: '某网格', boundary: { type: 'Polygon', coordinates: square, note: 'x\u0000' } },
    });
    expect(boundary.extensions.fields).toEqual({ 'input.boundary.note': 'must not contain NUL characters' });
    const key = await refused(createGrid, {
      input: { communityId: '1', code: 'Z9', name: '某网格', boundary: { type: 'Polygon', coordinates: square, ['\u0000']: 1 } },
    });
    expect(key.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a well-formed pair of surrogates (an emoji outside the BMP) is stored as sent', async () => {
    const { createStaffMember } = await api.data<{ createStaffMember: { name: string } }>(createStaff, { input: { name: '张😀三' } });
    expect(createStaffMember.name).toBe('张😀三');
  });

  it('an over-long username at sign-in is BAD_USER_INPUT, not a failed insert', async () => {
    const error = await refused(
      'mutation ($u: String!) { login(username: $u, password: "whatever-1") { id } }',
      { u: 'u'.repeat(300) },
      api.anonymous,
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { username: 'must be at most 50 characters' } });
    const create = await refused(
      'mutation ($u: String!) { createAccount(input: { username: $u, password: "long-enough-1", displayName: "X", role: REPORT_BUILDER }) { id } }',
      { u: 'u'.repeat(300) },
    );
    expect(create.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe("dates and numbers out of PostgreSQL's range", () => {
  it('the date 0000-01-01 is refused as input and as a filter', async () => {
    const error = await refused(
      'mutation { createCommunity(input: { districtId: "1", code: "Y0", name: "零年社区", nameEn: "Y0", validFrom: "0000-01-01" }) { id } }',
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { validFrom: 'must be a date as YYYY-MM-DD' } });
    const asOf = await api.gql('{ communities(asOf: "0000-01-01") { totalItems } }');
    expect(asOf.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const filter = await api.gql('{ residents(options: { filter: { birthDate: { gte: "0000-01-01" } } }) { totalItems } }');
    expect(filter.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a data exception from PostgreSQL (class 22) is BAD_USER_INPUT', async () => {
    // A number beyond the integer column: PostgreSQL answers 22003 numeric_value_out_of_range.
    const result = await api.gql('{ auditEvents(options: { filter: { entityId: { eq: 3000000000 } } }) { totalItems } }');
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('ids have one form', () => {
  it('"07" is not id 7: deleteAccount("0" + own id) cannot delete the caller', async () => {
    const [{ id }] = await api.sql(`SELECT id FROM account WHERE username = 'admin'`);
    const error = await refused('mutation ($id: ID!) { deleteAccount(id: $id) { id } }', { id: `0${id}` });
    expect(error.extensions.code).toBe('NOT_FOUND');
    expect(await api.sql(`SELECT id FROM account WHERE username = 'admin'`)).toHaveLength(1);
  });

  it('leading zeros, signs and spaces name nothing', async () => {
    for (const id of ['01', '+1', ' 1', '1.0', '0']) {
      expect((await api.gql('query ($id: ID!) { community(id: $id) { id } }', { id })).errors![0].extensions.code).toBe('NOT_FOUND');
    }
    const filter = await api.gql('{ communities(options: { filter: { ids: ["01"] } }) { totalItems } }');
    expect(filter.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('every free string is bounded', () => {
  it('search: over 100 characters is refused by the input, 900 KB before any SQL runs', async () => {
    const long = await api.gql('query ($s: String!) { residents(options: { filter: { search: $s } }) { totalItems } }', {
      s: '马'.repeat(101),
    });
    expect(long.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'filter.search': 'must be at most 100 characters' },
    });
    const started = Date.now();
    const huge = await api.gql('query ($s: String!) { residents(options: { filter: { search: $s } }) { totalItems } }', {
      s: 'x'.repeat(900_000),
    });
    expect(huge.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { s: 'must be at most 1000 characters' } });
    // Only authenticating the caller ran SQL.
    const baseline = await api.gql('{ __typename }');
    expect(huge.extensions!.sqlStatements).toBe(baseline.extensions!.sqlStatements);
    console.log(
      `900 KB search string refused in ${Date.now() - started} ms with ${huge.extensions!.sqlStatements} SQL statements (the caller known)`,
    );
  });

  it('in-lists and sort keys are bounded too', async () => {
    const many = Array.from({ length: 501 }, (_, i) => `name ${i}`);
    const list = await api.gql('query ($in: [String!]) { residents(options: { filter: { name: { in: $in } } }) { totalItems } }', {
      in: many,
    });
    expect(list.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'filter.name.in': expect.stringMatching(/no more than 500/) },
    });
    const text = await api.gql(
      '{ residents(options: { filter: { name: { contains: "%s" } } }) { totalItems } }'.replace('%s', '马'.repeat(201)),
    );
    expect(text.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'filter.name.contains': expect.stringMatching(/200/) },
    });
    const sort = Array(6).fill({ field: 'name' });
    const sorted = await api.gql('query ($sort: [ResidentSort!]) { residents(options: { sort: $sort }) { totalItems } }', { sort });
    expect(sorted.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
