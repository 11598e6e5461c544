import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Community } from '../community/community.entity';

export interface GeoJsonGeometry {
  type: string;
  coordinates: unknown;
}

@ObjectType({ description: 'A grid: part of a community served door to door by two grid members.' })
@Entity()
@Index(['communityId', 'code'], { unique: true })
export class Grid extends BaseEntity {
  @Field(() => ID)
  @Index()
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn()
  community?: Community;

  @Field({ description: 'Unique within the community, e.g. "G03".' })
  @Column({ length: 20 })
  code!: string;

  @Field()
  @Index()
  @Column({ length: 100 })
  name!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'GeoJSON Polygon or MultiPolygon (longitude, latitude).' })
  @Column({ type: 'jsonb', nullable: true })
  boundary!: GeoJsonGeometry | null;
}
