import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DatedEntity, registerDated, VersionRow } from '../../core/dated';
import { Community } from '../community/community.entity';
import { declareScope } from '../../core/scope';

export interface GeoJsonGeometry {
  type: string;
  coordinates: unknown;
}

@ObjectType({ description: 'A grid: part of a community served door to door by two grid members.' })
@Entity()
export class Grid extends DatedEntity {
  // Dated: from the version valid on the day read.
  @Field(() => ID, { description: 'The community the grid belonged to on the day read.' }) communityId!: number;
  @Field({ description: 'Unique among the grids valid on the same day, e.g. "C01-G03".' }) code!: string;
  @Field() name!: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'GeoJSON Polygon or MultiPolygon (longitude, latitude).' })
  boundary!: GeoJsonGeometry | null;
}

/** A grid's community, code, name and boundary over time. */
@Entity()
@Exclusion('grid_version_one_at_a_time', 'USING gist ("grid_id" WITH =, "valid" WITH &&)')
@Exclusion('grid_version_code_unique', 'USING gist ("code" WITH =, "valid" WITH &&)')
export class GridVersion extends VersionRow {
  @Index()
  @Column()
  gridId!: number;

  @ManyToOne(() => Grid, { onDelete: 'CASCADE' })
  @JoinColumn()
  grid?: Grid;

  @Index()
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn()
  community?: Community;

  @Column({ length: 20 })
  code!: string;

  @Column({ length: 100 })
  name!: string;

  @Column({ type: 'jsonb', nullable: true })
  boundary!: GeoJsonGeometry | null;
}

registerDated({ entity: Grid, version: GridVersion, key: 'gridId' });

declareScope(Grid, { kind: 'structure' });
