import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Community } from '../community/community.entity';
import { declareScope } from '../../core/scope';

@ObjectType({ description: 'A member of staff: grid member, window staff, specialist or coordinator.' })
@Entity()
@Index('staff_member_name_trgm', { synchronize: false })
export class StaffMember extends BaseEntity {
  @Field()
  @Column({ length: 50 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Field(() => ID, { nullable: true, description: 'The community the member mainly works in.' })
  @Index()
  @Column({ nullable: true })
  homeCommunityId!: number | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  homeCommunity?: Community | null;

  @Field()
  @Index()
  @Column({ default: true })
  active!: boolean;
}

declareScope(StaffMember, { kind: 'community', column: 'home_community_id' });
