import { PlanStatus, PlanStepKind, PostSlot, UnitLevel } from '@community-grid/shared';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { declareScope } from '../../core/scope';
import { Account } from '../auth/account.entity';

registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'DRAFT → APPLIED (→ REVERTED).' });
registerEnumType(PlanStepKind, { name: 'PlanStepKind' });
registerEnumType(UnitLevel, { name: 'UnitLevel' });

/**
 * A reorganization: ordered steps over the structure, all dated on one day.
 * Previewed as the apply's own dry run, applied all or nothing, reverted by a
 * new change (or, before its day, withdrawn). Officials only.
 */
@ObjectType({ description: 'A reorganization plan: steps over the structure, effective on one day.' })
@Entity()
export class ReorganizationPlan extends BaseEntity {
  @Field()
  @Column({ length: 100 })
  name!: string;

  @Field()
  @Column({ length: 2000, default: '' })
  description!: string;

  @Field(() => LocalDateResolver, { description: 'The day the plan takes effect: created units start, ended ones end the day before.' })
  @Column({ type: 'date' })
  effectiveOn!: string;

  @Field(() => PlanStatus)
  @Index()
  @Column({ type: 'enum', enum: PlanStatus, enumName: 'plan_status', default: PlanStatus.DRAFT })
  status!: PlanStatus;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  authorId!: number | null;

  @ManyToOne(() => Account, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  author?: Account | null;

  @Field(() => Date, { nullable: true, description: 'When the plan was applied.' })
  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The correlation id of the apply: every audit row and lineage row it wrote carries it.',
  })
  @Column({ type: 'uuid', nullable: true })
  appliedCorrelationId!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day the revert took effect (the structure before the plan holds again from then).',
  })
  @Column({ type: 'date', nullable: true })
  revertedOn!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  revertCorrelationId!: string | null;

  @OneToMany(() => ReorganizationStep, (step) => step.plan)
  steps?: ReorganizationStep[];
}

/**
 * One step. Its parameters are kept as given: ids of existing units, or
 * `new:<step id>` for a unit an earlier step of the plan creates.
 */
@ObjectType({ description: 'One step of a plan; unit ids may be "new:<step id>" for a unit an earlier step creates.' })
@Entity()
@Check('reorganization_step_position', '"position" >= 1')
export class ReorganizationStep extends BaseEntity {
  @Field(() => ID)
  @Index()
  @Column()
  planId!: number;

  @ManyToOne(() => ReorganizationPlan, (plan) => plan.steps, { onDelete: 'CASCADE' })
  @JoinColumn()
  plan?: ReorganizationPlan;

  @Field(() => Int, { description: 'Order within the plan, from 1.' })
  @Column()
  position!: number;

  @Field(() => PlanStepKind)
  @Column({ type: 'enum', enum: PlanStepKind, enumName: 'plan_step_kind' })
  kind!: PlanStepKind;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: StepParams;
}

/** What a step names; which fields apply depends on its kind (see the step input). */
export interface StepParams {
  level?: UnitLevel;
  unitId?: string;
  unitIds?: string[];
  targetId?: string | null;
  communityId?: string;
  code?: string;
  name?: string;
  nameEn?: string;
  address?: string;
  phone?: string;
  predecessorOfficeIds?: string[];
  predecessorCommunityIds?: string[];
  householdIds?: string[];
  courtyard?: string;
  building?: string;
  staffMemberId?: string;
  fromCommunityId?: string;
  gridIds?: string[];
  postId?: string;
  slot?: PostSlot;
  assignmentId?: string;
  postHolderId?: string;
}

/**
 * Lineage between grids: which grid's households went to which, on which day
 * and why (split, merge, restored by a revert). Communities keep theirs in
 * community_predecessor_*.
 */
@ObjectType({ description: 'One link of grid lineage: households of the predecessor went to the successor on the day.' })
@Entity()
export class GridLineage {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Field(() => ID)
  @Index()
  @Column()
  predecessorId!: number;

  @Field(() => ID)
  @Index()
  @Column()
  successorId!: number;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  day!: string;

  @Field({ description: 'SPLIT, MERGE or RESTORED.' })
  @Column({ length: 20 })
  reason!: string;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  planId!: number | null;

  @ManyToOne(() => ReorganizationPlan, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  plan?: ReorganizationPlan | null;

  @Column({ type: 'uuid', nullable: true })
  correlationId!: string | null;
}

// Plans are district-wide: only roles that reach the whole district hold the permission to see them.
declareScope(ReorganizationPlan, { kind: 'district' });
declareScope(ReorganizationStep, { kind: 'district' });
declareScope(GridLineage, { kind: 'structure' });
