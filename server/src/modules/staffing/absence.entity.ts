import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AbsenceReason } from '@community-grid/shared';
import { registerPeriod } from '../../core/dated';
import { PeriodEntity } from '../../core/period.entity';
import { declareScope } from '../../core/scope';
import { StaffMember } from '../staff-member/staff-member.entity';

registerEnumType(AbsenceReason, { name: 'AbsenceReason' });

/** A member of staff away from the first to the last day: B covers their posts, their grids may show a gap. */
@ObjectType({ description: 'A member of staff away (leave, training, field work, sick), from the first to the last day.' })
@Entity()
@Exclusion('absence_one_at_a_time', 'USING gist ("staff_member_id" WITH =, "valid" WITH &&)')
export class Absence extends PeriodEntity {
  @Field(() => ID)
  @Index()
  @Column()
  staffMemberId!: number;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn()
  staffMember?: StaffMember;

  @Field(() => AbsenceReason)
  @Column({ type: 'enum', enum: AbsenceReason, enumName: 'absence_reason' })
  reason!: AbsenceReason;

  @Field()
  @Column({ length: 200, default: '' })
  note!: string;
}

registerPeriod(Absence);
declareScope(Absence, { kind: 'staff', column: 'staff_member_id' });
