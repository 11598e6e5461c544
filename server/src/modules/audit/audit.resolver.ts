import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ageBandOf, maskIdNumber, maskIdNumberToCity, maskPhone } from '@community-grid/shared';
import { ACCESS } from '@community-grid/shared';
import { Allow } from '../../core/access';
import type { ListOptions, ListResult } from '../../core/list/list-options';
import type { RequestContext } from '../../core/request-context';
import { AuditEvent } from './audit-event.entity';
import { AuditEventList, AuditEventListOptions } from './audit.inputs';
import { auditService } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventList, { description: 'Every write, newest first unless sorted otherwise.' })
  @Allow('auditEvents', 'list')
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Arg('options', () => AuditEventListOptions, { nullable: true }) options?: ListOptions,
  ): Promise<ListResult<AuditEvent>> {
    return auditService.findList(ctx, options);
  }

  /**
   * The trail keeps what was written; personal data in it is shown masked as
   * everywhere else, for the role reading (today only administrators, who may reveal).
   */
  @FieldResolver(() => GraphQLJSONObject)
  changes(@Root() event: AuditEvent, @Ctx() ctx: RequestContext) {
    const masked = { ...event.changes };
    if (event.entityType !== 'Resident') return masked;
    const mayReveal = ctx.can(ACCESS.residents.birthDates);
    const masks: Array<[string, (value: string | null) => string | null]> = [
      ['idNumber', mayReveal ? maskIdNumber : maskIdNumberToCity],
      ['phone', maskPhone],
      ['birthDate', (value) => (mayReveal || !value ? value : `${ageBandOf(value).bornFrom}/${ageBandOf(value).bornUntil}`)],
    ];
    for (const [field, mask] of masks) {
      const change = masked[field];
      if (change) masked[field] = { before: mask(change.before as string | null), after: mask(change.after as string | null) };
    }
    return masked;
  }
}
