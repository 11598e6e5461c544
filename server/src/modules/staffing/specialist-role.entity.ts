import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DatedEntity, registerDated, VersionRow } from '../../core/dated';
import { declareScope } from '../../core/scope';

/**
 * A specialist role of the catalogue (party liaison, judicial mediator, …).
 * Dated like a unit of the structure: a rename is a change from a day, a
 * retirement is an end, and both keep the past (templates and posts of
 * earlier days still name the role as it was).
 */
@ObjectType({ description: "A specialist role of the catalogue; a community's template names the roles it must fill." })
@Entity()
export class SpecialistRole extends DatedEntity {
  @Field({ description: 'Stable code, e.g. "PARTY_LIAISON"; never reused.' })
  @Index({ unique: true })
  @Column({ length: 40 })
  code!: string;

  // Dated: from the version valid on the day read.
  @Field({ description: 'Name in Chinese.' }) name!: string;
  @Field() nameEn!: string;
  @Field() description!: string;
}

@Entity()
@Exclusion('specialist_role_version_one_at_a_time', 'USING gist ("specialist_role_id" WITH =, "valid" WITH &&)')
@Exclusion('specialist_role_version_name_unique', 'USING gist ("name" WITH =, "valid" WITH &&)')
export class SpecialistRoleVersion extends VersionRow {
  @Index()
  @Column()
  specialistRoleId!: number;

  @ManyToOne(() => SpecialistRole, { onDelete: 'CASCADE' })
  @JoinColumn()
  specialistRole?: SpecialistRole;

  @Column({ length: 100 })
  name!: string;

  @Column({ length: 100 })
  nameEn!: string;

  @Column({ length: 500, default: '' })
  description!: string;
}

registerDated({ entity: SpecialistRole, version: SpecialistRoleVersion, key: 'specialistRoleId' });
declareScope(SpecialistRole, { kind: 'structure' });
