/**
 * An entity's class: the key under which per-entity declarations (scope, dated versions, periods) are
 * kept, and what TypeORM's `metadata.target` holds for a class-based entity.
 */
export type EntityClass = abstract new (...args: never[]) => object;
