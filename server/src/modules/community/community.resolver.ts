import { Permission } from '@community-grid/shared';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CrudResolver } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { District } from '../district/district.entity';
import { Grid } from '../grid/grid.entity';
import { Office } from '../office/office.entity';
import { ServiceWindow } from '../service-window/service-window.entity';
import { StaffMember } from '../staff-member/staff-member.entity';
import { countUnder } from '../structure/structure-counts';
import { Community } from './community.entity';
import { CommunityList, CommunityListOptions, CreateCommunityInput, UpdateCommunityInput } from './community.inputs';
import { lineageLoaders } from './community.lineage';
import { communityService } from './community.service';

@Resolver(() => Community)
export class CommunityResolver extends CrudResolver({
  entity: Community, name: 'Community', plural: 'communities', list: CommunityList, listOptions: CommunityListOptions,
  createInput: CreateCommunityInput, updateInput: UpdateCommunityInput, service: communityService,
  permissions: { read: Permission.READ_STRUCTURE, write: Permission.WRITE_STRUCTURE },
}) {
  @FieldResolver(() => District)
  district(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(District).load(community.districtId);
  }

  @FieldResolver(() => [Office], { description: 'Offices whose territory this community took over.' })
  predecessorOffices(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return lineageLoaders(ctx).predecessors.load(community.id);
  }

  @FieldResolver(() => [Grid])
  grids(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(Grid, 'communityId', 'code').load(community.id);
  }

  @FieldResolver(() => [ServiceWindow])
  serviceWindows(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(ServiceWindow, 'communityId', 'name').load(community.id);
  }

  @FieldResolver(() => [StaffMember], { description: 'Staff whose home community this is.' })
  staffMembers(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(StaffMember, 'homeCommunityId', 'name').load(community.id);
  }

  @FieldResolver(() => Int)
  gridCount(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'grid', 'community').load(community.id);
  }

  @FieldResolver(() => Int)
  householdCount(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'household', 'community').load(community.id);
  }

  @FieldResolver(() => Int)
  residentCount(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'resident', 'community').load(community.id);
  }
}
