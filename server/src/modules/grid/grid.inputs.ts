import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Input, InputMode, Text, UpdateInputType } from '../../core/inputs';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { IdOperators, StringOperators } from '../../core/list/operators';
import { GeoJsonGeometry, Grid } from './grid.entity';

function GridFields(mode: InputMode) {
  @InputType(`GridFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => ID) communityId!: string;
    @Input(mode, () => String, { description: 'Unique within the community.' }) @Text(20) code!: string;
    @Input(mode, () => String) @Text(100) name!: string;
    @Input(mode, () => GraphQLJSONObject, { optional: true, description: 'GeoJSON Polygon or MultiPolygon.' })
    boundary?: GeoJsonGeometry | null;
  }
  return Fields;
}

@InputType() export class CreateGridInput extends GridFields('create') {}
@InputType() export class UpdateGridInput extends UpdateInputType(GridFields('update')) {}

@InputType()
export class GridFilter extends BaseFilter {
  @Field({ nullable: true }) communityId?: IdOperators;
  @Field({ nullable: true }) code?: StringOperators;
  @Field({ nullable: true }) name?: StringOperators;
}

export enum GridSortField { code = 'code', name = 'name', communityId = 'communityId', createdAt = 'createdAt' }
registerEnumType(GridSortField, { name: 'GridSortField' });

export const GridListOptions = ListOptionsType('Grid', GridFilter, GridSortField);
export const GridList = PaginatedType('Grid', Grid);
