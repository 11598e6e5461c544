import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Permission, Role, ROLE_PERMISSIONS } from '@community-grid/shared';
import { BaseEntity } from '../../core/base.entity';
import { StaffMember } from '../staff-member/staff-member.entity';
import { declareScope } from '../../core/scope';

registerEnumType(Role, { name: 'Role' });
registerEnumType(Permission, { name: 'Permission' });

@ObjectType({ description: 'Someone who signs in: a role, and the communities or grids it reaches.' })
@Entity()
export class Account extends BaseEntity {
  @Field()
  @Index({ unique: true })
  @Column({ length: 50 })
  username!: string;

  /** scrypt hash; never leaves the server (no @Field). */
  @Column({ length: 200 })
  passwordHash!: string;

  @Field()
  @Column({ length: 100 })
  displayName!: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role!: Role;

  @Field(() => [ID], { description: 'Communities of a coordinator or window staff.' })
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  communityIds!: number[];

  @Field(() => [ID], { description: 'Grids of a grid member.' })
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  gridIds!: number[];

  @Field(() => ID, { nullable: true, description: 'The staff record of a grid member or window staff.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  staffMemberId!: number | null;

  @ManyToOne(() => StaffMember, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  staffMember?: StaffMember | null;

  @Field()
  @Column({ default: false })
  disabled!: boolean;

  @Field(() => [Permission])
  get permissions(): readonly Permission[] {
    return ROLE_PERMISSIONS[this.role] ?? [];
  }
}

declareScope(Account, { kind: 'district' });
