import { CrudService } from '../../core/crud.service';
import { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { ServiceWindow } from './service-window.entity';
import type { CreateServiceWindowInput, UpdateServiceWindowInput } from './service-window.inputs';

export class ServiceWindowService extends CrudService<ServiceWindow, CreateServiceWindowInput, UpdateServiceWindowInput> {
  constructor() {
    super({
      entity: ServiceWindow,
      label: 'Service window',
      searchColumns: ['name'],
      references: { communityId: { entity: Community, label: 'Community' } },
    });
  }

  protected override async validate(
    ctx: RequestContext,
    window: Partial<ServiceWindow>,
    problems: FieldProblems,
    existing?: ServiceWindow,
  ): Promise<void> {
    if (await this.taken(ctx, { communityId: window.communityId, name: window.name }, existing)) {
      problems.add('name', 'is already used by another window of the community');
    }
  }
}

export const serviceWindowService = new ServiceWindowService();
