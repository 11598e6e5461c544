import { DocumentNode, parse } from 'graphql';
import buildGraphQLProvider, { BuildQuery } from 'ra-data-graphql';
import {
  CREATE,
  DataProvider,
  DELETE,
  DELETE_MANY,
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  type GetListParams,
  type GetListResult,
  HttpError,
  type Identifier,
  UPDATE,
} from 'react-admin';
import { getAsOf, noteServerToday } from '../time/asOf';
import type { CommandChangeFieldsFragment } from '../gql/graphql';
import { apiMethods, type Request } from './api';
import { pageCount } from './page';
import { listQueryText, oneQueryText, RESOURCES } from './resources';

/**
 * Adapts react-admin's calls to the API's one list contract
 * (`options { skip, take, sort, filter }` → `{ items, totalItems }`) and its
 * create/update/delete mutations. No introspection: each resource's fields
 * are listed in resources.ts, so the dashboard works where introspection is off.
 *
 * Structure records are read as of a day: `params.meta.asOf` when a screen asks
 * for its own day (e.g. a change dialog's effective date), else the day picked
 * on the tree or the lists (time/asOf.ts), else today.
 */

/** A record, a filter or a command's input as sent and received: fields by name. */
type Fields = Record<string, unknown>;

/** What react-admin passes to the calls built here (each call uses its own part of it). */
interface Params {
  pagination?: { page?: number; perPage?: number };
  sort?: { field?: string; order?: string };
  filter?: Fields;
  target?: string;
  id?: Identifier;
  ids?: Identifier[];
  data?: Fields;
  previousData?: Fields;
  meta?: { asOf?: string | null };
}

const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);

/** Removes Apollo's __typename and turns the lineage into ids for the form. */
function clean(record: Fields | null): Fields | null {
  if (!record) return record;
  const { __typename: _, ...rest } = record;
  const ids = (units: { id: string }[]) => units.map((unit) => unit.id);
  if (Array.isArray(rest.predecessorOffices)) rest.predecessorOfficeIds = ids(rest.predecessorOffices);
  if (Array.isArray(rest.predecessorCommunities)) rest.predecessorCommunityIds = ids(rest.predecessorCommunities);
  return rest;
}

const asOfOf = (params: Params): string | null => params?.meta?.asOf ?? getAsOf();

/**
 * react-admin filter values → the API's filter input. `q` is the search box;
 * `x_contains`, `x_gte`, `x_lte` name operators; `x_lookup` is a lookup by
 * personal data (4 characters: the last 4, else the whole value); arrays mean
 * "any of" (`in`, or `hasAny` for tags); anything else is equality.
 */
export function toApiFilter(filter: Fields = {}): Fields {
  const result: Fields = {};
  const put = (field: string, operator: string, value: unknown) => {
    result[field] = { ...(result[field] as Fields | undefined), [operator]: value };
  };
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const [, field, suffix] = key.match(/^(.*?)(?:_(contains|gte|lte|lookup))?$/)!;
    if (key === 'q') result.search = value;
    else if (suffix === 'lookup') put(field, String(value).trim().length === 4 ? 'last4' : 'eq', String(value).trim());
    else if (key === 'includeEnded') result.includeEnded = Boolean(value);
    else if (key === 'ids' || key === 'id') result.ids = Array.isArray(value) ? value : [value];
    else if (suffix) put(field, suffix, value);
    else if (field === 'tags') put(field, 'hasAny', Array.isArray(value) ? value : [value]);
    else if (Array.isArray(value)) put(field, 'in', value);
    else put(field, 'eq', value);
  }
  return result;
}

const listQuery = (resource: string) => parse(listQueryText(resource));

const buildQuery: BuildQuery = (fetchType, resource, params: Params) => {
  const config = RESOURCES[resource];
  if (!config) throw new Error(`Unknown resource ${resource}`);
  const { type, writable } = config;
  // One record is read with its details (history), and so is what a write returns.
  const fields = `${config.fields} ${config.detail ?? ''}`;
  const asOf = (config.asOf && asOfOf(params)) || undefined;
  const pick = (data: Fields, keep: (key: string) => boolean) =>
    Object.fromEntries(Object.entries(data).filter(([key]) => writable.includes(key) && keep(key)));

  switch (fetchType) {
    case GET_LIST:
    case GET_MANY_REFERENCE: {
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const sort =
        params.sort?.field && params.sort.field !== 'id' ? [{ field: params.sort.field, order: params.sort.order ?? 'ASC' }] : [];
      const filter = toApiFilter({ ...params.filter, ...(fetchType === GET_MANY_REFERENCE ? { [params.target!]: params.id } : {}) });
      return {
        query: listQuery(resource),
        variables: { options: { skip: (page - 1) * perPage, take: Math.min(perPage, 100), sort, filter }, asOf },
        parseResponse: ({ data }) => {
          if (!asOf) noteServerToday(data[resource].items[0]?.asOf);
          return { ...pageCount(data[resource], page, Math.min(perPage, 100)), data: data[resource].items.map(clean) };
        },
      };
    }
    case GET_MANY:
      return {
        query: listQuery(resource),
        // A reference may point at a record that has ended (or not yet started) on the day read.
        variables: {
          options: { take: 100, filter: { ids: params.ids!.map(String), ...(config.dated ? { includeEnded: true } : {}) } },
          asOf,
        },
        parseResponse: ({ data }) => ({ data: data[resource].items.map(clean) }),
      };
    case GET_ONE:
      if (config.oneFromList) {
        return {
          query: listQuery(resource),
          variables: { options: { take: 1, filter: { ids: [String(params.id)], includeEnded: true } }, asOf },
          parseResponse: ({ data }) => {
            const [record] = data[resource].items;
            if (!record) throw new HttpError('cg.errors.not_found', 404);
            return { data: clean(record) };
          },
        };
      }
      return {
        query: parse(oneQueryText(resource)),
        variables: { id: String(params.id), asOf },
        parseResponse: ({ data }) => {
          if (!asOf) noteServerToday(data[lowerFirst(type)]?.asOf);
          return { data: clean(data[lowerFirst(type)]) };
        },
      };
    case CREATE:
      return {
        query: parse(`mutation ($input: Create${type}Input!) { create${type}(input: $input) { ${fields} } }`),
        variables: { input: pick(params.data!, (key) => params.data![key] !== undefined) },
        parseResponse: ({ data }) => ({ data: clean(data[`create${type}`]) }),
      };
    case UPDATE: {
      // Only what changed, with the version the form was loaded at: a stale one is refused by the API.
      // For a dated record this is a correction of the version valid on the day it was read (asOf).
      const data = params.data ?? {};
      const previous = params.previousData ?? {};
      const changed = pick(
        data,
        (key) => key !== 'validFrom' && JSON.stringify(data[key] ?? null) !== JSON.stringify(previous[key] ?? null),
      );
      const day = config.dated ? { asOf: previous.asOf ?? data.asOf } : {};
      return {
        query: parse(`mutation ($input: Update${type}Input!) { update${type}(input: $input) { ${fields} } }`),
        variables: { input: { id: String(params.id), version: previous.version ?? data.version, ...day, ...changed } },
        parseResponse: ({ data }) => ({ data: clean(data[`update${type}`]) }),
      };
    }
    case DELETE:
      return {
        query: parse(`mutation ($id: ID!) { delete${type}(id: $id) { id } }`),
        variables: { id: String(params.id) },
        parseResponse: ({ data }) => ({ data: clean(data[`delete${type}`]) }),
      };
    case DELETE_MANY: {
      // One mutation per record, in one request: the server keeps all of them or none (one request, one transaction).
      const ids: string[] = params.ids!.map(String);
      const body = ids.map((_, i) => `d${i}: delete${type}(id: $id${i}) { id }`).join(' ');
      return {
        query: parse(`mutation (${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${body} }`),
        variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
        parseResponse: ({ data }) => ({ data: Object.values(data as Record<string, { id: string }>).map((row) => row.id) }),
      };
    }
    default:
      throw new Error(`${fetchType} is not supported for ${resource}`);
  }
};

/** What a failed call throws (an HttpError made by toHttpError, or a network error): a message key and the server's details. */
export interface ApiFailure {
  message?: string;
  body?: { errors?: Record<string, string>; detail?: string; reason?: string };
}
export const apiFailure = (error: unknown): ApiFailure => (error ?? {}) as ApiFailure;

/** One GraphQL error as Apollo hands it over: its message and the API's extensions. */
interface GraphQLFailure {
  message: string;
  extensions?: { code?: string; reason?: string; fields?: Record<string, string> };
}

/**
 * API errors → what react-admin shows: BAD_USER_INPUT's per-field messages go
 * on the form fields, a stale version and refused deletions become readable
 * notifications (translated on the client by their code).
 */
function toHttpError(error: unknown): never {
  const failure = error as { body?: { graphQLErrors?: GraphQLFailure[] }; graphQLErrors?: GraphQLFailure[] } | null | undefined;
  const graphQLError = failure?.body?.graphQLErrors?.[0] ?? failure?.graphQLErrors?.[0];
  const extensions = graphQLError?.extensions ?? {};
  if (extensions.code === 'BAD_USER_INPUT' && extensions.fields) {
    throw new HttpError('cg.errors.invalid', 400, { errors: extensions.fields });
  }
  if (extensions.code === 'CONFLICT' && extensions.reason === 'STALE_VERSION') throw new HttpError('cg.errors.stale', 409);
  if (extensions.code === 'CONFLICT' && (extensions.reason === 'OVERLAP' || extensions.reason === 'LATER_CHANGE')) {
    throw new HttpError(`cg.errors.${extensions.reason.toLowerCase()}`, 409, { reason: extensions.reason, detail: graphQLError?.message });
  }
  if (extensions.code === 'CONFLICT') throw new HttpError(graphQLError?.message ?? 'ra.notification.http_error', 409);
  if (extensions.code === 'NOT_FOUND') throw new HttpError('cg.errors.not_found', 404);
  if (extensions.code === 'UNAUTHENTICATED') throw new HttpError('cg.auth.signed_out', 401);
  if (extensions.code === 'FORBIDDEN') throw new HttpError('cg.errors.forbidden', 403);
  throw error;
}

export function createDataProvider(uri = '/graphql'): DataProvider {
  const provider = buildGraphQLProvider({
    clientOptions: { uri, credentials: 'same-origin' },
    introspection: false,
    buildQuery: () => buildQuery,
    // No Apollo cache: it would key a record by type and id alone, and merge the same
    // grid read as of two days into one. react-admin's own cache is keyed by the call's
    // params (and is reset when the day changes), which is all the caching needed.
    query: () => ({ fetchPolicy: 'no-cache' }),
    mutation: () => ({ fetchPolicy: 'no-cache' }),
  });
  const wrapped: Record<string, unknown> = { ...provider };
  // getList is wrapped below, where it also pages past the API's 100.
  for (const method of ['getOne', 'getMany', 'getManyReference', 'create', 'update', 'delete', 'deleteMany'] as const) {
    const call = provider[method] as (resource: string, params: Params) => Promise<unknown>;
    wrapped[method] = (resource: string, params: Params) => call(resource, params).catch(toHttpError);
  }
  // The API pages by at most 100; larger pages (the CSV exporter asks for 1,000) are read 100 at a time.
  wrapped.getList = async (resource: string, params: GetListParams): Promise<GetListResult> => {
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    if (perPage <= 100 || perPage % 100 !== 0) return provider.getList(resource, params).catch(toHttpError);
    const data: GetListResult['data'] = [];
    let total = 0;
    for (let offset = (page - 1) * perPage; offset < page * perPage; offset += 100) {
      const chunk = await provider
        .getList(resource, { ...params, pagination: { page: offset / 100 + 1, perPage: 100 } })
        .catch(toHttpError);
      data.push(...chunk.data);
      total = chunk.total ?? 0;
      if (chunk.data.length < 100) break;
    }
    return { data, total };
  };
  /** Sends one operation through the client (no cache: react-query keys the answers), failures made readable as above. */
  const send = async (document: DocumentNode, variables?: object): Promise<unknown> => {
    const isMutation = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation');
    try {
      const result = isMutation
        ? await provider.client.mutate({ mutation: document, variables, fetchPolicy: 'no-cache' })
        : await provider.client.query({ query: document, variables, fetchPolicy: 'no-cache' });
      return result.data;
    } catch (error) {
      return toHttpError(error);
    }
  };
  // A generated document's answer is typed (see api.ts).
  const request: Request = (document, variables) => send(document, variables ?? undefined) as Promise<never>;
  Object.assign(wrapped, apiMethods(request));
  /** A dated change from input.effectiveOn (a move, a rename…), or with dryRun its preview. Built per resource at run time, as the CRUD operations are. */
  wrapped.change = async (resource: string, input: Fields, dryRun: boolean): Promise<CommandResult> => {
    const { type } = RESOURCES[resource];
    const data = (await send(
      parse(
        `mutation ($input: Change${type}Input!, $dryRun: Boolean!) { result: change${type}(input: $input, dryRun: $dryRun) { ${COMMAND_RESULT} } }`,
      ),
      { input, dryRun },
    )) as { result: CommandResult };
    return data.result;
  };
  /** Ends a unit on lastDay (its last valid day), or with dryRun previews it. */
  wrapped.end = async (resource: string, id: string, lastDay: string, dryRun: boolean): Promise<CommandResult> => {
    const { type } = RESOURCES[resource];
    const data = (await send(
      parse(
        `mutation ($id: ID!, $lastDay: LocalDate!, $dryRun: Boolean!) { result: end${type}(id: $id, lastDay: $lastDay, dryRun: $dryRun) { ${COMMAND_RESULT} } }`,
      ),
      { id, lastDay, dryRun },
    )) as { result: CommandResult };
    return data.result;
  };
  return wrapped as unknown as DataProvider;
}

const COMMAND_RESULT = 'dryRun correlationId changeCount changes { operation entityType entityId changes } record { id }';

export interface CommandResult {
  dryRun: boolean;
  correlationId: string;
  changeCount: number;
  changes: CommandChangeFieldsFragment[];
  record: { id: string };
}

export interface CommandProvider {
  change(resource: string, input: Fields, dryRun: boolean): Promise<CommandResult>;
  end(resource: string, id: string, lastDay: string, dryRun: boolean): Promise<CommandResult>;
}
