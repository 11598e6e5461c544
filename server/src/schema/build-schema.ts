import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import '../core/graphql-enums';
import { authChecker } from '../core/access';
import { MutationsInTransaction } from '../core/transactional';
import { resolvers } from '../modules';

/** The whole API. Inputs are validated by class-validator and every operation is checked against the caller's permissions. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    authChecker,
    globalMiddlewares: [MutationsInTransaction],
    emitSchemaFile: false,
  });
}
