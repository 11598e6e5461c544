import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import '../core/graphql-enums';
import { resolvers } from '../modules';

/** The whole API. Inputs are validated by class-validator before any resolver runs. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
