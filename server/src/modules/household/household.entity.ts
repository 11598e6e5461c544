import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { RegistrationType } from '../../core/graphql-enums';
import { Grid } from '../grid/grid.entity';
import type { Resident } from '../resident/resident.entity';

@ObjectType({ description: 'A household: the unit a grid member visits.' })
@Entity()
@Index('household_address_trgm', { synchronize: false })
export class Household extends BaseEntity {
  @Field(() => ID)
  @Index()
  @Column()
  gridId!: number;

  @ManyToOne(() => Grid, { onDelete: 'RESTRICT' })
  @JoinColumn()
  grid?: Grid;

  @Field()
  @Column({ length: 200 })
  address!: string;

  @Field(() => RegistrationType)
  @Index()
  @Column({ type: 'enum', enum: RegistrationType, enumName: 'registration_type' })
  registrationType!: RegistrationType;

  @Field(() => ID, { nullable: true, description: 'The resident who heads the household; one of its residents.' })
  @Index()
  @Column({ nullable: true })
  headResidentId!: number | null;

  @ManyToOne('Resident', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  headResident?: Resident | null;
}
