import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { declareScope } from '../../core/scope';
import { SpecialistRole } from '../staffing/specialist-role.entity';

/**
 * What an affair is about (civil affairs, elderly care, …): which specialist
 * role handles it and how many working days it may take. A category without a
 * role goes to the community's coordinator post. Seeded by the migration,
 * edited by officials.
 */
@ObjectType({
  description: 'A category of affairs: the specialist role that handles it (none: the coordinator post) and its due time in working days.',
})
@Entity()
@Check('service_category_due_days', '"due_working_days" BETWEEN 1 AND 60')
export class ServiceCategory extends BaseEntity {
  @Field({ description: 'Stable code, e.g. "ELDERLY_CARE".' })
  @Index({ unique: true })
  @Column({ length: 40 })
  code!: string;

  @Field()
  @Column({ length: 100 })
  name!: string;

  @Field()
  @Column({ length: 100 })
  nameEn!: string;

  @Field(() => ID, { nullable: true, description: 'The specialist role that handles it; null: the coordinator post.' })
  @Column({ type: 'int', nullable: true })
  specialistRoleId!: number | null;

  @ManyToOne(() => SpecialistRole, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  specialistRole?: SpecialistRole | null;

  @Field(() => Int, { description: 'Working days from acceptance to the due date (suspended time excluded).' })
  @Column({ type: 'int' })
  dueWorkingDays!: number;

  @Field({ description: 'Inactive categories are kept for old affairs but offered no more.' })
  @Column({ default: true })
  active!: boolean;
}

declareScope(ServiceCategory, { kind: 'structure' });
