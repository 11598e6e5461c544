import { Permission } from '@community-grid/shared';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CrudResolver } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { Office } from '../office/office.entity';
import { countUnder } from '../structure/structure-counts';
import { District } from './district.entity';
import { CreateDistrictInput, DistrictList, DistrictListOptions, UpdateDistrictInput } from './district.inputs';
import { districtService } from './district.service';

@Resolver(() => District)
export class DistrictResolver extends CrudResolver({
  entity: District, name: 'District', plural: 'districts', list: DistrictList, listOptions: DistrictListOptions,
  createInput: CreateDistrictInput, updateInput: UpdateDistrictInput, service: districtService,
  permissions: { read: Permission.READ_STRUCTURE, write: Permission.WRITE_STRUCTURE },
}) {
  @FieldResolver(() => [Office])
  offices(@Root() district: District, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(Office, 'districtId', 'name').load(district.id);
  }

  @FieldResolver(() => [Community])
  communities(@Root() district: District, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(Community, 'districtId', 'name').load(district.id);
  }

  @FieldResolver(() => Int)
  communityCount(@Root() district: District, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'community', 'district').load(district.id);
  }

  @FieldResolver(() => Int)
  gridCount(@Root() district: District, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'grid', 'district').load(district.id);
  }

  @FieldResolver(() => Int)
  householdCount(@Root() district: District, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'household', 'district').load(district.id);
  }

  @FieldResolver(() => Int)
  residentCount(@Root() district: District, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'resident', 'district').load(district.id);
  }
}
