import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  AffairChannel,
  AffairEventKind,
  AffairStatus,
  AffairTransition,
  RouteFallback,
  RouteReason,
  VisitPurpose,
} from '@community-grid/shared';
import { BaseEntity } from '../../core/base.entity';
import { declareScope } from '../../core/scope';
import { Account } from '../auth/account.entity';
import { Community } from '../community/community.entity';
import { Grid } from '../grid/grid.entity';
import { Household } from '../household/household.entity';
import { Resident } from '../resident/resident.entity';
import { ServiceWindow } from '../service-window/service-window.entity';
import { StaffMember } from '../staff-member/staff-member.entity';
import { ServiceCategory } from './service-category.entity';

registerEnumType(AffairChannel, { name: 'AffairChannel' });
registerEnumType(AffairStatus, { name: 'AffairStatus' });
registerEnumType(AffairTransition, { name: 'AffairTransition' });
registerEnumType(AffairEventKind, { name: 'AffairEventKind' });
registerEnumType(RouteReason, {
  name: 'RouteReason',
  description: "Whom routing chose: the role's A or B holder, the coordinator post's A or B, or the district.",
});
registerEnumType(RouteFallback, {
  name: 'RouteFallback',
  description: "Why routing left the category's role for the coordinator post (or the district).",
});
registerEnumType(VisitPurpose, { name: 'VisitPurpose' });

/**
 * A resident's (or household's) request, accepted once at any window or door
 * and owned by somebody until it is closed or rejected. Its community and grid
 * are those of the household on the day of acceptance, and follow the
 * household when it moves while the affair is open (re-routing).
 */
@ObjectType({
  description: 'An affair: a request accepted at a window, at the door, by phone or online, routed to whoever handles its category.',
})
@Entity()
@Check('affair_satisfaction_range', '"satisfaction" BETWEEN 1 AND 5')
@Check('affair_escalation_range', '"escalation_level" BETWEEN 0 AND 2')
@Index(['communityId', 'status'])
@Index(['gridId', 'status'])
@Index(['assigneeId', 'status'])
@Index(['status', 'dueOn'])
// Affairs resolved this week, for the home page's counts (INCLUDE columns: written by the migration AffairCountPaths).
@Index('affair_resolved_on', { synchronize: false })
export class Affair extends BaseEntity {
  @Field(() => ID, { nullable: true, description: 'The resident it is for; null when for the household as a whole.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  residentId!: number | null;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  resident?: Resident | null;

  @Field(() => ID)
  @Index()
  @Column()
  householdId!: number;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn()
  household?: Household;

  @Field(() => ID, { nullable: true, description: 'Null until classified (or proposed at acceptance).' })
  @Column({ type: 'int', nullable: true })
  categoryId!: number | null;

  @ManyToOne(() => ServiceCategory, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  category?: ServiceCategory | null;

  @Field(() => AffairChannel)
  @Column({ type: 'enum', enum: AffairChannel, enumName: 'affair_channel' })
  channel!: AffairChannel;

  @Field()
  @Column({ length: 2000 })
  description!: string;

  @Field(() => AffairStatus)
  @Column({ type: 'enum', enum: AffairStatus, enumName: 'affair_status', default: AffairStatus.ACCEPTED })
  status!: AffairStatus;

  @Field(() => LocalDateResolver, { description: 'The day it was accepted (Asia/Shanghai).' })
  @Index()
  @Column({ type: 'date' })
  acceptedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The account that accepted it.' })
  @Column({ type: 'int', nullable: true })
  acceptedByAccountId!: number | null;

  @ManyToOne(() => Account, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  acceptedByAccount?: Account | null;

  @Field(() => ID, { nullable: true, description: 'The member of staff who accepted it.' })
  @Column({ type: 'int', nullable: true })
  acceptedById!: number | null;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  acceptedBy?: StaffMember | null;

  @Field(() => ID, { nullable: true, description: 'The window it was accepted at (channel WINDOW).' })
  @Column({ type: 'int', nullable: true })
  serviceWindowId!: number | null;

  @ManyToOne(() => ServiceWindow, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  serviceWindow?: ServiceWindow | null;

  @Field(() => ID, { description: "The household's community (on acceptance, then after each move)." })
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn()
  community?: Community;

  @Field(() => ID)
  @Column()
  gridId!: number;

  @ManyToOne(() => Grid, { onDelete: 'RESTRICT' })
  @JoinColumn()
  grid?: Grid;

  @Field(() => ID, { nullable: true, description: 'Who owns it now; null while unrouted or when the district holds it.' })
  @Column({ type: 'int', nullable: true })
  assigneeId!: number | null;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  assignee?: StaffMember | null;

  @Field(() => RouteReason, { nullable: true, description: 'Why the current owner was chosen.' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  routeReason!: RouteReason | null;

  @Field(() => RouteFallback, { nullable: true, description: "Why routing fell back from the category's role, if it did." })
  @Column({ type: 'varchar', length: 40, nullable: true })
  routeFallback!: RouteFallback | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The last working day to resolve it by; null until classified; paused while suspended.',
  })
  @Column({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was suspended, while it is.' })
  @Column({ type: 'date', nullable: true })
  suspendedOn!: string | null;

  @Field(() => Int, { description: 'Working days spent suspended, added to the due time.' })
  @Column({ type: 'int', default: 0 })
  suspendedWorkingDays!: number;

  @Field(() => Int, { description: '0: not escalated; 1: to the coordinator post; 2: to the district.' })
  @Column({ type: 'int', default: 0 })
  escalationLevel!: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the owner was last reminded of the due date.' })
  @Column({ type: 'date', nullable: true })
  remindedOn!: string | null;

  @Field(() => Int, { nullable: true, description: "The resident's satisfaction at closure, 1–5." })
  @Column({ type: 'int', nullable: true })
  satisfaction!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectReason!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ type: 'date', nullable: true })
  resolvedOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Field(() => ID, { nullable: true, description: 'The visit it was raised at.' })
  @Column({ type: 'int', nullable: true })
  visitId!: number | null;

  @ManyToOne(() => Visit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  visit?: Visit | null;

  /** The day the record was read (today): nested fields answer for it. */
  asOf?: string;
}

/**
 * One entry of an affair's timeline: its acceptance, each transition, each
 * routing decision (with its reason), each escalation and reminder, with who
 * acted, when, and their note. Never changed once written.
 */
@ObjectType({ description: "An entry of an affair's timeline." })
@Entity()
@Index(['affairId', 'id'])
export class AffairEvent {
  @Field(() => ID)
  @Column({ primary: true, type: 'int', generated: 'identity', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Field(() => ID)
  @Column()
  affairId!: number;

  @ManyToOne(() => Affair, { onDelete: 'CASCADE' })
  @JoinColumn()
  affair?: Affair;

  @Field()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Field(() => LocalDateResolver, { description: "The day it happened by the product's clock." })
  @Column({ type: 'date' })
  day!: string;

  @Field(() => AffairEventKind)
  @Column({ type: 'varchar', length: 20 })
  kind!: AffairEventKind;

  @Field(() => AffairTransition, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  transition!: AffairTransition | null;

  @Field(() => AffairStatus, { nullable: true })
  @Column({ type: 'enum', enum: AffairStatus, enumName: 'affair_status', nullable: true })
  fromStatus!: AffairStatus | null;

  @Field(() => AffairStatus, { nullable: true })
  @Column({ type: 'enum', enum: AffairStatus, enumName: 'affair_status', nullable: true })
  toStatus!: AffairStatus | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  actorAccountId!: number | null;

  @Field({ description: 'Username of who acted, or "system" for scheduled work.' })
  @Column({ length: 100 })
  actorName!: string;

  @Field()
  @Column({ length: 1000, default: '' })
  note!: string;

  @Field(() => ID, { nullable: true, description: 'The owner after this entry.' })
  @Column({ type: 'int', nullable: true })
  assigneeId!: number | null;

  @Field(() => RouteReason, { nullable: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  routeReason!: RouteReason | null;

  @Field(() => RouteFallback, { nullable: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  routeFallback!: RouteFallback | null;

  @Field(() => Int, { nullable: true, description: 'Escalations: the level reached.' })
  @Column({ type: 'int', nullable: true })
  escalationLevel!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  correlationId!: string | null;
}

/** A door-to-door visit of a grid member to a household. */
@ObjectType({ description: 'A door-to-door visit: grid member, household, day, purpose, findings and whether it needs a follow-up.' })
@Entity()
@Index(['householdId', 'visitedOn'])
@Index(['gridId', 'visitedOn'])
export class Visit extends BaseEntity {
  @Field(() => ID, { description: 'The grid member who visited.' })
  @Index()
  @Column()
  staffMemberId!: number;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn()
  staffMember?: StaffMember;

  @Field(() => ID)
  @Column()
  householdId!: number;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn()
  household?: Household;

  @Field(() => ID, { description: "The household's grid on the day of the visit." })
  @Column()
  gridId!: number;

  @ManyToOne(() => Grid, { onDelete: 'RESTRICT' })
  @JoinColumn()
  grid?: Grid;

  @Field(() => ID)
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn()
  community?: Community;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  visitedOn!: string;

  @Field(() => VisitPurpose)
  @Column({ type: 'enum', enum: VisitPurpose, enumName: 'visit_purpose' })
  purpose!: VisitPurpose;

  @Field()
  @Column({ length: 2000, default: '' })
  findings!: string;

  @Field()
  @Column({ default: false })
  followUp!: boolean;

  asOf?: string;
}

declareScope(Affair, { kind: 'located', communityColumn: 'community_id', gridColumn: 'grid_id' });
declareScope(Visit, { kind: 'located', communityColumn: 'community_id', gridColumn: 'grid_id' });
