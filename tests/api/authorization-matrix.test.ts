import {
  getNamedType, GraphQLField, GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType,
} from 'graphql';
import { hasPermission, Permission, Role } from '@community-grid/shared';
import { buildApiSchema } from '../../server/src/schema/build-schema';
import { recordMetric } from '../support/browser';
import { ADMIN_PASSWORD } from '../support/global-setup';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Generated from the schema: every operation, called by every role (and by
 * nobody), must be refused or let through exactly as ROLE_PERMISSIONS says.
 * A new operation joins the matrix by existing.
 */
let api: TestServer;
let schema: GraphQLSchema;
beforeAll(async () => {
  api = await startTestServer();
  schema = await buildApiSchema();
});
afterAll(() => api.close());

const ACCOUNTS: Record<Role, [string, string]> = {
  [Role.DISTRICT_ADMIN]: ['admin', ADMIN_PASSWORD],
  [Role.DISTRICT_OFFICIAL]: ['official', 'demo'],
  [Role.COMMUNITY_COORDINATOR]: ['coordinator', 'demo'],
  [Role.GRID_MEMBER]: ['gridmember', 'demo'],
  [Role.WINDOW_STAFF]: ['window', 'demo'],
  [Role.REPORT_BUILDER]: ['reporter', 'demo'],
};

type Operation = { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> };

const operations = (): Operation[] => [
  ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
  ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
  // Signing out ends the session the rest of the matrix uses: last.
].sort((a, b) => Number(a.field.name === 'logout') - Number(b.field.name === 'logout'));

const permissionOf = (field: GraphQLField<unknown, unknown>) => field.extensions?.permission as Permission | 'PUBLIC' | undefined;

/** A value of the given input type that passes GraphQL's own validation; ids point at nothing. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields())
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
      .map((f) => [f.name, sample(f.type)]));
  }
  const scalars: Record<string, unknown> = {
    ID: '999999', String: 'matrix', Int: 1, Float: 1, Boolean: true, LocalDate: '2020-01-01', DateTimeISO: new Date().toISOString(), JSONObject: {},
  };
  return scalars[(type as { name: string }).name];
}

function document({ kind, field }: Operation): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const declarations = required.map((arg, i) => `$a${i}: ${String(arg.type)}`).join(', ');
  const args = required.map((arg, i) => `${arg.name}: $a${i}`).join(', ');
  const returns = getNamedType(field.type);
  const selection = isObjectType(returns) ? '{ __typename }' : '';
  return {
    query: `${kind}${declarations ? ` (${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`,
    variables: Object.fromEntries(required.map((arg, i) => [`a${i}`, sample(arg.type)])),
  };
}

type Outcome = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'ALLOWED';

const outcome = (result: { errors?: Array<{ extensions: { code: string; reason?: string } }> }): Outcome => {
  const error = result.errors?.[0]?.extensions;
  if (error?.code === 'FORBIDDEN') return 'FORBIDDEN';
  // A wrong password at login is an answer of the operation itself, not a refusal to run it.
  if (error?.code === 'UNAUTHENTICATED' && !error.reason) return 'UNAUTHENTICATED';
  return 'ALLOWED';
};

describe('authorization', () => {
  it('denies by default: every query and mutation declares the permission it needs', () => {
    const missing = operations().filter(({ field }) => !permissionOf(field)).map(({ field }) => field.name);
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThan(40);
  });

  it('lets every role do exactly what its permissions allow, for every operation', async () => {
    const started = Date.now();
    const clients = new Map<Role | 'ANONYMOUS', (q: string, v: Record<string, unknown>) => Promise<any>>();
    for (const [role, [username, password]] of Object.entries(ACCOUNTS) as Array<[Role, [string, string]]>) {
      const cookie = await api.login(username, password);
      clients.set(role, async (query, variables) => (await fetch(`${api.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }),
      })).json());
    }
    clients.set('ANONYMOUS', (query, variables) => api.anonymous.gql(query, variables));

    const mismatches: string[] = [];
    let cells = 0;
    for (const operation of operations()) {
      const permission = permissionOf(operation.field)!;
      const { query, variables } = document(operation);
      for (const [who, call] of clients) {
        const expected: Outcome = permission === 'PUBLIC' ? 'ALLOWED'
          : who === 'ANONYMOUS' ? 'UNAUTHENTICATED'
          : hasPermission(who, permission) ? 'ALLOWED' : 'FORBIDDEN';
        const result = await call(query, variables);
        const actual = outcome(result);
        cells++;
        if (actual !== expected) mismatches.push(`${who} ${operation.field.name}: expected ${expected}, got ${actual} ${JSON.stringify(result.errors?.[0] ?? '')}`);
      }
    }
    expect(mismatches).toEqual([]);
    recordMetric('authorizationMatrix', `${clients.size} callers × ${operations().length} operations = ${cells} cells in ${Date.now() - started} ms`);
    // Hundreds of requests one after the other: on 2 busy cores beside the rest of the suite, well over a minute.
  }, 240_000);
});
