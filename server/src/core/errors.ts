import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import type { ValidationError } from 'class-validator';
import { ConflictReason, ErrorCode, SignInFailure } from '@community-grid/shared';

/**
 * Every error the API returns on purpose. `code` is the contract clients
 * branch on; `fields` maps input paths to messages for BAD_USER_INPUT.
 */
export class DomainError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail: { fields?: Record<string, string>; reason?: ConflictReason | SignInFailure; retryAfterSeconds?: number } = {},
  ) {
    super(message, { extensions: { code, ...detail } });
  }
}

/** For errors thrown before execution (Apollo plugins), whose HTTP status would otherwise be 500. */
export function withHttpStatus<E extends GraphQLError>(error: E, status: number): E {
  (error.extensions as Record<string, unknown>).http = { status };
  return error;
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: unknown) {
    super(ErrorCode.NOT_FOUND, `${entity} ${String(id)} was not found`);
  }
}

export class BadUserInputError extends DomainError {
  constructor(fields: Record<string, string>) {
    const summary = Object.entries(fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join('; ');
    super(ErrorCode.BAD_USER_INPUT, `Invalid input. ${summary}`, { fields });
  }
}

export class ConflictError extends DomainError {
  constructor(reason: ConflictReason, message: string) {
    super(ErrorCode.CONFLICT, message, { reason });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first', detail: { reason?: SignInFailure; retryAfterSeconds?: number } = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, detail);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/** A request whose client went away runs no further statements: nobody is left to answer, and nothing went wrong. */
export class ClientGoneError extends Error {
  constructor() {
    super('The client closed the connection; the request was stopped');
  }
}

/** Collects per-field problems and throws them together, so a form can show them all at once. */
export class FieldProblems {
  private readonly problems: Record<string, string> = {};

  add(field: string, message: string): this {
    this.problems[field] ??= message;
    return this;
  }

  get empty(): boolean {
    return Object.keys(this.problems).length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw new BadUserInputError(this.problems);
  }
}

/** A mutation field not run because an earlier one of the same request failed: the request changes nothing. */
export class RolledBackError extends DomainError {
  constructor() {
    super(ErrorCode.ROLLED_BACK, 'Not run: an earlier mutation of this request failed, so none of its changes were kept');
  }
}

export class TimeoutError extends DomainError {
  constructor() {
    super(ErrorCode.TIMEOUT, 'The request took longer than the database allows and was stopped; narrow it down (filter, smaller take)');
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(retryAfterSeconds = 5) {
    super(ErrorCode.SERVICE_UNAVAILABLE, `The server is busy; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_CHECK_VIOLATION = '23514';
const PG_EXCLUSION_VIOLATION = '23P01';

/** What each overlap the database refuses means, by constraint name. */
const OVERLAPS: Record<string, string> = {
  office_version_one_at_a_time: 'An office can have only one version on any day',
  office_version_name_unique: 'Another office has that name on one of these days',
  community_version_one_at_a_time: 'A community can have only one version on any day',
  community_version_code_unique: 'Another community has that code on one of these days',
  community_version_name_unique: 'Another community has that name on one of these days',
  grid_version_one_at_a_time: 'A grid can belong to only one community on any day',
  grid_version_code_unique: 'Another grid has that code on one of these days',
  household_version_one_at_a_time: 'A household can belong to only one grid on any day',
  resident_version_one_at_a_time: 'A resident can belong to only one household on any day',
  specialist_role_version_one_at_a_time: 'A specialist role can have only one version on any day',
  specialist_role_version_name_unique: 'Another specialist role has that name on one of these days',
  template_adoption_one_at_a_time: 'A community can follow only one staffing template on any day',
  post_holder_one_per_slot: 'The post already has a holder in that slot (A or B) on one of these days',
  post_holder_a_is_not_b: 'That person already holds the other slot of this post (A and B must be two people) on one of these days',
  grid_assignment_once_per_grid: 'That person already serves this grid on one of these days',
  absence_one_at_a_time: 'That person is already absent on one of these days',
};
/** Class 22, data exceptions: a value PostgreSQL cannot take (out of range, too long, bad encoding, …). */
const PG_DATA_EXCEPTION_CLASS = '22';
const PG_QUERY_CANCELED = '57014';
/** Two transactions waited on each other, or a serializable read conflicted: nothing was kept, and the same request again will go through. (Moves lock their grids up front and queue instead: WriteGridLocks migration.) */
const PG_TRY_AGAIN = new Set(['40P01', '40001']);

/** The SQLSTATE of a failed statement, if `error` is one. */
export function sqlState(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string } | undefined)?.code : undefined;
}

/** node-postgres' pool gives up waiting for a free connection (connectionTimeoutMillis). */
export function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect|connection timeout/i.test(error.message);
}

/** Errors that are about the request's cost or the server's load rather than a bug: they get their own codes. */
export function asLoadError(error: unknown): DomainError | undefined {
  const state = sqlState(error);
  if (state === PG_QUERY_CANCELED) return new TimeoutError();
  if (state && PG_TRY_AGAIN.has(state)) return new ServiceUnavailableError(1);
  if (isPoolTimeout(error)) return new ServiceUnavailableError();
  return undefined;
}

/**
 * Logs an unexpected error for the operator without personal data: a failed
 * statement is logged with its SQLSTATE and SQL text but never its parameters
 * or the values PostgreSQL quotes in its message and detail.
 */
export function logUnexpected(error: unknown): void {
  if (error instanceof QueryFailedError) {
    const driver = (error.driverError ?? {}) as { code?: string; constraint?: string; table?: string; column?: string };
    const where = [
      driver.table && `table ${driver.table}`,
      driver.column && `column ${driver.column}`,
      driver.constraint && `constraint ${driver.constraint}`,
    ]
      .filter(Boolean)
      .join(', ');
    console.error(
      `Unexpected error: SQLSTATE ${driver.code ?? '?'} ${redactValues(error.message)}${where ? ` (${where})` : ''} in ${String(error.query).slice(0, 500)}`,
    );
    return;
  }
  console.error(
    'Unexpected error',
    error instanceof Error
      ? `${error.name}: ${redactValues(error.message)}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}`
      : typeof error,
  );
}

/** PostgreSQL quotes offending values in its messages: `invalid input syntax for type date: "…"`. */
function redactValues(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)');
}

/** A constraint violation that slipped past the services, as the coded error the client gets (null for any other error). */
export function constraintError(original: unknown): DomainError | null {
  if (!(original instanceof QueryFailedError)) return null;
  const code = sqlState(original);
  return code === PG_UNIQUE_VIOLATION
    ? new ConflictError(ConflictReason.DUPLICATE, 'A record with the same unique value already exists')
    : code === PG_FOREIGN_KEY_VIOLATION
      ? new ConflictError(
          ConflictReason.HAS_DEPENDANTS,
          'The record is referenced by, or references, a record that does not allow this change',
        )
      : code === PG_EXCLUSION_VIOLATION
        ? new ConflictError(
            ConflictReason.OVERLAP,
            OVERLAPS[(original as QueryFailedError & { driverError: { constraint?: string } }).driverError.constraint ?? ''] ??
              'Two periods that must not overlap would overlap',
          )
        : code === PG_CHECK_VIOLATION
          ? new DomainError(ErrorCode.BAD_USER_INPUT, 'The input breaks a rule of the data model')
          : code?.startsWith(PG_DATA_EXCEPTION_CLASS)
            ? new DomainError(
                ErrorCode.BAD_USER_INPUT,
                'The input holds a value the database cannot store (out of range, too long or malformed)',
              )
            : null;
}

/**
 * The one place where errors become API errors. Known errors keep their code;
 * constraint violations that slipped past the services get a coded message;
 * anything else is logged and reported without internals (no SQL, no stack
 * outside development).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, isDevelopment: boolean): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const path = formatted.path;
  const keepStack = (extensions: Record<string, unknown>) =>
    isDevelopment && formatted.extensions?.stacktrace ? { ...extensions, stacktrace: formatted.extensions.stacktrace } : extensions;

  const asFormatted = (domain: DomainError): GraphQLFormattedError => {
    // `http` (a status for Apollo, set on errors refused before execution) is not for the client.
    const { http: _http, ...extensions } = domain.extensions;
    return { message: domain.message, path, locations: formatted.locations, extensions: keepStack(extensions) };
  };

  if (original instanceof DomainError) return asFormatted(original);
  if (original instanceof ArgumentValidationError) {
    const fields: Record<string, string> = {};
    flattenValidation(original.extensions.validationErrors as ValidationError[], '', fields);
    return asFormatted(new BadUserInputError(fields));
  }
  const load = asLoadError(original);
  if (load) return asFormatted(load);
  const mapped = constraintError(original);
  if (mapped) return asFormatted(mapped);
  const code = formatted.extensions?.code;
  // GraphQL's own errors (syntax, unknown field, wrong variable type) are safe to show as they are.
  if (
    code === 'GRAPHQL_PARSE_FAILED' ||
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === ErrorCode.BAD_USER_INPUT ||
    code === 'BAD_REQUEST' ||
    code === 'PERSISTED_QUERY_NOT_FOUND' ||
    code === 'OPERATION_RESOLUTION_FAILURE'
  ) {
    return { ...formatted, extensions: keepStack({ code: code === 'BAD_REQUEST' ? ErrorCode.BAD_USER_INPUT : code }) };
  }
  // Expected when a browser navigates away mid-request: not an error worth an operator's attention.
  if (original instanceof ClientGoneError) return { message: original.message, path, extensions: { code: 'CLIENT_GONE' } };
  logUnexpected(original);
  return {
    message: isDevelopment ? formatted.message : 'Internal server error',
    path,
    extensions: keepStack({ code: ErrorCode.INTERNAL_SERVER_ERROR }),
  };
}

function flattenValidation(errors: ValidationError[], prefix: string, into: Record<string, string>): void {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length) into[field] = messages.join('; ');
    if (error.children?.length) flattenValidation(error.children, field, into);
  }
}
