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

  /**
   * The same record of many rows (e.g. each resident a lookup shows) in one statement; with `search`, the same
   * statement first records the search itself (under its own entity type, entity id 0: it names nobody).
   */
  async recordMany(
    ctx: RequestContext,
    operation: AuditOperation,
    entityType: string,
    entityIds: number[],
    changes: AuditChanges,
    search?: { entityType: string; changes: AuditChanges },
  ): Promise<void> {
    if (!entityIds.length && !search) return;
    if (search) ctx.written.push({ operation, entityType: search.entityType, entityId: 0, changes: search.changes });
    for (const entityId of entityIds) ctx.written.push({ operation, entityType, entityId, changes });
    await ctx.em.query(
      `INSERT INTO audit_event (actor_id, actor_name, operation, entity_type, entity_id, changes, correlation_id)
      SELECT $1, $2, $3, t.entity_type, t.id, t.changes, $7 FROM (
        SELECT 0 AS n, $8::varchar AS entity_type, 0 AS id, $9::jsonb AS changes WHERE $8::varchar IS NOT NULL
        UNION ALL
        SELECT s.n, $4::varchar, s.id, $6::jsonb FROM unnest($5::int[]) WITH ORDINALITY AS s(id, n)
      ) t ORDER BY t.n`,
      [
        ctx.actor.id,
        ctx.actor.name,
        operation,
        entityType,
        entityIds,
        JSON.stringify(changes),
        ctx.correlationId,
        search?.entityType ?? null,
        search ? JSON.stringify(search.changes) : null,
      ],
    );
  }

  findList(ctx: RequestContext, options?: ListOptions): Promise<ListResult<AuditEvent>> {
    // Newest first unless asked otherwise.
    const sort = options?.sort?.length ? options.sort : [{ field: 'occurredAt', order: SortOrder.DESC }];
    return findList(ctx, AuditEvent, { ...options, sort }, { searchColumns: ['entityType', 'actorName'] }, { asOf: ctx.today });
  }
}

export const auditService = new AuditService();
