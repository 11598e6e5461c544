import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AS_OF, CrudResolver, dayOf } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { ServiceWindow } from './service-window.entity';
import { CreateServiceWindowInput, ServiceWindowList, ServiceWindowListOptions, UpdateServiceWindowInput } from './service-window.inputs';
import { serviceWindowService } from './service-window.service';

@Resolver(() => ServiceWindow)
export class ServiceWindowResolver extends CrudResolver({
  entity: ServiceWindow,
  name: 'ServiceWindow',
  plural: 'serviceWindows',
  list: ServiceWindowList,
  listOptions: ServiceWindowListOptions,
  createInput: CreateServiceWindowInput,
  updateInput: UpdateServiceWindowInput,
  service: serviceWindowService,
  resource: 'serviceWindows',
}) {
  @FieldResolver(() => Community)
  community(
    @Root() window: ServiceWindow & { asOf?: string },
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return ctx.loaders.byId(Community, dayOf(ctx, window, asOf)).load(window.communityId);
  }
}
