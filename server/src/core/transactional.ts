import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './request-context';

/**
 * Every mutation runs in one transaction without opting in: this middleware
 * wraps each root Mutation field, and every service call it makes joins it.
 */
export const MutationsInTransaction: MiddlewareFn<RequestContext> = ({ context, info }, next) =>
  info.parentType.name === 'Mutation' ? context.transaction(next) : next();
