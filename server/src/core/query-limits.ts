import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLField,
  getNullableType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ErrorCode, Role } from '@community-grid/shared';
import { DomainError, withHttpStatus } from './errors';
import { MAX_TAKE } from './list/list-options';
import type { RequestContext } from './request-context';

/**
 * What one request may ask for. The dashboard's deepest query (the structure
 * tree: district → communities → grids) is 7 levels deep and costs about
 * 10,300; its bulk delete sends one aliased `deleteX` per selected record, and
 * react-admin selects at most 250 at once.
 */
export const QUERY_LIMITS = {
  depth: 10,
  aliases: 250,
  directives: 50,
  /** Fields the cost analysis walks before it gives up (fragments spread many times multiply). */
  nodes: 10_000,
};

/**
 * Cost budget per request. Everyone's fits a page of 100 communities with
 * their grids and each grid's households counted (about 20,000) twice over;
 * report builders, who read the whole district, get a nested read of all of it
 * (12 communities with every grid, household and resident: about 140,000).
 */
export const COST_BUDGET = 50_000;
export const COST_BUDGETS: Partial<Record<Role, number>> = {
  [Role.REPORT_BUILDER]: 200_000,
};

/** Rows a list that has no `take` (a record's history, its lineage, API tokens) is assumed to hold. */
export const UNPAGED_LIST_ROWS = 10;

export function costBudgetOf(role: Role | undefined): number {
  return (role && COST_BUDGETS[role]) ?? COST_BUDGET;
}

/** Introspection is bounded by the schema and by graphql-js's own MaxIntrospectionDepthRule. */
const INTROSPECTION = new Set(['__schema', '__type']);

/**
 * The cost of a query is the number of records its answer can hold: every
 * object counts 1 (scalars are read with their row), a page (`options.take`,
 * default 100) counts its take times what each row selects, a list without a
 * take counts UNPAGED_LIST_ROWS times. So `residents { items { id } }` costs
 * 101 and `grids { items { households { items { residents { items { id } } } } } }`
 * about a million.
 */
export const recordEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (INTROSPECTION.has(field.name)) return 0;
  const type = getNullableType(field.type);
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return 0;
  if (isPage(field)) {
    const take = Number((args.options as { take?: unknown } | undefined)?.take ?? MAX_TAKE);
    return 1 + Math.min(Math.max(Number.isFinite(take) ? take : MAX_TAKE, 1), MAX_TAKE) * childComplexity;
  }
  if (isListType(type)) {
    // The items of a page: one row each, the page multiplies.
    if (isPageItems(field)) return 1 + childComplexity;
    return UNPAGED_LIST_ROWS * (1 + childComplexity);
  }
  return 1 + childComplexity;
};

/** A field that takes `options: { take }` and answers `{ items, totalItems }`. */
function isPage(field: GraphQLField<unknown, unknown>): boolean {
  const options = field.args.find((arg) => arg.name === 'options');
  const input = options && getNullableType(options.type);
  return !!input && isInputObjectType(input) && 'take' in input.getFields();
}

const pageItems = new WeakSet<object>();
/** `items` of a `<Name>List`: the schema marks them when the limits are set up (markPageItems). */
function isPageItems(field: object): boolean {
  return pageItems.has(field);
}

/** Remembers the `items` field of every page type, so the estimator can tell them from unpaged lists. */
export function markPageItems(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = type.getFields();
    if (fields.items && fields.totalItems && isListType(getNullableType(fields.items.type))) pageItems.add(fields.items);
  }
}

export interface QueryShape {
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * Depth, aliases and directives of an operation, fragments expanded (each
 * fragment measured once, counted every time it is spread).
 */
export function measureShape(document: DocumentNode, operation: OperationDefinitionNode): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, QueryShape>();
  const measure = (selectionSet: SelectionSetNode | undefined, active: Set<string>): QueryShape => {
    const shape: QueryShape = { depth: 0, aliases: 0, directives: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      shape.directives += selection.directives?.length ?? 0;
      let inner: QueryShape;
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION.has(selection.name.value)) continue;
        if (selection.alias) shape.aliases++;
        const below = measure(selection.selectionSet, active);
        inner = { ...below, depth: below.depth + 1 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(selection.selectionSet, active);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Unknown and cyclic fragments are refused by validation, which runs first.
        if (!fragment || active.has(name)) continue;
        if (!measured.has(name)) {
          active.add(name);
          const body = measure(fragment.selectionSet, active);
          active.delete(name);
          measured.set(name, { ...body, directives: body.directives + (fragment.directives?.length ?? 0) });
        }
        inner = measured.get(name)!;
      }
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.aliases += inner.aliases;
      shape.directives += inner.directives;
    }
    return shape;
  };
  const shape = measure(operation.selectionSet, new Set());
  return { ...shape, directives: shape.directives + (operation.directives?.length ?? 0) };
}

export interface LimitBreach {
  code: ErrorCode;
  limit: number;
  measured: number;
  what: string;
}

/**
 * The cost of the operation; Infinity when it has more fields than the
 * analysis walks, or cannot be measured for another reason (fail closed).
 * Variables that do not fit their types cost nothing here: execution refuses
 * them before any resolver runs.
 */
export function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number {
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return 0;
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [recordEstimator],
      maxQueryNodes: QUERY_LIMITS.nodes,
    });
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Every limit the operation breaks, cheapest checks first. */
export function breaches(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  budget: number,
): LimitBreach[] {
  const shape = measureShape(document, operation);
  const found: LimitBreach[] = [];
  if (shape.depth > QUERY_LIMITS.depth)
    found.push({ code: ErrorCode.QUERY_TOO_DEEP, limit: QUERY_LIMITS.depth, measured: shape.depth, what: 'depth' });
  if (shape.aliases > QUERY_LIMITS.aliases)
    found.push({ code: ErrorCode.QUERY_TOO_MANY_ALIASES, limit: QUERY_LIMITS.aliases, measured: shape.aliases, what: 'aliases' });
  if (shape.directives > QUERY_LIMITS.directives)
    found.push({
      code: ErrorCode.QUERY_TOO_MANY_DIRECTIVES,
      limit: QUERY_LIMITS.directives,
      measured: shape.directives,
      what: 'directives',
    });
  const cost = measureCost(schema, document, operation, variables);
  if (cost > budget) found.push({ code: ErrorCode.QUERY_TOO_COMPLEX, limit: budget, measured: cost, what: 'cost' });
  return found;
}

export class QueryLimitError extends DomainError {
  constructor(found: LimitBreach[]) {
    const [first] = found;
    const describe = (breach: LimitBreach) =>
      breach.what === 'cost'
        ? `cost ${Number.isFinite(breach.measured) ? breach.measured : `over ${QUERY_LIMITS.nodes} fields`} exceeds the budget of ${breach.limit}`
        : `${breach.what} ${breach.measured} exceeds the limit of ${breach.limit}`;
    super(
      first.code,
      `Query refused before it ran: ${found.map(describe).join('; ')}. Ask for fewer levels, fewer rows (a smaller take) or fewer fields at once.`,
    );
    const measured = (value: number) => (Number.isFinite(value) ? value : null);
    Object.assign(this.extensions, {
      limit: first.limit,
      measured: measured(first.measured),
      breaches: found.map(({ code, limit, measured: value }) => ({ code, limit, measured: measured(value) })),
    });
  }
}

/**
 * Refuses an operation that is too deep, has too many aliases or directives,
 * or costs more than the caller's budget, before it runs: nothing but
 * authenticating the caller has touched the database by then.
 */
export function queryLimits(schema: GraphQLSchema): ApolloServerPlugin<RequestContext> {
  markPageItems(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return;
          const found = breaches(schema, document, operation, request.variables, costBudgetOf(contextValue.principal?.account.role));
          if (found.length) throw withHttpStatus(new QueryLimitError(found), 400);
        },
      };
    },
  };
}
