import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DatedEntity, registerDated, VersionRow } from '../../core/dated';
import { Gender, RelationToHead, ResidentTag } from '../../core/graphql-enums';
import { Household } from '../household/household.entity';
import { declareScope } from '../../core/scope';

@ObjectType({ description: 'A resident, member of one household at a time.' })
@Entity()
// Created by the migrations (trigram indexes); declared so schema diffs leave them alone.
@Index('resident_name_trgm', { synchronize: false })
@Index('resident_id_number_trgm', { synchronize: false })
@Index('resident_phone_trgm', { synchronize: false })
@Index('resident_birth_date_page', { synchronize: false })
export class Resident extends DatedEntity {
  @Field()
  @Column({ length: 50 })
  name!: string;

  @Field(() => Gender)
  @Column({ type: 'enum', enum: Gender, enumName: 'gender' })
  gender!: Gender;

  // Shown by the resolver: in full to roles that may reveal personal data, as an age band to the others.
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

  // Dated: from the version valid on the day read.
  @Field(() => ID, { description: 'The household the resident belonged to on the day read.' }) householdId!: number;
  @Field(() => RelationToHead) relationToHead!: RelationToHead;
  @Field(() => [ResidentTag]) tags!: ResidentTag[];
}

/** A resident's household, relation to its head and tags over time. */
@Entity()
@Exclusion('resident_version_one_at_a_time', 'USING gist ("resident_id" WITH =, "valid" WITH &&)')
@Index('resident_version_tags_gin', { synchronize: false })
@Check(
  'CHK_resident_version_tags_known',
  `tags <@ ARRAY['ELDERLY_ALONE', 'DISABLED', 'LOW_INCOME', 'VETERAN', 'LEFT_BEHIND_CHILD']::text[]`,
)
export class ResidentVersion extends VersionRow {
  @Index()
  @Column()
  residentId!: number;

  @ManyToOne(() => Resident, { onDelete: 'CASCADE' })
  @JoinColumn()
  resident?: Resident;

  @Index()
  @Column()
  householdId!: number;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn()
  household?: Household;

  @Column({ type: 'enum', enum: RelationToHead, enumName: 'relation_to_head' })
  relationToHead!: RelationToHead;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: ResidentTag[];
}

registerDated({ entity: Resident, version: ResidentVersion, key: 'residentId' });

declareScope(Resident, { kind: 'member', level: 'resident' });
