import { GraphQLSchema, isObjectType } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import '../core/graphql-enums';
import { authChecker } from '../core/access';
import { isOrExtends } from '../core/list/columns';
import { MutationsInTransaction } from '../core/transactional';
import { resolvers } from '../modules';

/** The whole API. Inputs are validated by class-validator and every operation is checked against the caller's permissions. */
export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    authChecker,
    globalMiddlewares: [MutationsInTransaction],
    emitSchemaFile: false,
  });
  readPlainFieldsDirectly(schema);
  return schema;
}

/**
 * TypeGraphQL wraps every field in its middleware chain, a plain property
 * read included: several promises per field, which for a page of 1,000 rows
 * with ten fields each was most of the server's CPU. A field that only reads
 * its property, with no permission of its own (`@Allow`) and no middleware
 * but the global one, gets GraphQL's default resolver instead. The global
 * middleware has nothing to do there: it opens mutations' transactions at
 * the root, and a failure in a plain field is a GraphQL error that rolls the
 * request back anyway (oneTransactionPerRequest). Fields with a permission,
 * a middleware or a resolver method keep TypeGraphQL's resolver.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const classOf = new Map(storage.objectTypes.map((type) => [type.name, type.target]));
  let plain = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const target = classOf.get(type.name);
    if (!target) continue;
    for (const field of Object.values(type.getFields())) {
      const declared = storage.fields.find((meta) => meta.schemaName === field.name && isOrExtends(target, meta.target));
      if (!declared || declared.roles !== undefined || (declared.middlewares?.length ?? 0) > 0) continue;
      const hasResolver = storage.fieldResolvers.some(
        (resolver) => resolver.methodName === declared.name && isOrExtends(target, resolver.getObjectType?.()),
      );
      if (hasResolver) continue;
      field.resolve = undefined;
      plain++;
    }
  }
  return plain;
}
