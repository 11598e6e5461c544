import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLFormattedError, OperationTypeNode } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './request-context';

/**
 * One request, one transaction: a mutation operation runs in a transaction
 * opened before its first field and ended after its last, committed only if
 * no field failed. So two mutations sent together are kept together or not
 * at all, and a response never reports a write that was not kept.
 */
export function oneTransactionPerRequest(format: (error: unknown) => GraphQLFormattedError): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation.operation === OperationTypeNode.MUTATION) await contextValue.beginRequestTransaction();
        },
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.hasRequestTransaction) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const failed = !result || !!result.errors?.length;
          try {
            await contextValue.endRequestTransaction(!failed);
          } catch (error) {
            if (result) result.errors = [...(result.errors ?? []), format(error)];
          }
          // Nothing was kept: no field may read as if it had been.
          if (result?.errors?.length) result.data = null;
        },
      };
    },
  };
}

/**
 * Every root Mutation field runs in its request's transaction without opting
 * in, and refuses to run outside one; a failure anywhere below a mutation
 * marks the request's transaction for rollback and stops the fields after it.
 */
export const MutationsInTransaction: MiddlewareFn<RequestContext> = ({ context, info }, next) => {
  if (info.parentType.name === 'Mutation') return context.inRequestTransaction(next);
  return info.operation.operation === OperationTypeNode.MUTATION ? failuresRollBack(context, next) : next();
};

async function failuresRollBack(context: RequestContext, next: () => Promise<unknown>): Promise<unknown> {
  try {
    return await next();
  } catch (error) {
    context.markRequestFailed();
    throw error;
  }
}
