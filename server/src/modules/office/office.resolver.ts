import { Permission } from '@community-grid/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CrudResolver } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { District } from '../district/district.entity';
import { lineageLoaders } from '../community/community.lineage';
import { Office } from './office.entity';
import { CreateOfficeInput, OfficeList, OfficeListOptions, UpdateOfficeInput } from './office.inputs';
import { officeService } from './office.service';

@Resolver(() => Office)
export class OfficeResolver extends CrudResolver({
  entity: Office, name: 'Office', plural: 'offices', list: OfficeList, listOptions: OfficeListOptions,
  createInput: CreateOfficeInput, updateInput: UpdateOfficeInput, service: officeService,
  permissions: { read: Permission.READ_STRUCTURE, write: Permission.WRITE_STRUCTURE },
}) {
  @FieldResolver(() => District)
  district(@Root() office: Office, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(District).load(office.districtId);
  }

  @FieldResolver(() => [Community], { description: 'Communities that took over territory of this office.' })
  successorCommunities(@Root() office: Office, @Ctx() ctx: RequestContext) {
    return lineageLoaders(ctx).successors.load(office.id);
  }
}
