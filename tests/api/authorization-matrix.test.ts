import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { ACCESS, DISTRICT_WIDE_ROLES, hasPermission, Permission, permissionFor, Role, ROLE_PERMISSIONS } from '@community-grid/shared';
import { buildApiSchema } from '../../server/src/schema/build-schema';
import { recordMetric } from '../support/browser';
import { ADMIN_PASSWORD } from '../support/global-setup';
import { type GraphQLResponse, startTestServer, TestServer } from '../support/test-server';

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

const operations = (): Operation[] =>
  [
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
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  const scalars: Record<string, unknown> = {
    ID: '999999',
    String: 'matrix',
    Int: 1,
    Float: 1,
    Boolean: true,
    LocalDate: '2020-01-01',
    DateTimeISO: new Date().toISOString(),
    JSONObject: {},
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

type Outcome = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'ALLOWED' | 'INTERNAL_SERVER_ERROR';

const outcome = (result: { errors?: Array<{ extensions: { code: string; reason?: string } }> }): Outcome => {
  const error = result.errors?.[0]?.extensions;
  // A crash is never a correct answer, whoever asks.
  if (result.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  if (error?.code === 'FORBIDDEN') return 'FORBIDDEN';
  // A wrong password at login is an answer of the operation itself, not a refusal to run it.
  if (error?.code === 'UNAUTHENTICATED' && !error.reason) return 'UNAUTHENTICATED';
  return 'ALLOWED';
};

describe('authorization', () => {
  it('denies by default: every query and mutation declares the permission it needs', () => {
    const missing = operations()
      .filter(({ field }) => !permissionOf(field))
      .map(({ field }) => field.name);
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThan(40);
  });

  it('names, for every operation, a resource and action of the permission table, and takes its permission from there', () => {
    const wrong = operations()
      .filter(({ field }) => permissionOf(field) !== 'PUBLIC')
      .flatMap(({ field }) => {
        const [resource, action] = String(field.extensions?.access ?? '').split('.');
        return permissionFor(resource, action) === permissionOf(field)
          ? []
          : [`${field.name}: ${String(field.extensions?.access)} ${permissionOf(field)}`];
      });
    expect(wrong).toEqual([]);
  });

  it('lets every role do exactly what its permissions allow, for every operation', async () => {
    const started = Date.now();
    const clients = new Map<Role | 'ANONYMOUS', (q: string, v: Record<string, unknown>) => Promise<GraphQLResponse<unknown>>>();
    for (const [role, [username, password]] of Object.entries(ACCOUNTS) as Array<[Role, [string, string]]>) {
      const cookie = await api.login(username, password);
      clients.set(role, async (query, variables) =>
        (
          await fetch(`${api.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ query, variables }),
          })
        ).json(),
      );
    }
    clients.set('ANONYMOUS', (query, variables) => api.anonymous.gql(query, variables));

    const mismatches: string[] = [];
    let cells = 0;
    for (const operation of operations()) {
      const permission = permissionOf(operation.field)!;
      const { query, variables } = document(operation);
      for (const [who, call] of clients) {
        const expected: Outcome =
          permission === 'PUBLIC'
            ? 'ALLOWED'
            : who === 'ANONYMOUS'
              ? 'UNAUTHENTICATED'
              : hasPermission(who, permission)
                ? 'ALLOWED'
                : 'FORBIDDEN';
        const result = await call(query, variables);
        const actual = outcome(result);
        cells++;
        if (actual !== expected)
          mismatches.push(
            `${who} ${operation.field.name}: expected ${expected}, got ${actual} ${JSON.stringify(result.errors?.[0] ?? '')}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    recordMetric(
      'authorizationMatrix',
      `${clients.size} callers × ${operations().length} operations = ${cells} cells in ${Date.now() - started} ms`,
    );
    // Hundreds of requests one after the other: on 2 busy cores beside the rest of the suite, well over a minute.
  }, 240_000);
});

/** docs/access.md, read as its reviewers read it: a table per resource, a row per action, a column per role. */
function readPolicy(): Map<string, { permission: string; roles: Role[] }> {
  const policy = new Map<string, { permission: string; roles: Role[] }>();
  let resource: string | null = null;
  let columns: string[] = [];
  for (const line of readFileSync(join(__dirname, '../../docs/access.md'), 'utf8').split('\n')) {
    const heading = /^### (\w+)\s*$/.exec(line);
    if (heading) [resource, columns] = [heading[1], []];
    if (!resource || !line.startsWith('|')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (cells[0] === 'action') columns = cells;
    else if (!/^-+$/.test(cells[0])) {
      const roles = columns.flatMap((column, i) => (i > 1 && cells[i] === 'yes' ? [column as Role] : []));
      policy.set(`${resource}.${cells[0]}`, { permission: cells[1], roles });
    }
  }
  return policy;
}

describe('the access policy (docs/access.md)', () => {
  it("lists exactly the permission table's resources and actions, each with its permission and the roles that have it", () => {
    const policy = readPolicy();
    const inCode = new Map<string, { permission: string; roles: Role[] }>();
    for (const [resource, actions] of Object.entries(ACCESS)) {
      for (const [action, permission] of Object.entries(actions as Record<string, Permission>)) {
        inCode.set(`${resource}.${action}`, {
          permission,
          roles: Object.values(Role).filter((role) => ROLE_PERMISSIONS[role].includes(permission)),
        });
      }
    }
    // Each difference is named by its row, as the policy would have to read.
    const differences = [...new Set([...policy.keys(), ...inCode.keys()])].sort().flatMap((key) => {
      const [doc, code] = [policy.get(key), inCode.get(key)];
      if (JSON.stringify(doc) === JSON.stringify(code)) return [];
      return [
        `${key}: policy ${doc ? `${doc.permission} [${doc.roles.join(' ')}]` : 'has no row'}, code ${code ? `${code.permission} [${code.roles.join(' ')}]` : 'has no entry'}`,
      ];
    });
    expect(differences).toEqual([]);
    expect(policy.size).toBeGreaterThan(100);
  });
});

/**
 * Nested paths: every field that leads to people (households, residents,
 * staff members, accounts), reached from the schema's own roots, answers a
 * role only people its root lists answer it, and never crashes. The fields are
 * found by walking the schema, so a new one is covered by existing.
 */
const PEOPLE: Record<string, 'households' | 'residents' | 'staffMembers' | 'accounts'> = {
  Household: 'households',
  Resident: 'residents',
  StaffMember: 'staffMembers',
  Account: 'accounts',
};
/** Roots with arguments a walk cannot invent; every other query without required arguments is a root by itself. */
const ROOTS_WITH_ARGUMENTS: Record<string, string> = { householdsDueForVisit: '(take: 20, skip: 0)' };

type Hop = { field: GraphQLField<unknown, unknown>; args: string };
/** The list types (`GridList`) stand for their items. */
const peopleTypeOf = (type: GraphQLObjectType): string | null => {
  if (PEOPLE[type.name]) return type.name;
  const items = type.getFields().items;
  return items && PEOPLE[getNamedType(items.type).name] ? getNamedType(items.type).name : null;
};
const argsOf = (field: GraphQLField<unknown, unknown>, depth: number) => {
  if (depth === 0 && ROOTS_WITH_ARGUMENTS[field.name]) return ROOTS_WITH_ARGUMENTS[field.name];
  // Pages small enough for the cost budget at every depth, large enough to cross communities at the top.
  return field.args.some((arg) => arg.name === 'options') ? `(options: { take: ${[40, 8, 4, 3][depth] ?? 2} })` : '';
};
const callable = (field: GraphQLField<unknown, unknown>, depth: number) =>
  (depth === 0 && ROOTS_WITH_ARGUMENTS[field.name] !== undefined) || field.args.every((arg) => !isNonNullType(arg.type));

/**
 * From every root, the shortest path to each object type it leads to (breadth
 * first), then every field of such a type that returns people: the same field
 * is tried from each root, since a scope kept on one path may be lost on another.
 */
function peoplePaths(schema: GraphQLSchema) {
  const paths = new Map<string, Hop[][]>();
  for (const root of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(root.type);
    if (!isObjectType(type) || !callable(root, 0)) continue;
    const seen = new Set([type.name]);
    let frontier: Array<[GraphQLObjectType, Hop[]]> = [[type, [{ field: root, args: argsOf(root, 0) }]]];
    for (let depth = 1; frontier.length; depth++) {
      const next: typeof frontier = [];
      for (const [parent, hops] of frontier) {
        paths.set(parent.name, [...(paths.get(parent.name) ?? []), hops]);
        if (depth >= 4) continue;
        for (const field of Object.values(parent.getFields())) {
          const target = getNamedType(field.type);
          if (!isObjectType(target) || !callable(field, depth) || seen.has(target.name)) continue;
          seen.add(target.name);
          next.push([target, [...hops, { field, args: argsOf(field, depth) }]]);
        }
      }
      frontier = next;
    }
  }
  const edges: Array<{ name: string; people: string; query: string; root: Permission }> = [];
  const unreached: string[] = [];
  // What a mutation answers its writer (the record written) is authorized by the mutation's own permission.
  const mutationResults = new Set(Object.values(schema.getMutationType()!.getFields()).map((field) => getNamedType(field.type).name));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getMutationType() || type === schema.getQueryType()) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      const people = isObjectType(target) ? peopleTypeOf(target) : null;
      if (!people || (field.name === 'items' && type.name.endsWith('List'))) continue;
      const routes = (paths.get(type.name) ?? []).filter((hops) => callable(field, hops.length));
      if (!routes.length && mutationResults.has(type.name)) continue;
      if (!routes.length) {
        unreached.push(`${type.name}.${field.name}`);
        continue;
      }
      const leaf = PEOPLE[target.name] ? '{ id }' : '{ items { id } }';
      for (const hops of routes) {
        const inner = `reached: ${field.name}${argsOf(field, hops.length)} ${leaf}`;
        const query = hops.reduceRight((body, hop) => `${hop.field.name}${hop.args} { ${body} }`, inner);
        edges.push({ name: `${type.name}.${field.name}`, people, query: `{ ${query} }`, root: permissionOf(hops[0].field) as Permission });
      }
    }
  }
  return { edges, unreached };
}

/** Every id under a `reached` alias, wherever the path's lists put it. */
function reachedIds(value: unknown, found: string[] = [], under = false): string[] {
  if (Array.isArray(value)) value.forEach((v) => reachedIds(v, found, under));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && under && typeof v === 'string') found.push(v);
      else reachedIds(v, found, under || key === 'reached');
    }
  }
  return found;
}

describe('nested paths to people', () => {
  it('answer every role only the people its root lists answer it, with the same permission, and never with an internal error', async () => {
    const { edges, unreached } = peoplePaths(schema);
    expect(unreached).toEqual([]);
    const names = edges.map((edge) => edge.name);
    for (const known of [
      'Grid.households',
      'Household.residents',
      'Community.staffMembers',
      'Affair.resident',
      'Affair.household',
      'Affair.assignee',
      'Affair.acceptedBy',
      'AffairEvent.assignee',
      'Visit.household',
      'Visit.staffMember',
      'HouseholdVisitDue.household',
      'PostHolder.staffMember',
      'GridAssignment.staffMember',
      'Absence.staffMember',
      'Account.staffMember',
    ]) {
      expect(names).toContain(known);
    }

    const failures: string[] = [];
    const reachedCount: Record<string, number> = {};
    let checked = 0;
    for (const [role, [username]] of Object.entries(ACCOUNTS) as Array<[Role, [string, string]]>) {
      const client = await api.as(username);
      // What the root lists answer this role, page by page (district-wide roles reach everyone: no list needed).
      const roots = new Map<string, Set<string>>();
      const scoped = !DISTRICT_WIDE_ROLES.includes(role);
      if (scoped) {
        for (const [type, resource] of Object.entries(PEOPLE)) {
          const ids = new Set<string>();
          if (type === 'Account') {
            ids.add((await client.data<{ me: { id: string } }>('{ me { id } }')).me.id);
          } else {
            for (let skip = 0; ; skip += 100) {
              const page = await client.data<{ list: { items: Array<{ id: string }> } }>(
                `{ list: ${resource}(options: { take: 100, skip: ${skip} }) { items { id } } }`,
              );
              page.list.items.forEach((item) => ids.add(item.id));
              if (page.list.items.length < 100) break;
            }
          }
          roots.set(type, ids);
        }
      }
      for (const edge of edges) {
        // The path needs its root's permission and the people's own.
        const mayRead = hasPermission(role, edge.root) && hasPermission(role, ACCESS[PEOPLE[edge.people]].list);
        const result = await client.gql(edge.query);
        checked++;
        for (const error of result.errors ?? []) {
          const code = error.extensions?.code;
          if (code === 'FORBIDDEN' && !mayRead) continue;
          failures.push(`${role} ${edge.name}: ${code} ${error.message} in ${edge.query}`);
        }
        const ids = reachedIds(result.data);
        if (!mayRead && !result.errors?.length) failures.push(`${role} ${edge.name}: answered without the permission`);
        if (!mayRead && ids.length) failures.push(`${role} ${edge.name}: ${ids.length} ${edge.people} without the permission to read them`);
        if (scoped) {
          const outside = ids.filter((id) => !roots.get(edge.people)!.has(id));
          if (outside.length) failures.push(`${role} ${edge.name}: ${edge.people} ${outside.slice(0, 5).join(', ')} out of reach`);
          reachedCount[role] = (reachedCount[role] ?? 0) + ids.length;
        }
      }
    }
    expect(failures).toEqual([]);
    // The scoped roles did reach people through the paths (so the check above had something to check).
    for (const role of [Role.COMMUNITY_COORDINATOR, Role.GRID_MEMBER, Role.WINDOW_STAFF]) expect(reachedCount[role]).toBeGreaterThan(0);
    recordMetric(
      'nestedPeoplePaths',
      `${new Set(names).size} fields on ${edges.length} paths × ${Object.keys(ACCOUNTS).length} roles = ${checked} queries`,
    );
  }, 240_000);
});
