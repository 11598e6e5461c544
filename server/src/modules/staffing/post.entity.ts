import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PostKind, PostSlot } from '@community-grid/shared';
import { BaseEntity } from '../../core/base.entity';
import { registerPeriod } from '../../core/dated';
import { PeriodEntity } from '../../core/period.entity';
import { declareScope } from '../../core/scope';
import { Community } from '../community/community.entity';
import { ServiceWindow } from '../service-window/service-window.entity';
import { StaffMember } from '../staff-member/staff-member.entity';
import { SpecialistRole } from './specialist-role.entity';

registerEnumType(PostKind, { name: 'PostKind' });
registerEnumType(PostSlot, { name: 'PostSlot', description: 'A is responsible for the post; B covers when A is away.' });

/**
 * A place someone must be on duty for: a specialist role of a community, one
 * of its service windows, or its coordinator post. A post stays when its
 * community's template stops requiring it (its holders keep their history);
 * whether it is required on a day comes from the template adopted that day.
 */
@ObjectType({
  description: 'A post with an A and a B holder: a specialist role of a community, a service window, or the coordinator post.',
})
@Entity()
@Check(
  'post_kind_matches',
  `("kind" = 'SPECIALIST') = ("specialist_role_id" IS NOT NULL) AND ("kind" = 'WINDOW') = ("service_window_id" IS NOT NULL)`,
)
@Index('post_one_coordinator', ['communityId'], { unique: true, where: `"kind" = 'COORDINATOR'` })
@Index(['communityId', 'specialistRoleId'], { unique: true })
export class Post extends BaseEntity {
  @Field(() => ID)
  @Index()
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn()
  community?: Community;

  @Field(() => PostKind)
  @Column({ type: 'enum', enum: PostKind, enumName: 'post_kind' })
  kind!: PostKind;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  specialistRoleId!: number | null;

  @ManyToOne(() => SpecialistRole, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  specialistRole?: SpecialistRole | null;

  @Field(() => ID, { nullable: true })
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  serviceWindowId!: number | null;

  @ManyToOne(() => ServiceWindow, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  serviceWindow?: ServiceWindow | null;
}

/**
 * One person holding one slot of a post for a period. The database refuses
 * two holders of one slot at once, and one person in both slots of a post at once.
 */
@ObjectType({ description: 'A person holding the A or B slot of a post, from the first to the last day.' })
@Entity()
@Check('post_holder_slot_known', `"slot" IN ('A', 'B')`)
@Exclusion('post_holder_one_per_slot', 'USING gist ("post_id" WITH =, "slot" WITH =, "valid" WITH &&)')
@Exclusion('post_holder_a_is_not_b', 'USING gist ("post_id" WITH =, "staff_member_id" WITH =, "valid" WITH &&)')
export class PostHolder extends PeriodEntity {
  @Field(() => ID)
  @Index()
  @Column()
  postId!: number;

  @ManyToOne(() => Post, { onDelete: 'RESTRICT' })
  @JoinColumn()
  post?: Post;

  /** The post's community (a post never changes community), kept here so scope reads it from the row. */
  @Field(() => ID)
  @Index()
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn()
  community?: Community;

  @Field(() => PostSlot)
  @Column({ type: 'varchar', length: 1 })
  slot!: PostSlot;

  @Field(() => ID)
  @Index()
  @Column()
  staffMemberId!: number;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn()
  staffMember?: StaffMember;
}

registerPeriod(PostHolder);
declareScope(Post, { kind: 'community', column: 'community_id' });
declareScope(PostHolder, { kind: 'community', column: 'community_id' });

/**
 * A post whose A and B take turns: from its first day the B holder is the one
 * responsible for `everyWeeks` weeks, then the A holder again, and so on; the
 * other covers. Days are counted from the first day, so every swap day is
 * `validFrom + k × everyWeeks weeks`. One rotation per post at a time.
 */
@ObjectType({
  description: 'A and B of a post swap every N weeks: from the first day B is responsible for N weeks, then A for N weeks, and so on.',
})
@Entity()
@Check('post_rotation_weeks', '"every_weeks" BETWEEN 1 AND 52')
@Exclusion('post_rotation_one_per_post', 'USING gist ("post_id" WITH =, "valid" WITH &&)')
export class PostRotation extends PeriodEntity {
  @Field(() => ID)
  @Index()
  @Column()
  postId!: number;

  @ManyToOne(() => Post, { onDelete: 'RESTRICT' })
  @JoinColumn()
  post?: Post;

  /** The post's community, for scope (as on PostHolder). */
  @Field(() => ID)
  @Index()
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn()
  community?: Community;

  @Field(() => Int, { description: 'Weeks between two swaps (1–52).' })
  @Column({ type: 'int' })
  everyWeeks!: number;
}

registerPeriod(PostRotation);
declareScope(PostRotation, { kind: 'community', column: 'community_id' });
