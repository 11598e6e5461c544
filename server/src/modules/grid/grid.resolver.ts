import { Permission } from '@community-grid/shared';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CrudResolver } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { Household } from '../household/household.entity';
import { countUnder } from '../structure/structure-counts';
import { Grid } from './grid.entity';
import { CreateGridInput, GridList, GridListOptions, UpdateGridInput } from './grid.inputs';
import { gridService } from './grid.service';

@Resolver(() => Grid)
export class GridResolver extends CrudResolver({
  entity: Grid, name: 'Grid', plural: 'grids', list: GridList, listOptions: GridListOptions,
  createInput: CreateGridInput, updateInput: UpdateGridInput, service: gridService,
  permissions: { read: Permission.READ_STRUCTURE, write: Permission.WRITE_STRUCTURE },
}) {
  @FieldResolver(() => Community)
  community(@Root() grid: Grid, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Community).load(grid.communityId);
  }

  @FieldResolver(() => [Household])
  households(@Root() grid: Grid, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(Household, 'gridId', 'address').load(grid.id);
  }

  @FieldResolver(() => Int)
  householdCount(@Root() grid: Grid, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'household', 'grid').load(grid.id);
  }

  @FieldResolver(() => Int)
  residentCount(@Root() grid: Grid, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'resident', 'grid').load(grid.id);
  }
}
