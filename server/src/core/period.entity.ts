import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';
import { BaseEntity } from './base.entity';
import { Reads } from './reads';
import { toValidity } from './time/validity';

/**
 * A record that is a period and nothing else changes over it: an assignment
 * (a post's holder, a grid's member), an absence, a template's adoption.
 * Stored half-open in `valid` like every period (docs/time.md); shown with its
 * first and last day, both inclusive. Register it with `registerPeriod` so that
 * reads for a day show the rows valid on it.
 */
@ObjectType()
export abstract class PeriodEntity extends BaseEntity {
  /** Stored validity, half-open [from, to): see core/time/validity.ts. */
  @Column({ type: 'daterange' })
  valid!: string;

  @Field(() => LocalDateResolver, { description: 'The day this record was read as of; nested fields answer for the same day.' })
  @Reads()
  asOf!: string;

  @Field(() => LocalDateResolver, { description: 'First day.' })
  @Reads()
  get validFrom(): string {
    return toValidity(this.valid).from;
  }

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day (inclusive); null while open.' })
  @Reads()
  get validUntil(): string | null {
    return toValidity(this.valid).until;
  }

  @Field({ description: 'Whether the period covers the day it was read as of.' })
  @Reads()
  get validOnAsOf(): boolean {
    const { from, until } = toValidity(this.valid);
    return from <= this.asOf && (until === null || this.asOf <= until);
  }
}
