import 'reflect-metadata';

const READS = Symbol('cg:reads');

/**
 * Declares the properties of its record that a field resolver method (or an entity's getter or non-column
 * field) reads, so that lists asked for that field select those columns and no others (core/list/columns.ts).
 * A field with a resolver that declares nothing makes a list select every column of its entity: unknown needs
 * are all needs. `@Reads()` says it reads none beyond the keys every read selects (ids, validity, the version's key).
 */
export function Reads(...properties: string[]): MethodDecorator & PropertyDecorator {
  return (prototype: object, key: string | symbol) => Reflect.defineMetadata(READS, properties, prototype, key);
}

/** What `@Reads` declared for a method or property (looked up through base classes); undefined when nothing was. */
export function declaredReads(prototype: object, key: string): readonly string[] | undefined {
  return Reflect.getMetadata(READS, prototype, key) as readonly string[] | undefined;
}
