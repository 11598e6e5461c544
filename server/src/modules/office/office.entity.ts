import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { District } from '../district/district.entity';

@ObjectType({ description: 'A sub-district office; the reform withdrew them and gave their territory to new communities.' })
@Entity()
export class Office extends BaseEntity {
  @Field(() => ID)
  @Index()
  @Column()
  districtId!: number;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn()
  district?: District;

  @Field()
  @Index()
  @Column({ length: 100 })
  name!: string;

  @Field()
  @Column({ length: 100 })
  nameEn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the office stopped operating; null while it operates.' })
  @Column({ type: 'date', nullable: true })
  withdrawnOn!: string | null;
}
