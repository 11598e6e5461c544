import { LocalDateResolver } from 'graphql-scalars';
import { ClassType, Field, ObjectType } from 'type-graphql';
import { Column, EntityManager, ObjectLiteral, PrimaryGeneratedColumn } from 'typeorm';
import { BaseEntity } from './base.entity';
import { Reads } from './reads';
import { toValidity } from './time/validity';
import type { EntityClass } from './entity-class';

/**
 * A record with a life span: a unit of the structure (office, community,
 * grid) or a member of it (household, resident). Its identity row holds what
 * never changes over time and its validity; what a reform or a move changes
 * (names, codes, boundaries, the parent it belongs to, tags) lives in dated
 * versions, one per period, which the database keeps from overlapping.
 * A record read "as of" a date carries the version valid on that date
 * (or the nearest one, when the date is outside its life).
 */
@ObjectType()
export abstract class DatedEntity extends BaseEntity {
  /** Stored validity, half-open [from, to): see core/time/validity.ts. */
  @Column({ type: 'daterange' })
  valid!: string;

  /** The day this record was read for; nested fields inherit it. */
  @Field(() => LocalDateResolver, {
    description: 'The day this record was read as of; nested fields answer for the same day unless given their own asOf.',
  })
  @Reads()
  asOf!: string;

  /** The id of the version shown (the one valid on `asOf`, or the nearest). */
  versionRowId!: number;

  /** The stored period of the version shown. */
  versionValid!: string;

  @Field(() => LocalDateResolver, { description: 'First day of the version shown (names, codes, memberships as read).' })
  @Reads()
  get versionFrom(): string {
    return toValidity(this.versionValid).from;
  }

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of the version shown (inclusive); null while it holds.' })
  @Reads()
  get versionUntil(): string | null {
    return toValidity(this.versionValid).until;
  }

  @Field(() => LocalDateResolver, { description: 'First day of validity.' })
  @Reads()
  get validFrom(): string {
    return toValidity(this.valid).from;
  }

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of validity (inclusive); null while valid.' })
  @Reads()
  get validUntil(): string | null {
    return toValidity(this.valid).until;
  }

  @Field({ description: 'Whether the record is valid on the day it was read as of.' })
  @Reads()
  get validOnAsOf(): boolean {
    const { from, until } = toValidity(this.valid);
    return from <= this.asOf && (until === null || this.asOf <= until);
  }
}

/** One period of a dated record's changing attributes; `valid` is half-open [from, to). */
export abstract class VersionRow {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'daterange' })
  valid!: string;
}

export interface DatedSpec<T extends DatedEntity = DatedEntity> {
  entity: ClassType<T>;
  version: ClassType<VersionRow>;
  /** The version's property that points at the record, e.g. `gridId`. */
  key: string;
}

const specs = new Map<EntityClass, DatedSpec>();

/** Declares where a dated entity keeps its versions. */
export function registerDated<T extends DatedEntity>(spec: DatedSpec<T>): void {
  specs.set(spec.entity, spec as unknown as DatedSpec);
}

export function datedSpec(entity: EntityClass): DatedSpec | undefined {
  return specs.get(entity);
}

/** The version's own attributes (not its id, validity or key): what a record shows as of a date. */
export function versionFields(em: EntityManager, spec: DatedSpec): string[] {
  return em
    .getRepository(spec.version)
    .metadata.columns.map((column) => column.propertyName)
    .filter((property) => property !== 'id' && property !== 'valid' && property !== spec.key);
}

/** Copies a version's attributes onto the record read as of `asOf`. */
export function applyVersion<T extends DatedEntity>(
  em: EntityManager,
  spec: DatedSpec,
  record: T,
  version: ObjectLiteral,
  asOf: string,
  fields = versionFields(em, spec),
): T {
  for (const field of fields) (record as ObjectLiteral)[field] = version[field];
  record.asOf = asOf;
  record.versionRowId = version.id;
  record.versionValid = version.valid;
  return record;
}

/**
 * Records that are a period themselves, with no versions: an assignment (a
 * post's holder, a grid's member), an absence, a template's adoption. Their
 * row carries `valid`; a read for a day shows those valid on it (all of them
 * with `includeEnded`), and scope treats the row as its own membership row.
 */
const periods = new Set<EntityClass>();

export function registerPeriod(entity: EntityClass): void {
  periods.add(entity);
}

export function isPeriod(entity: EntityClass): boolean {
  return periods.has(entity);
}
