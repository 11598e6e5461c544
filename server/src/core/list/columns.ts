import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { datedSpec } from '../dated';
import type { EntityClass } from '../entity-class';
import { declaredReads } from '../reads';

type Needs = readonly string[] | 'all';

const needsByEntity = new Map<EntityClass, Map<string, Needs>>();

/** `target` is the class `other`, or a subclass of it (fields and resolvers declared on a base class). */
export const isOrExtends = (target: object, other: object | undefined) =>
  !!other && (other === target || Object.prototype.isPrototypeOf.call(other, target));

/** What each field of the entity's GraphQL type reads of its record, from the fields' and resolvers' metadata (once per entity). */
function fieldNeeds(em: EntityManager, entity: EntityClass): Map<string, Needs> {
  let needs = needsByEntity.get(entity);
  if (needs) return needs;
  needs = new Map();
  const storage = getMetadataStorage();
  const columns = new Set(em.getRepository(entity).metadata.columns.map((column) => column.propertyName));
  const spec = datedSpec(entity);
  if (spec) for (const column of em.getRepository(spec.version).metadata.columns) columns.add(column.propertyName);
  for (const field of storage.fields) {
    if (!isOrExtends(entity, field.target) || needs.has(field.schemaName)) continue;
    const resolvers = storage.fieldResolvers.filter(
      (resolver) => resolver.schemaName === field.schemaName && isOrExtends(entity, resolver.getObjectType?.()),
    );
    if (resolvers.length) {
      const reads = resolvers.map((resolver) => declaredReads(resolver.target.prototype, resolver.methodName));
      needs.set(field.schemaName, reads.every(Boolean) ? reads.flatMap((r) => r!) : 'all');
    } else if ((field.middlewares?.length ?? 0) > 0) {
      needs.set(field.schemaName, declaredReads(entity.prototype, field.name) ?? 'all');
    } else {
      needs.set(field.schemaName, columns.has(field.name) ? [field.name] : (declaredReads(entity.prototype, field.name) ?? 'all'));
    }
  }
  // Fields only a resolver declares (a nested list, a parent): not in the entity's own fields.
  for (const resolver of storage.fieldResolvers) {
    if (needs.has(resolver.schemaName) || !isOrExtends(entity, resolver.getObjectType?.())) continue;
    needs.set(resolver.schemaName, declaredReads(resolver.target.prototype, resolver.methodName) ?? 'all');
  }
  needsByEntity.set(entity, needs);
  return needs;
}

/** The names of the fields a selection set asks for, through fragments (whatever their type condition or directives). */
function selectedFields(
  info: GraphQLResolveInfo,
  sets: readonly (SelectionSetNode | undefined)[],
  into = new Map<string, SelectionSetNode[]>(),
) {
  for (const set of sets) {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const subsets = into.get(selection.name.value) ?? [];
        if (selection.selectionSet) subsets.push(selection.selectionSet);
        into.set(selection.name.value, subsets);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        selectedFields(info, [selection.selectionSet], into);
      } else {
        selectedFields(info, [info.fragments[selection.name.value]?.selectionSet], into);
      }
    }
  }
  return into;
}

/** The fields the resolved field's own selection asks for, and the selections under each. */
const ownSelection = (info: GraphQLResolveInfo) =>
  selectedFields(
    info,
    info.fieldNodes.map((node) => node.selectionSet),
  );

/**
 * The properties of `entity` that a list's `items` selection reads (the fields asked for, and what their
 * resolvers declare they read), for `ReadDate.fields`; undefined (every column) when a field's needs are unknown.
 */
export function listFields(em: EntityManager, info: GraphQLResolveInfo, entity: EntityClass): string[] | undefined {
  return propertiesFor(em, entity, [...selectedFields(info, ownSelection(info).get('items') ?? []).keys()]);
}

/** The properties of `entity` that a field answering one record (a parent, a head) reads, for `Loaders.byId`; undefined when unknown. */
export function recordFields(em: EntityManager, info: GraphQLResolveInfo, entity: EntityClass): string[] | undefined {
  return propertiesFor(em, entity, [...ownSelection(info).keys()]);
}

function propertiesFor(em: EntityManager, entity: EntityClass, fields: string[]): string[] | undefined {
  const needs = fieldNeeds(em, entity);
  const properties = new Set<string>();
  for (const field of fields) {
    if (field.startsWith('__')) continue;
    const need = needs.get(field);
    if (need === undefined || need === 'all') return undefined;
    for (const property of need) properties.add(property);
  }
  return [...properties].sort();
}
