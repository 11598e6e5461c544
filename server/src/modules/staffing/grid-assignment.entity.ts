import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { registerPeriod } from '../../core/dated';
import { PeriodEntity } from '../../core/period.entity';
import { declareScope } from '../../core/scope';
import { Grid } from '../grid/grid.entity';
import { StaffMember } from '../staff-member/staff-member.entity';

/** A member of staff serving a grid as one of its (two) grid members, for a period. */
@ObjectType({ description: "A grid member's assignment to a grid, from the first to the last day." })
@Entity()
@Exclusion('grid_assignment_once_per_grid', 'USING gist ("grid_id" WITH =, "staff_member_id" WITH =, "valid" WITH &&)')
export class GridAssignment extends PeriodEntity {
  @Field(() => ID)
  @Index()
  @Column()
  gridId!: number;

  @ManyToOne(() => Grid, { onDelete: 'RESTRICT' })
  @JoinColumn()
  grid?: Grid;

  @Field(() => ID)
  @Index()
  @Column()
  staffMemberId!: number;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn()
  staffMember?: StaffMember;
}

registerPeriod(GridAssignment);
// In reach where its grid is on the day read: placed in the tree like a household, by its grid_id.
declareScope(GridAssignment, { kind: 'member', level: 'household' });
