import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ListOptions, ListResult } from '../../core/list/list-options';
import type { RequestContext } from '../../core/request-context';
import { AuditEvent } from './audit-event.entity';
import { AuditEventList, AuditEventListOptions } from './audit.inputs';
import { auditService } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventList, { description: 'Every write, newest first unless sorted otherwise.' })
  auditEvents(@Ctx() ctx: RequestContext, @Arg('options', () => AuditEventListOptions, { nullable: true }) options?: ListOptions): Promise<ListResult<AuditEvent>> {
    return auditService.findList(ctx, options);
  }
}
