import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { ServiceWindowKind } from '../../core/graphql-enums';
import { Community } from '../community/community.entity';
import { declareScope } from '../../core/scope';

@ObjectType({ description: "A service window of a community's public service centre." })
@Entity()
@Index(['communityId', 'name'], { unique: true })
export class ServiceWindow extends BaseEntity {
  @Field(() => ID)
  @Index()
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn()
  community?: Community;

  @Field(() => ServiceWindowKind)
  @Column({ type: 'enum', enum: ServiceWindowKind, enumName: 'service_window_kind' })
  kind!: ServiceWindowKind;

  @Field()
  @Column({ length: 100 })
  name!: string;

  @Field({ description: 'Free text, e.g. "Mon-Fri 08:30-12:00, 14:30-18:00".' })
  @Column({ length: 200, default: '' })
  openingHours!: string;
}

declareScope(ServiceWindow, { kind: 'structure' });
