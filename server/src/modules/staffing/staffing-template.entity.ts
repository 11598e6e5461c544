import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { registerPeriod } from '../../core/dated';
import { PeriodEntity } from '../../core/period.entity';
import { declareScope } from '../../core/scope';
import { Community } from '../community/community.entity';
import { SpecialistRole } from './specialist-role.entity';

/** The roles a community must fill: the "8-member" and "10-member" systems of the district. */
@ObjectType({ description: 'A staffing template: the specialist roles a community that adopts it must fill.' })
@Entity()
export class StaffingTemplate extends BaseEntity {
  @Field({ description: 'Unique, e.g. "MEMBERS_8".' })
  @Index({ unique: true })
  @Column({ length: 20 })
  code!: string;

  @Field()
  @Column({ length: 100 })
  name!: string;

  @Field()
  @Column({ length: 100 })
  nameEn!: string;

  @Field()
  @Column({ length: 500, default: '' })
  description!: string;
}

/** A role a template requires. */
@Entity()
export class StaffingTemplateRole {
  @PrimaryColumn()
  @Index()
  templateId!: number;

  @ManyToOne(() => StaffingTemplate, { onDelete: 'CASCADE' })
  @JoinColumn()
  template?: StaffingTemplate;

  @PrimaryColumn()
  @Index()
  specialistRoleId!: number;

  @ManyToOne(() => SpecialistRole, { onDelete: 'RESTRICT' })
  @JoinColumn()
  specialistRole?: SpecialistRole;
}

/** Which template a community follows over time: one at a time, a change of template is history too. */
@ObjectType({ description: "A community's adoption of a staffing template, from its first to its last day." })
@Entity()
@Exclusion('template_adoption_one_at_a_time', 'USING gist ("community_id" WITH =, "valid" WITH &&)')
export class TemplateAdoption extends PeriodEntity {
  @Field(() => ID)
  @Index()
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn()
  community?: Community;

  @Field(() => ID)
  @Index()
  @Column()
  templateId!: number;

  @ManyToOne(() => StaffingTemplate, { onDelete: 'RESTRICT' })
  @JoinColumn()
  template?: StaffingTemplate;
}

registerPeriod(TemplateAdoption);
declareScope(StaffingTemplate, { kind: 'structure' });
declareScope(TemplateAdoption, { kind: 'structure' });
