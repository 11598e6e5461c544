import { MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { RequestContext } from './request-context';

const inTransaction: MiddlewareFn<RequestContext> = ({ context }, next) => context.transaction(next);

/** One transaction per mutation: every service call made by the resolver joins it. */
export const Transactional = () => UseMiddleware(inTransaction);
