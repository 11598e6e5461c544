import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DatedChangeInputType, DatedCreateInputType, DatedUpdateInputType, Input, InputMode, Text } from '../../core/inputs';
import { DatedFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { IdOperators, StringOperators } from '../../core/list/operators';
import { GeoJsonGeometry, Grid } from './grid.entity';

type Mode = InputMode | 'change';

function GridFields(mode: Mode) {
  const input = mode === 'change' ? 'update' : mode;
  @InputType(`GridFields${{ create: 'ForCreate', update: 'ForUpdate', change: 'ForChange' }[mode]}`)
  class Fields {
    @Input(input, () => ID, { description: 'The community the grid belongs to (a change of it is a move).' }) communityId!: string;
    @Input(input, () => String, { description: 'Unique among the grids valid on the same day, e.g. "C01-G03".' }) @Text(20) code!: string;
    @Input(input, () => String) @Text(100) name!: string;
    @Input(input, () => GraphQLJSONObject, { optional: true, description: 'GeoJSON Polygon or MultiPolygon.' })
    boundary?: GeoJsonGeometry | null;
  }
  return Fields;
}

@InputType()
export class CreateGridInput extends DatedCreateInputType(GridFields('create')) {}
@InputType()
export class UpdateGridInput extends DatedUpdateInputType(GridFields('update')) {}
@InputType()
export class ChangeGridInput extends DatedChangeInputType('Grid', GridFields('change')) {}

@InputType()
export class GridFilter extends DatedFilter {
  @Field({ nullable: true, description: 'The community on the day read.' }) communityId?: IdOperators;
  @Field({ nullable: true }) code?: StringOperators;
  @Field({ nullable: true }) name?: StringOperators;
}

export enum GridSortField {
  code = 'code',
  name = 'name',
  communityId = 'communityId',
  createdAt = 'createdAt',
}
registerEnumType(GridSortField, { name: 'GridSortField' });

export const GridListOptions = ListOptionsType('Grid', GridFilter, GridSortField);
export const GridList = PaginatedType('Grid', Grid);
