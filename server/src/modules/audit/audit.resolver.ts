import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { maskIdNumber, maskPhone } from '@community-grid/shared';
import { Permission } from '@community-grid/shared';
import { Allow } from '../../core/access';
import type { ListOptions, ListResult } from '../../core/list/list-options';
import type { RequestContext } from '../../core/request-context';
import { AuditEvent } from './audit-event.entity';
import { AuditEventList, AuditEventListOptions } from './audit.inputs';
import { auditService } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventList, { description: 'Every write, newest first unless sorted otherwise.' })
  @Allow(Permission.READ_AUDIT)
  auditEvents(@Ctx() ctx: RequestContext, @Arg('options', () => AuditEventListOptions, { nullable: true }) options?: ListOptions): Promise<ListResult<AuditEvent>> {
    return auditService.findList(ctx, options);
  }

  /** The trail keeps what was written; personal data in it is shown masked like everywhere else. */
  @FieldResolver(() => GraphQLJSONObject)
  changes(@Root() event: AuditEvent) {
    const masked = { ...event.changes };
    for (const [field, mask] of [['idNumber', maskIdNumber], ['phone', maskPhone]] as const) {
      const change = masked[field];
      if (change && event.entityType === 'Resident') {
        masked[field] = { before: mask(change.before as string | null), after: mask(change.after as string | null) };
      }
    }
    return masked;
  }
}
