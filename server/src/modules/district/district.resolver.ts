import type { GraphQLResolveInfo } from 'graphql';
import { ResidentTag } from '@community-grid/shared';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { AS_OF, CrudResolver, dayOf } from '../../core/crud.resolver';
import type { ListOptions } from '../../core/list/list-options';
import { listFields } from '../../core/list/columns';
import { Reads } from '../../core/reads';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { CommunityList, CommunityListOptions } from '../community/community.inputs';
import { communityService } from '../community/community.service';
import { Office } from '../office/office.entity';
import { OfficeList, OfficeListOptions } from '../office/office.inputs';
import { officeService } from '../office/office.service';
import { countUnder, TAGGED } from '../structure/structure-counts';
import { District } from './district.entity';
import { CreateDistrictInput, DistrictList, DistrictListOptions, UpdateDistrictInput } from './district.inputs';
import { districtService } from './district.service';

const asOfArg = () => Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF });
type Read = District & { asOf?: string };

@Resolver(() => District)
export class DistrictResolver extends CrudResolver({
  entity: District,
  name: 'District',
  plural: 'districts',
  list: DistrictList,
  listOptions: DistrictListOptions,
  createInput: CreateDistrictInput,
  updateInput: UpdateDistrictInput,
  service: districtService,
  resource: 'districts',
}) {
  @FieldResolver(() => OfficeList, { description: 'Sub-district offices operating on the day.' })
  @Reads()
  offices(
    @Root() district: Read,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('options', () => OfficeListOptions, { nullable: true }) options?: ListOptions,
    @asOfArg() asOf?: string,
  ) {
    return ctx.loaders
      .page(Office, '"e"."district_id"', officeService.listConfig, options, {
        asOf: dayOf(ctx, district, asOf),
        fields: listFields(ctx.em, info, Office),
      })
      .load(district.id);
  }

  @FieldResolver(() => CommunityList, { description: 'Communities valid on the day.' })
  @Reads()
  communities(
    @Root() district: Read,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('options', () => CommunityListOptions, { nullable: true }) options?: ListOptions,
    @asOfArg() asOf?: string,
  ) {
    return ctx.loaders
      .page(Community, '"e"."district_id"', communityService.listConfig, options, {
        asOf: dayOf(ctx, district, asOf),
        fields: listFields(ctx.em, info, Community),
      })
      .load(district.id);
  }

  @FieldResolver(() => Int)
  @Reads()
  communityCount(@Root() district: Read, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string) {
    return countUnder(ctx, 'community', 'district', dayOf(ctx, district, asOf)).load(district.id);
  }

  @FieldResolver(() => Int)
  @Reads()
  gridCount(@Root() district: Read, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string) {
    return countUnder(ctx, 'grid', 'district', dayOf(ctx, district, asOf)).load(district.id);
  }

  @FieldResolver(() => Int)
  @Reads()
  householdCount(@Root() district: Read, @Ctx() ctx: RequestContext, @asOfArg() asOf?: string) {
    return countUnder(ctx, 'household', 'district', dayOf(ctx, district, asOf)).load(district.id);
  }

  @FieldResolver(() => Int)
  @Reads()
  residentCount(
    @Root() district: Read,
    @Ctx() ctx: RequestContext,
    @asOfArg() asOf?: string,
    @Arg('tag', () => ResidentTag, { nullable: true, description: TAGGED }) tag?: ResidentTag,
  ) {
    return countUnder(ctx, 'resident', 'district', dayOf(ctx, district, asOf), tag ?? undefined).load(district.id);
  }
}
