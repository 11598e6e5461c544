import 'reflect-metadata';
import {
  DocumentNode,
  getVariableValues,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  parse,
  print,
  typeFromAST,
} from 'graphql';
import { Role } from '@community-grid/shared';
import { HOME_QUERY } from '../../admin/src/dashboard/query';
import * as dashboardOperations from '../../admin/src/gql/graphql';
import { listQueryText, oneQueryText, RESOURCES } from '../../admin/src/dataProvider/resources';
import { STRUCTURE_TREE_QUERY } from '../../admin/src/structure/query';
import { COST_BUDGET, costBudgetOf, markPageItems, measureCost, measureShape, QUERY_LIMITS } from '../../server/src/core/query-limits';
import { buildApiSchema } from '../../server/src/schema/build-schema';
import { Client, GraphQLResponse, startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
let reporter: Client;
beforeAll(async () => {
  api = await startTestServer();
  reporter = await api.as('reporter');
});
afterAll(() => api.close());

/** The 179-byte cycle, in the paged shape: residents → household → grid → community → grids → households → residents. */
const CYCLE =
  '{ residents { items { household { grid { community { grids { items { households { items { residents { items { id } } } } } } } } } } } }';
/** The cycle's expensive core, shallow enough to pass the depth limit: only the cost refuses it. */
const WIDE = '{ grids { items { households { items { residents { items { id } } } } } } }';
const aliased = (count: number, body: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${body}`).join(' ')} }`;

/** Statements a request runs that reads nothing: none once the server knows the caller (the first request finds them). */
async function baseline(client: Client): Promise<number> {
  await client.gql('{ __typename }');
  return (await client.gql('{ __typename }')).extensions!.sqlStatements!;
}

async function timed(client: Client, query: string): Promise<GraphQLResponse & { ms: number }> {
  const started = performance.now();
  const response = await client.gql(query);
  return { ...response, ms: Math.round(performance.now() - started) };
}

describe('expensive queries are refused before they run', () => {
  it('the cycle, and the same cycle three times under aliases, are refused quickly with no SQL', async () => {
    const statements = await baseline(reporter);
    const once = await timed(reporter, CYCLE);
    expect(once.data).toBeUndefined();
    expect(once.errors).toHaveLength(1);
    const codes = (once.errors![0].extensions.breaches as Array<{ code: string }>).map((b) => b.code);
    expect(codes).toEqual(['QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX']);
    expect(once.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: QUERY_LIMITS.depth, measured: 12 });
    expect(once.extensions!.sqlStatements).toBe(statements);

    const triple = `{ a: ${CYCLE.slice(2, -2)} b: ${CYCLE.slice(2, -2)} c: ${CYCLE.slice(2, -2)} }`;
    const thrice = await timed(reporter, triple);
    expect(thrice.errors![0].extensions.breaches).toEqual([
      { code: 'QUERY_TOO_DEEP', limit: QUERY_LIMITS.depth, measured: 12 },
      { code: 'QUERY_TOO_COMPLEX', limit: costBudgetOf(Role.REPORT_BUILDER), measured: expect.any(Number) },
    ]);
    expect(thrice.extensions!.sqlStatements).toBe(statements);
    console.log(
      `cycle (${Buffer.byteLength(CYCLE)} bytes) refused in ${once.ms} ms; three times under aliases (${Buffer.byteLength(triple)} bytes) in ${thrice.ms} ms; ` +
        `${thrice.extensions!.sqlStatements} SQL statements (the caller known); measured cost ${thrice.errors![0].extensions.breaches && (thrice.errors![0].extensions.breaches as Array<{ measured: number }>)[1].measured}`,
    );
    expect(once.ms).toBeLessThan(2_000);
    expect(thrice.ms).toBeLessThan(2_000);
  });

  it('a shallow query that could return a million rows is refused by its cost, naming the budget and the measure', async () => {
    const statements = await baseline(reporter);
    const wide = await timed(reporter, WIDE);
    expect(wide.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 200_000,
      measured: 1 + 100 * (1 + 1 + 100 * (1 + 1 + 100)),
    });
    expect(wide.errors![0].message).toMatch(/cost 1020201 exceeds the budget of 200000/);
    expect(wide.extensions!.sqlStatements).toBe(statements);
    // Smaller pages make the same shape affordable: the cost follows take.
    const paged = await reporter.gql<{ grids: { items: unknown[] } }>(
      '{ grids(options: { take: 5 }) { items { households(options: { take: 10 }) { items { residents(options: { take: 10 }) { items { id } } } } } } }',
    );
    expect(paged.errors).toBeUndefined();
    expect(paged.data?.grids.items).toHaveLength(5);
    // Variables count as the literal would.
    const byVariable = await reporter.gql(
      'query ($take: Int) { grids(options: { take: $take }) { items { households { items { residents { items { id } } } } } } }',
      { take: 100 },
    );
    expect(byVariable.errors![0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('1,000 aliases of a 100-row list are refused without running its 2,000 statements', async () => {
    const statements = await baseline(reporter);
    const query = aliased(1000, 'residents(options: { take: 100 }) { items { id } }');
    const refused = await timed(reporter, query);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_MANY_ALIASES', limit: QUERY_LIMITS.aliases, measured: 1000 });
    // A report builder's budget would allow 101,000; the alias limit does not.
    expect(refused.errors![0].extensions.breaches).toEqual([
      { code: 'QUERY_TOO_MANY_ALIASES', limit: QUERY_LIMITS.aliases, measured: 1000 },
    ]);
    expect(refused.extensions!.sqlStatements).toBe(statements);
    console.log(
      `1,000 aliases of a 100-row list (${Buffer.byteLength(query)} bytes) refused in ${refused.ms} ms with ${refused.extensions!.sqlStatements} SQL statements`,
    );
    // Within the alias limit, the budget still holds: 250 lists of residents with their households cost 50,250 for a coordinator.
    const coordinator = await api.as('coordinator');
    const within = await coordinator.gql(aliased(250, 'residents(options: { take: 100 }) { items { household { id } } }'));
    expect(within.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: COST_BUDGET, measured: 50_250 });
    expect(within.errors![0].extensions.breaches).toHaveLength(1);
  });

  it('directives and fragments count as they expand', async () => {
    const directives = await api.gql(`{ ${Array.from({ length: 51 }, (_, i) => `a${i}: __typename @include(if: true)`).join(' ')} }`);
    expect(directives.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_MANY_DIRECTIVES',
      limit: QUERY_LIMITS.directives,
      measured: 51,
    });
    // A fragment's directives count every time it is spread.
    const spread = await api.gql(
      `{ grids(options: { take: 1 }) { items { ...g ...g } } } fragment g on Grid { ${Array.from({ length: 26 }, () => 'id @skip(if: false)').join(' ')} }`,
    );
    expect(spread.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_MANY_DIRECTIVES', measured: 52 });
    // A fragment is as deep as the place it is spread in.
    const deep =
      await api.gql(`{ residents(options: { take: 1 }) { ...r } households(options: { take: 1 }) { items { residents(options: { take: 1 }) { ...r } } } }
      fragment r on ResidentList { items { household { grid { community { grids(options: { take: 1 }) { items { households(options: { take: 1 }) { items { id } } } } } } } } }`);
    expect(deep.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', measured: 12 });
    expect(deep.errors![0].extensions.breaches).toHaveLength(1);
  });

  it('a parse of more than 50,000 tokens is refused before validation', async () => {
    const huge = await api.gql(`{ ${'__typename '.repeat(60_000)} }`);
    expect(huge.errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('what the dashboard sends fits every budget', () => {
  const roles: Array<[string, Role]> = [
    ['admin', Role.DISTRICT_ADMIN],
    ['official', Role.DISTRICT_OFFICIAL],
    ['coordinator', Role.COMMUNITY_COORDINATOR],
    ['gridmember', Role.GRID_MEMBER],
    ['window', Role.WINDOW_STAFF],
    ['reporter', Role.REPORT_BUILDER],
  ];

  it('the structure tree costs about 10,300 and every role that can open it gets its answer', async () => {
    const schema = await buildApiSchema();
    markPageItems(schema);
    const document = STRUCTURE_TREE_QUERY;
    const cost = measureCost(schema, document, document.definitions[0] as never, {});
    expect(cost).toBe(10_304);
    expect(measureShape(document, document.definitions[0] as never).depth).toBeLessThanOrEqual(QUERY_LIMITS.depth);
    for (const [username, role] of roles) {
      expect(cost).toBeLessThanOrEqual(costBudgetOf(role));
      const answer = await (await api.as(username)).gql(print(STRUCTURE_TREE_QUERY), {});
      expect(answer.errors).toBeUndefined();
    }
  });

  it('the home page, every list page of 100 and every record page are within the smallest budget', async () => {
    const schema = await buildApiSchema();
    markPageItems(schema);
    const smallest = Math.min(...roles.map(([, role]) => costBudgetOf(role)));
    const measure = (text: string | DocumentNode, variables: Record<string, unknown>) => {
      const document = typeof text === 'string' ? parse(text) : text;
      return measureCost(schema, document, document.definitions[0] as never, variables);
    };
    const costs: Record<string, number> = { home: measure(HOME_QUERY, {}) };
    for (const resource of Object.keys(RESOURCES)) {
      costs[`${resource} list`] = measure(listQueryText(resource), { options: { take: 100 } });
      costs[`${resource} one`] = measure(oneQueryText(resource), { id: '1' });
      for (const text of [listQueryText(resource), oneQueryText(resource)]) {
        const document = parse(text);
        expect(measureShape(document, document.definitions[0] as never).depth).toBeLessThanOrEqual(QUERY_LIMITS.depth);
      }
    }
    for (const [page, cost] of Object.entries(costs)) expect([page, cost <= smallest]).toEqual([page, true]);
    console.log(`dashboard query costs: ${JSON.stringify(costs)}`);
  });

  it("every named operation of the dashboard's data provider is within the depth limit and the smallest budget", async () => {
    const schema = await buildApiSchema();
    markPageItems(schema);
    const smallest = Math.min(...roles.map(([, role]) => costBudgetOf(role)));
    /** A value of the type, with only what is required filled in (enums take their first value): enough to be measured. */
    const sample = (type: GraphQLInputType): unknown => {
      if (isNonNullType(type)) return sample(type.ofType);
      if (isListType(type)) return [sample(type.ofType)];
      if (isEnumType(type)) return type.getValues()[0].value;
      if (isInputObjectType(type))
        return Object.fromEntries(
          Object.values(type.getFields())
            .filter((field) => isNonNullType(field.type))
            .map((field) => [field.name, sample(field.type)]),
        );
      return { ID: '1', LocalDate: '2026-01-01', Boolean: true, Int: 1, String: 'x' }[type.name] ?? {};
    };
    // The generated documents (admin/src/gql, `npm run codegen`): every read and write the screens send beyond the resources' own.
    const documents = Object.entries(dashboardOperations).filter(
      (entry): entry is [string, DocumentNode] => entry[0].endsWith('Document') && (entry[1] as DocumentNode).kind === 'Document',
    );
    expect(documents.length).toBeGreaterThan(40);
    const costs: Record<string, number> = {};
    for (const [name, document] of documents) {
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? [])
          .filter((definition) => definition.type.kind === Kind.NON_NULL_TYPE)
          .map((definition) => [definition.variable.name.value, sample(typeFromAST(schema, definition.type) as GraphQLInputType)]),
      );
      // A worklist asks for 50 affairs at a time.
      if (name === 'WorklistDocument') variables.options = { take: 50 };
      // Measured with valid variables (invalid ones measure 0).
      expect([name, getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors]).toEqual([name, undefined]);
      costs[name.replace(/Document$/, '')] = measureCost(schema, document, operation, variables);
      expect([name, measureShape(document, operation).depth <= QUERY_LIMITS.depth]).toEqual([name, true]);
    }
    for (const [name, cost] of Object.entries(costs)) expect([name, cost <= smallest]).toEqual([name, true]);
    console.log(`dashboard operation costs: ${JSON.stringify(costs)}`);
  });
});
