import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { District } from '../district/district.entity';
import { Office } from '../office/office.entity';

@ObjectType({ description: 'A community: runs the public service centre and divides its area into grids.' })
@Entity()
@Index(['districtId', 'name'], { unique: true })
export class Community extends BaseEntity {
  @Field(() => ID)
  @Index()
  @Column()
  districtId!: number;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn()
  district?: District;

  @Field()
  @Column({ length: 100 })
  name!: string;

  @Field()
  @Column({ length: 100 })
  nameEn!: string;

  @Field(() => LocalDateResolver)
  @Index()
  @Column({ type: 'date' })
  establishedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ type: 'date', nullable: true })
  dissolvedOn!: string | null;

  @Field()
  @Column({ length: 200, default: '' })
  address!: string;

  @Field()
  @Column({ length: 20, default: '' })
  phone!: string;

  /** Lineage: the offices whose territory this community took over. */
  @ManyToMany(() => Office, { onDelete: 'CASCADE' })
  @JoinTable({ name: 'community_predecessor_office' })
  predecessorOffices?: Office[];
}
