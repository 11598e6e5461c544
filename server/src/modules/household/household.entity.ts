import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DatedEntity, registerDated, VersionRow } from '../../core/dated';
import { RegistrationType } from '../../core/graphql-enums';
import { Grid } from '../grid/grid.entity';
import type { Resident } from '../resident/resident.entity';
import { declareScope } from '../../core/scope';

@ObjectType({ description: 'A household: the unit a grid member visits.' })
@Entity()
@Index('household_address_trgm', { synchronize: false })
export class Household extends DatedEntity {
  @Field()
  @Column({ length: 200 })
  address!: string;

  @Field(() => ID, { nullable: true, description: 'The resident who heads the household; one of its residents.' })
  @Index()
  @Column({ nullable: true })
  headResidentId!: number | null;

  @ManyToOne('Resident', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  headResident?: Resident | null;

  // Dated: from the version valid on the day read.
  @Field(() => ID, { description: 'The grid the household belonged to on the day read.' }) gridId!: number;
  @Field(() => RegistrationType) registrationType!: RegistrationType;
}

/** A household's grid and registration type over time. */
@Entity()
@Exclusion('household_version_one_at_a_time', 'USING gist ("household_id" WITH =, "valid" WITH &&)')
export class HouseholdVersion extends VersionRow {
  @Index()
  @Column()
  householdId!: number;

  @ManyToOne(() => Household, { onDelete: 'CASCADE' })
  @JoinColumn()
  household?: Household;

  @Index()
  @Column()
  gridId!: number;

  @ManyToOne(() => Grid, { onDelete: 'RESTRICT' })
  @JoinColumn()
  grid?: Grid;

  @Index()
  @Column({ type: 'enum', enum: RegistrationType, enumName: 'registration_type' })
  registrationType!: RegistrationType;
}

registerDated({ entity: Household, version: HouseholdVersion, key: 'householdId' });

declareScope(Household, { kind: 'member', level: 'household' });
