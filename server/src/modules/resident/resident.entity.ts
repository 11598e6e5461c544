import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Gender, RelationToHead, ResidentTag } from '../../core/graphql-enums';
import { Household } from '../household/household.entity';

@ObjectType({ description: 'A resident, member of one household.' })
@Entity()
// Created by the migrations (GIN and trigram indexes); declared so schema diffs leave them alone.
@Index('resident_tags_gin', { synchronize: false })
@Check('CHK_resident_tags_known', `tags <@ ARRAY['ELDERLY_ALONE', 'DISABLED', 'LOW_INCOME', 'VETERAN', 'LEFT_BEHIND_CHILD']::text[]`)
@Index('resident_name_trgm', { synchronize: false })
@Index('resident_id_number_trgm', { synchronize: false })
@Index('resident_phone_trgm', { synchronize: false })
export class Resident extends BaseEntity {
  @Field(() => ID)
  @Index()
  @Column()
  householdId!: number;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn()
  household?: Household;

  @Field()
  @Column({ length: 50 })
  name!: string;

  @Field(() => Gender)
  @Column({ type: 'enum', enum: Gender, enumName: 'gender' })
  gender!: Gender;

  @Field(() => LocalDateResolver)
  @Index()
  @Column({ type: 'date' })
  birthDate!: string;

  @Field({ description: '18-character resident identity number (GB 11643).' })
  @Index({ unique: true })
  @Column({ length: 18 })
  idNumber!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Field(() => RelationToHead)
  @Column({ type: 'enum', enum: RelationToHead, enumName: 'relation_to_head' })
  relationToHead!: RelationToHead;

  @Field(() => [ResidentTag])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: ResidentTag[];
}
