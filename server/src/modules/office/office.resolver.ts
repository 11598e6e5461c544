import type { GraphQLResolveInfo } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { AS_OF, DatedCrudResolver, dayOf } from '../../core/crud.resolver';
import type { ListOptions } from '../../core/list/list-options';
import { listFields, recordFields } from '../../core/list/columns';
import { Reads } from '../../core/reads';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { CommunityList, CommunityListOptions } from '../community/community.inputs';
import { lineageLoaders } from '../community/community.lineage';
import { communityService } from '../community/community.service';
import { District } from '../district/district.entity';
import { Office } from './office.entity';
import { ChangeOfficeInput, CreateOfficeInput, OfficeList, OfficeListOptions, UpdateOfficeInput } from './office.inputs';
import { officeService } from './office.service';

const asOfArg = () => Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF });

@Resolver(() => Office)
export class OfficeResolver extends DatedCrudResolver({
  entity: Office,
  name: 'Office',
  plural: 'offices',
  list: OfficeList,
  listOptions: OfficeListOptions,
  createInput: CreateOfficeInput,
  updateInput: UpdateOfficeInput,
  changeInput: ChangeOfficeInput,
  service: officeService,
  resource: 'offices',
  changeDescription: 'Renames the office.',
}) {
  @FieldResolver(() => District)
  @Reads('districtId')
  district(@Root() office: Office, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @asOfArg() asOf?: string) {
    return ctx.loaders.byId(District, dayOf(ctx, office, asOf), recordFields(ctx.em, info, District)).load(office.districtId);
  }

  @FieldResolver(() => CommunityList, { description: 'Communities that belonged to the office on the day.' })
  @Reads()
  communities(
    @Root() office: Office,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('options', () => CommunityListOptions, { nullable: true }) options?: ListOptions,
    @asOfArg() asOf?: string,
  ) {
    return ctx.loaders
      .page(Community, '"v"."office_id"', communityService.listConfig, options, {
        asOf: dayOf(ctx, office, asOf),
        fields: listFields(ctx.em, info, Community),
      })
      .load(office.id);
  }

  @FieldResolver(() => [Community], {
    description: 'Lineage: communities that took over territory of this office (each as of its first day).',
  })
  @Reads()
  successorCommunities(@Root() office: Office, @Ctx() ctx: RequestContext) {
    return lineageLoaders(ctx).successorsOfOffice.load(office.id);
  }
}
