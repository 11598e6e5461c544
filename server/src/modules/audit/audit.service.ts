import type { ObjectLiteral } from 'typeorm';
import { findList } from '../../core/list/list-query-builder';
import { SortOrder } from '../../core/list/operators';
import type { ListOptions, ListResult } from '../../core/list/list-options';
import type { RequestContext } from '../../core/request-context';
import { AuditChanges, AuditEvent, AuditOperation } from './audit-event.entity';

/** Bookkeeping columns every record has; they change on every write and say nothing about it. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'version', 'asOf', 'versionRowId', 'versionValid']);

const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/** The fields whose values differ between two versions of a record (either may be absent). */
export function diff(before: ObjectLiteral | undefined, after: ObjectLiteral | undefined): AuditChanges {
  const changes: AuditChanges = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    const was = comparable(before?.[field]);
    const now = comparable(after?.[field]);
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[field] = { before: was, after: now };
  }
  return changes;
}

export class AuditService {
  /** Records a write through the request's manager, so it commits or rolls back with the write itself. */
  async record(ctx: RequestContext, operation: AuditOperation, entityType: string, entityId: number, changes: AuditChanges): Promise<void> {
    ctx.written.push({ operation, entityType, entityId, changes });
    await ctx.em.insert(AuditEvent, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      operation,
      entityType,
      entityId,
      changes: changes as never,
      correlationId: ctx.correlationId,
    });
  }

  /** The same record of many rows (e.g. every resident a lookup found) in one statement. */
  async recordMany(
    ctx: RequestContext,
    operation: AuditOperation,
    entityType: string,
    entityIds: number[],
    changes: AuditChanges,
  ): Promise<void> {
    if (!entityIds.length) return;
    for (const entityId of entityIds) ctx.written.push({ operation, entityType, entityId, changes });
    await ctx.em.query(
      `INSERT INTO audit_event (actor_id, actor_name, operation, entity_type, entity_id, changes, correlation_id)
      SELECT $1, $2, $3, $4, id, $6::jsonb, $7 FROM unnest($5::int[]) AS t(id)`,
      [ctx.actor.id, ctx.actor.name, operation, entityType, entityIds, JSON.stringify(changes), ctx.correlationId],
    );
  }

  findList(ctx: RequestContext, options?: ListOptions): Promise<ListResult<AuditEvent>> {
    // Newest first unless asked otherwise.
    const sort = options?.sort?.length ? options.sort : [{ field: 'occurredAt', order: SortOrder.DESC }];
    return findList(ctx, AuditEvent, { ...options, sort }, { searchColumns: ['entityType', 'actorName'] }, { asOf: ctx.today });
  }
}

export const auditService = new AuditService();
