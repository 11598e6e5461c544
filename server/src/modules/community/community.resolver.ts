import type { GraphQLResolveInfo } from 'graphql';
import { ResidentTag } from '@community-grid/shared';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { AS_OF, DatedCrudResolver, dayOf, parentOn } from '../../core/crud.resolver';
import type { ListOptions } from '../../core/list/list-options';
import { listFields, recordFields } from '../../core/list/columns';
import { Reads } from '../../core/reads';
import type { RequestContext } from '../../core/request-context';
import { District } from '../district/district.entity';
import { Grid } from '../grid/grid.entity';
import { GridList, GridListOptions } from '../grid/grid.inputs';
import { gridService } from '../grid/grid.service';
import { Office } from '../office/office.entity';
import { ServiceWindow } from '../service-window/service-window.entity';
import { ServiceWindowList, ServiceWindowListOptions } from '../service-window/service-window.inputs';
import { serviceWindowService } from '../service-window/service-window.service';
import { StaffMember } from '../staff-member/staff-member.entity';
import { StaffMemberList, StaffMemberListOptions } from '../staff-member/staff-member.inputs';
import { staffMemberService } from '../staff-member/staff-member.service';
import { countUnder, TAGGED } from '../structure/structure-counts';
import { Community } from './community.entity';
import { ChangeCommunityInput, CommunityList, CommunityListOptions, CreateCommunityInput, UpdateCommunityInput } from './community.inputs';
import { lineageLoaders } from './community.lineage';
import { communityService } from './community.service';

const asOfArg = () => Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF });

@Resolver(() => Community)
export class CommunityResolver extends DatedCrudResolver({
  entity: Community,
  name: 'Community',
  plural: 'communities',
  list: CommunityList,
  listOptions: CommunityListOptions,
  createInput: CreateCommunityInput,
  updateInput: UpdateCommunityInput,
  changeInput: ChangeCommunityInput,
  service: communityService,
  resource: 'communities',
  changeDescription: 'Renames the community, gives it a new code, or changes its office.',
}) {
  @FieldResolver(() => District)
  @Reads('districtId')
  district(@Root() community: Community, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @asOfArg() asOf?: string) {
    return ctx.loaders.byId(District, dayOf(ctx, community, asOf), recordFields(ctx.em, info, District)).load(community.districtId);
  }

  @FieldResolver(() => Office, { nullable: true, description: 'The sub-district office the community belonged to on the day, if any.' })
  @Reads('officeId')
  office(@Root() community: Community, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @asOfArg() asOf?: string) {
    return parentOn(ctx, Community, community, asOf, Office, 'officeId', info);
  }

  @FieldResolver(() => [Office], { description: 'Lineage: offices whose territory this community took over (each as of its last day).' })
  @Reads()
  predecessorOffices(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return lineageLoaders(ctx).predecessorOffices.load(community.id);
  }

  @FieldResolver(() => [Community], {
    description: 'Lineage: communities whose territory this community took over (each as of its last day).',
  })
  @Reads()
  predecessorCommunities(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return lineageLoaders(ctx).predecessorCommunities.load(community.id);
  }

  @FieldResolver(() => [Community], {
    description: "Lineage: communities that took over this community's territory (each as of its first day).",
  })
  @Reads()
  successorCommunities(@Root() community: Community, @Ctx() ctx: RequestContext) {
    return lineageLoaders(ctx).successorsOfCommunity.load(community.id);
  }

  @FieldResolver(() => GridList, { description: 'Grids of the community on the day.' })
  @Reads()
  grids(
    @Root() community: Community,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('options', () => GridListOptions, { nullable: true }) options?: ListOptions,
    @asOfArg() asOf?: string,
  ) {
    return ctx.loaders
      .page(Grid, '"v"."community_id"', gridService.listConfig, options, {
        asOf: dayOf(ctx, community, asOf),
        fields: listFields(ctx.em, info, Grid),
      })
      .load(community.id);
  }

  @FieldResolver(() => ServiceWindowList)
  @Reads()
  serviceWindows(
    @Root() community: Community,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('options', () => ServiceWindowListOptions, { nullable: true }) options?: ListOptions,
    @asOfArg() asOf?: string,
  ) {
    return ctx.loaders
      .page(ServiceWindow, '"e"."community_id"', serviceWindowService.listConfig, options, {
        asOf: dayOf(ctx, community, asOf),
        fields: listFields(ctx.em, info, ServiceWindow),
      })
      .load(community.id);
  }

  @FieldResolver(() => StaffMemberList, { description: 'Staff whose home community this is.' })
  @Reads()
  staffMembers(
    @Root() community: Community,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('options', () => StaffMemberListOptions, { nullable: true }) options?: ListOptions,
    @asOfArg() asOf?: string,
  ) {
    return ctx.loaders
      .page(StaffMember, '"e"."home_community_id"', staffMemberService.listConfig, options, {
        asOf: dayOf(ctx, community, asOf),
        fields: listFields(ctx.em, info, StaffMember),
      })
      .load(community.id);
  }

  @FieldResolver(() => Int)
  @Reads()
  gridCount(@Root() community: Community, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string) {
    return countUnder(ctx, 'grid', 'community', dayOf(ctx, community, asOf)).load(community.id);
  }

  @FieldResolver(() => Int)
  @Reads()
  householdCount(@Root() community: Community, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string) {
    return countUnder(ctx, 'household', 'community', dayOf(ctx, community, asOf)).load(community.id);
  }

  @FieldResolver(() => Int)
  @Reads()
  residentCount(
    @Root() community: Community,
    @Ctx() ctx: RequestContext,
    @asOfArg() asOf?: string,
    @Arg('tag', () => ResidentTag, { nullable: true, description: TAGGED }) tag?: ResidentTag,
  ) {
    return countUnder(ctx, 'resident', 'community', dayOf(ctx, community, asOf), tag ?? undefined).load(community.id);
  }
}
