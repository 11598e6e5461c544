import type { ApolloServerPlugin } from '@apollo/server';
import { ASTVisitor, DocumentNode, GraphQLError, OperationTypeNode, ValidationContext, visit } from 'graphql';
import { BadUserInputError, UnauthenticatedError, withHttpStatus } from './errors';
import type { RequestContext } from './request-context';

/**
 * No text the API takes is longer than this (most fields have tighter limits
 * of their own); the cap keeps every free string, named in a class or not,
 * from reaching SQL at a size that costs time.
 */
export const MAX_STRING_LENGTH = 1_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one string of a request, or null. */
export function stringProblem(value: string): string | null {
  if (value.length > MAX_STRING_LENGTH) return `must be at most ${MAX_STRING_LENGTH} characters`;
  // PostgreSQL cannot store NUL in text; unpaired surrogates are not Unicode and would be stored as U+FFFD.
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  return null;
}

function checkValue(value: unknown, path: string, into: Record<string, string>): void {
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem) into[path] ??= problem;
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkValue(item, `${path}.${index}`, into));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = stringProblem(key);
      if (problem) into[`${path}.(key)`] ??= `keys ${problem}`;
      checkValue(item, `${path}.${key}`, into);
    }
  }
}

/** Problems with the strings of the variables and of the literals written in the query. */
export function requestStringProblems(document: DocumentNode, variables: Record<string, unknown> | undefined): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables ?? {})) checkValue(value, name, problems);
  visit(document, {
    StringValue(node) {
      const problem = stringProblem(node.value);
      if (problem) problems[`query (line ${node.loc?.startToken.line ?? '?'})`] ??= problem;
    },
  });
  return problems;
}

function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** There are no subscriptions: say so instead of failing at execution. */
export function NoSubscriptions(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === OperationTypeNode.SUBSCRIPTION) {
        context.reportError(new GraphQLError('Subscriptions are not supported by this API; poll with a query instead', { nodes: node }));
      }
    },
  };
}

const SUGGESTION = /\s*Did you mean .*$/s;

/**
 * Checks every request before it runs: bad strings are refused with
 * BAD_USER_INPUT; the schema is described (introspection) to signed-in
 * callers only; and "Did you mean …?" hints, which spell out the schema, are
 * given only to signed-in callers outside production.
 */
export function requestGuards({ isProduction }: { isProduction: boolean }): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          const problems = requestStringProblems(document, request.variables);
          if (Object.keys(problems).length) throw withHttpStatus(new BadUserInputError(problems), 400);
          if (!contextValue.principal && asksForSchema(document)) {
            throw withHttpStatus(new UnauthenticatedError('Sign in to read the schema (introspection is for signed-in callers)'), 401);
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          if (!isProduction && contextValue.principal) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            SUGGESTION.test(error.message) ? { ...error, message: error.message.replace(SUGGESTION, '') } : error,
          );
        },
      };
    },
  };
}
