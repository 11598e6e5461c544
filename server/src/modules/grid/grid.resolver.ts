import type { GraphQLResolveInfo } from 'graphql';
import { ResidentTag } from '@community-grid/shared';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { AS_OF, DatedCrudResolver, dayOf, parentOn } from '../../core/crud.resolver';
import type { ListOptions } from '../../core/list/list-options';
import { listFields } from '../../core/list/columns';
import { Reads } from '../../core/reads';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { HouseholdList, HouseholdListOptions } from '../household/household.inputs';
import { Household } from '../household/household.entity';
import { householdService } from '../household/household.service';
import { countUnder, TAGGED } from '../structure/structure-counts';
import { Grid } from './grid.entity';
import { ChangeGridInput, CreateGridInput, GridList, GridListOptions, UpdateGridInput } from './grid.inputs';
import { gridService } from './grid.service';

@Resolver(() => Grid)
export class GridResolver extends DatedCrudResolver({
  entity: Grid,
  name: 'Grid',
  plural: 'grids',
  list: GridList,
  listOptions: GridListOptions,
  createInput: CreateGridInput,
  updateInput: UpdateGridInput,
  changeInput: ChangeGridInput,
  service: gridService,
  resource: 'grids',
  changeDescription: 'Moves the grid to another community, or gives it a new code, name or boundary.',
}) {
  @FieldResolver(() => Community, { description: 'The community the grid belonged to on the day.' })
  @Reads('communityId')
  community(
    @Root() grid: Grid,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return parentOn(ctx, Grid, grid, asOf, Community, 'communityId', info);
  }

  @FieldResolver(() => HouseholdList, { description: 'Households in the grid on the day.' })
  @Reads()
  households(
    @Root() grid: Grid,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('options', () => HouseholdListOptions, { nullable: true }) options?: ListOptions,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return ctx.loaders
      .page(Household, '"v"."grid_id"', householdService.listConfig, options, {
        asOf: dayOf(ctx, grid, asOf),
        fields: listFields(ctx.em, info, Household),
      })
      .load(grid.id);
  }

  @FieldResolver(() => Int)
  @Reads()
  householdCount(
    @Root() grid: Grid,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return countUnder(ctx, 'household', 'grid', dayOf(ctx, grid, asOf)).load(grid.id);
  }

  @FieldResolver(() => Int)
  @Reads()
  residentCount(
    @Root() grid: Grid,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('tag', () => ResidentTag, { nullable: true, description: TAGGED }) tag?: ResidentTag,
  ) {
    return countUnder(ctx, 'resident', 'grid', dayOf(ctx, grid, asOf), tag ?? undefined).load(grid.id);
  }
}
