import { FindOptionsWhere, Not, ObjectLiteral } from 'typeorm';
import type { ClassType } from 'type-graphql';
import { ConflictReason } from '@community-grid/shared';
import { AuditOperation } from '../modules/audit/audit-event.entity';
import { auditService, diff } from '../modules/audit/audit.service';
import type { BaseEntity } from './base.entity';
import { ConflictError, FieldProblems, NotFoundError } from './errors';
import { findList, ListQueryConfig, parseId } from './list/list-query-builder';
import type { ListOptions, ListResult } from './list/list-options';
import type { RequestContext } from './request-context';

export interface Dependant {
  entity: ClassType<ObjectLiteral>;
  foreignKey: string;
  /** Plural noun for the message, e.g. "grids". */
  label: string;
}

export interface CrudConfig<T extends object> extends ListQueryConfig<T> {
  entity: ClassType<T>;
  /** Singular noun used in messages, e.g. "Community". */
  label: string;
  /** Input fields holding ids of other records, and what they must point at. */
  references?: Record<string, { entity: ClassType<ObjectLiteral>; label: string }>;
  /** Records that block deletion while they point at this one. */
  dependants?: Dependant[];
}

export interface UpdateInput {
  id: string;
  version: number;
}

type Values = Record<string, unknown>;

/**
 * Reads and writes one entity with the rules every entity shares: missing
 * records are NOT_FOUND, references must exist, updates carry the version
 * they were based on (stale ones are a CONFLICT), and deletion is refused
 * while dependants exist. Domain services add their own rules in `validate`.
 */
export abstract class CrudService<T extends BaseEntity, C extends object, U extends UpdateInput> {
  protected constructor(protected readonly config: CrudConfig<T>) {}

  async findOne(ctx: RequestContext, rawId: string | number): Promise<T> {
    const id = parseId(rawId);
    const found = id === null ? null
      : await ctx.scope.apply(ctx.em.createQueryBuilder(this.config.entity, 'e').where('e.id = :id', { id })).getOne();
    if (!found) throw new NotFoundError(this.config.label, rawId);
    return found;
  }

  findList(ctx: RequestContext, options?: ListOptions): Promise<ListResult<T>> {
    return findList(ctx.em, this.config.entity, options, this.config, ctx.scope);
  }

  async create(ctx: RequestContext, input: C): Promise<T> {
    const problems = new FieldProblems();
    const values = await this.toValues(ctx, input as Values, problems);
    problems.throwIfAny();
    await this.validate(ctx, values as Partial<T>, problems, undefined);
    ctx.scope.checkWrite(this.config.entity.name, values, problems);
    problems.throwIfAny();
    const { identifiers } = await ctx.em.insert(this.config.entity, this.columnValues(ctx, values) as never);
    const id = identifiers[0].id as number;
    await this.afterWrite(ctx, id, values, undefined);
    const created = await this.findOne(ctx, id);
    await this.audit(ctx, AuditOperation.CREATE, id, undefined, await this.snapshot(ctx, created));
    return created;
  }

  async update(ctx: RequestContext, input: U): Promise<T> {
    const existing = await this.findOne(ctx, input.id);
    const before = await this.snapshot(ctx, existing);
    this.assertCurrent(existing, input.version);
    const { id: _id, version: _version, ...changes } = input as Values;
    const problems = new FieldProblems();
    const values = await this.toValues(ctx, changes, problems);
    problems.throwIfAny();
    await this.validate(ctx, { ...existing, ...values } as Partial<T>, problems, existing);
    ctx.scope.checkWrite(this.config.entity.name, { ...existing, ...values }, problems);
    problems.throwIfAny();
    const columns = this.columnValues(ctx, values);
    if (Object.keys(columns).length) {
      // The version check is repeated in SQL so that two racing updates cannot both win.
      const result = await ctx.em.createQueryBuilder().update(this.config.entity)
        .set(columns as never)
        .where('id = :id AND version = :version', { id: existing.id, version: input.version })
        .execute();
      if (result.affected !== 1) this.assertCurrent(existing, -1);
    }
    await this.afterWrite(ctx, existing.id, values, existing);
    const updated = await this.findOne(ctx, existing.id);
    await this.audit(ctx, AuditOperation.UPDATE, existing.id, before, await this.snapshot(ctx, updated));
    return updated;
  }

  async delete(ctx: RequestContext, rawId: string): Promise<T> {
    const existing = await this.findOne(ctx, rawId);
    for (const dependant of this.config.dependants ?? []) {
      const count = await ctx.em.count(dependant.entity, { where: { [dependant.foreignKey]: existing.id } });
      if (count > 0) {
        throw new ConflictError(ConflictReason.HAS_DEPENDANTS,
          `${this.config.label} ${existing.id} still has ${count} ${dependant.label}; move or delete them first`);
      }
    }
    await this.beforeDelete(ctx, existing);
    const before = await this.snapshot(ctx, existing);
    await ctx.em.delete(this.config.entity, existing.id);
    await this.audit(ctx, AuditOperation.DELETE, existing.id, before, undefined);
    return existing;
  }

  /** Domain rules over the record as it would be after the write; add problems, do not throw. */
  protected async validate(_ctx: RequestContext, _candidate: Partial<T>, _problems: FieldProblems, _existing: T | undefined): Promise<void> {}

  /** Writes what is not a column of this entity (links in join tables). */
  protected async afterWrite(_ctx: RequestContext, _id: number, _values: Values, _existing: T | undefined): Promise<void> {}

  /** Whether another record than `existing` already has these values (for unique fields). */
  protected async taken(ctx: RequestContext, where: FindOptionsWhere<T>, existing: T | undefined): Promise<boolean> {
    if (Object.values(where).some((value) => value === undefined || value === null)) return false;
    return ctx.em.exists(this.config.entity, { where: existing ? { ...where, id: Not(existing.id) } : where });
  }

  /** The record as the audit trail sees it; services add what lives outside its columns (links). */
  protected async snapshot(_ctx: RequestContext, record: T): Promise<ObjectLiteral> {
    return record;
  }

  private audit(ctx: RequestContext, operation: AuditOperation, id: number, before: ObjectLiteral | undefined, after: ObjectLiteral | undefined) {
    return auditService.record(ctx, operation, this.config.entity.name, id, diff(before, after));
  }

  protected async beforeDelete(_ctx: RequestContext, _existing: T): Promise<void> {}

  protected assertCurrent(existing: T, version: number): void {
    if (existing.version !== version) {
      throw new ConflictError(ConflictReason.STALE_VERSION,
        `${this.config.label} ${existing.id} was changed by someone else (now version ${existing.version}); reload it and apply your change again`);
    }
  }

  /** Turns id strings into numbers, checks that referenced records exist, and refuses null for required columns. */
  private async toValues(ctx: RequestContext, input: Values, problems: FieldProblems): Promise<Values> {
    const values: Values = {};
    const metadata = ctx.em.getRepository(this.config.entity).metadata;
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      const column = metadata.findColumnWithPropertyName(key);
      if (value === null && column && !column.isNullable) {
        problems.add(key, 'is required');
        continue;
      }
      const reference = this.config.references?.[key];
      if (!reference || value === null) {
        values[key] = value;
        continue;
      }
      const ids = (Array.isArray(value) ? value : [value]).map((raw) => ({ raw, id: parseId(raw) }));
      const invalid = ids.find((entry) => entry.id === null);
      if (invalid) {
        problems.add(key, `"${String(invalid.raw)}" is not a valid id`);
        continue;
      }
      const wanted = [...new Set(ids.map((entry) => entry.id as number))];
      // Records out of the caller's reach do not exist for them.
      const found = await ctx.scope.apply(ctx.em.createQueryBuilder(reference.entity, 'r')
        .select('r.id', 'id').where('r.id = ANY(:wanted)', { wanted })).getRawMany<{ id: number }>();
      const missing = wanted.filter((id) => !found.some((row) => row.id === id));
      if (missing.length) problems.add(key, `${reference.label} ${missing.join(', ')} does not exist`);
      values[key] = Array.isArray(value) ? wanted : wanted[0];
    }
    return values;
  }

  /** The values that are columns of this entity; the rest (e.g. `predecessorOfficeIds`) is for `afterWrite`. */
  private columnValues(ctx: RequestContext, values: Values): Values {
    const metadata = ctx.em.getRepository(this.config.entity).metadata;
    return Object.fromEntries(Object.entries(values).filter(([key]) => metadata.findColumnWithPropertyName(key)));
  }
}
