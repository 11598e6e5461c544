import type { ObjectLiteral } from 'typeorm';
import type { ClassType } from 'type-graphql';
import { ConflictReason } from '@community-grid/shared';
import { AuditOperation } from '../modules/audit/audit-event.entity';
import { auditService, diff } from '../modules/audit/audit.service';
import type { BaseEntity } from './base.entity';
import { datedSpec, DatedSpec } from './dated';
import { BadUserInputError, ConflictError, FieldProblems, NotFoundError } from './errors';
import { findList, hydrate, ListQueryConfig, parseId, ReadDate, readQuery } from './list/list-query-builder';
import type { ListOptions, ListResult } from './list/list-options';
import type { RequestContext } from './request-context';
import { Scope } from './scope';
import { addDays, openFrom, toRange, toValidity } from './time/validity';

export interface Dependant {
  /** SQL counting the rows that point at record `$1` (in any period of their history). */
  countSql: string;
  /** Plural noun for the message, e.g. "grids". */
  label: string;
}

export interface CrudConfig<T extends object> extends ListQueryConfig<T> {
  entity: ClassType<T>;
  /** Singular noun used in messages, e.g. "Community". */
  label: string;
  /** Input fields holding ids of other records, and what they must point at (valid on the day the write takes effect, and in reach). */
  references?: Record<string, { entity: ClassType<ObjectLiteral>; label: string; anyDay?: boolean }>;
  /** Records that block deletion while they point at this one. */
  dependants?: Dependant[];
  /** Members that block ending a unit while they still belong to it after the last day (`$1` the id, `$2` the day after the last). */
  members?: Dependant[];
}

export interface UpdateInput {
  id: string;
  version: number;
  /** For dated records: the day whose version the correction fixes (default today). */
  asOf?: string | null;
}

type Values = Record<string, unknown>;

/**
 * Reads and writes one entity with the rules every entity shares: missing
 * records are NOT_FOUND, references must exist on the day the write takes
 * effect, updates carry the version they were based on (stale ones are a
 * CONFLICT), and deletion is refused while dependants exist. For dated
 * records, creating starts the record and its first version on `validFrom`,
 * and an update is a correction: it fixes the version valid on `asOf` in
 * place, creating no history (changes with a date are moves: commands).
 * Domain services add their own rules in `validate`.
 */
export abstract class CrudService<T extends BaseEntity, C extends object, U extends UpdateInput> {
  protected constructor(protected readonly config: CrudConfig<T>) {}

  /** How lists of this entity filter and search (nested lists use it too). */
  get listConfig(): ListQueryConfig<T> {
    return this.config;
  }

  protected get spec(): DatedSpec | undefined {
    return datedSpec(this.config.entity);
  }

  /** One record as of a day (default today); a dated record outside its validity comes with its nearest version. */
  async findOne(ctx: RequestContext, rawId: string | number, asOf: string = ctx.today): Promise<T> {
    const id = parseId(rawId);
    const raws =
      id === null ? [] : await readQuery(ctx, this.config.entity, { asOf, includeEnded: true }).andWhere('e.id = :id', { id }).getRawMany();
    const [found] = await hydrate(ctx.em, this.config.entity, raws, asOf);
    if (!found) throw new NotFoundError(this.config.label, rawId);
    return found;
  }

  findList(ctx: RequestContext, options: ListOptions | undefined, read: ReadDate): Promise<ListResult<T>> {
    return findList(ctx, this.config.entity, options, this.config, read);
  }

  async create(ctx: RequestContext, input: C): Promise<T> {
    const { validFrom, ...fields } = input as Values & { validFrom?: string | null };
    const from = (validFrom as string | undefined) ?? ctx.today;
    const problems = new FieldProblems();
    const values = await this.toValues(ctx, fields, problems, from);
    problems.throwIfAny();
    await this.validate(ctx, values as Partial<T>, problems, undefined, from);
    await this.checkWrite(ctx, values as Partial<T>, problems);
    problems.throwIfAny();
    const { own, dated } = this.split(ctx, values);
    const spec = this.spec;
    await this.lockGrids(ctx, null, values);
    const { identifiers } = await ctx.em.insert(this.config.entity, (spec ? { ...own, valid: openFrom(from) } : own) as never);
    const id = identifiers[0].id as number;
    if (spec) await ctx.em.insert(spec.version, { ...dated, [spec.key]: id, valid: openFrom(from) } as never);
    await this.afterWrite(ctx, id, values, undefined);
    const created = await this.findOne(ctx, id, spec ? from : ctx.today);
    await this.audit(ctx, AuditOperation.CREATE, id, undefined, await this.snapshot(ctx, created));
    return created;
  }

  async update(ctx: RequestContext, input: U): Promise<T> {
    const { id: _id, version: _version, asOf: rawAsOf, ...changes } = input as unknown as Values & UpdateInput;
    const asOf = rawAsOf ?? ctx.today;
    const existing = await this.findOne(ctx, input.id, asOf);
    await this.requireInReachToday(ctx, existing);
    const before = await this.snapshot(ctx, existing);
    this.assertCurrent(existing, input.version);
    const values = await this.checkedChanges(ctx, changes, existing, asOf);
    const { own, dated } = this.split(ctx, values);
    // The version check is repeated in SQL so that two racing updates cannot both win; it also bumps the version.
    const result = await ctx.em
      .createQueryBuilder()
      .update(this.config.entity)
      .set({ ...own, version: () => 'version + 1' } as never)
      .where('id = :id AND version = :version', { id: existing.id, version: input.version })
      .execute();
    if (result.affected !== 1) this.assertCurrent(existing, -1);
    const spec = this.spec;
    if (spec && Object.keys(dated).length) {
      await ctx.em.update(spec.version, { id: (existing as unknown as { versionRowId: number }).versionRowId }, dated as never);
    }
    await this.afterWrite(ctx, existing.id, values, existing);
    const updated = await this.findOne(ctx, existing.id, asOf);
    await this.audit(ctx, AuditOperation.UPDATE, existing.id, before, await this.snapshot(ctx, updated));
    return updated;
  }

  /** Removes a record created by mistake; anything with history is ended instead (see the structure commands). */
  async delete(ctx: RequestContext, rawId: string): Promise<T> {
    const existing = await this.findOne(ctx, rawId);
    await this.requireInReachToday(ctx, existing);
    for (const dependant of this.config.dependants ?? []) {
      const [{ count }] = await ctx.em.query(dependant.countSql, [existing.id]);
      if (Number(count) > 0) {
        throw new ConflictError(
          ConflictReason.HAS_DEPENDANTS,
          `${this.config.label} ${existing.id} has ${count} ${dependant.label} in its history; end it instead of deleting it`,
        );
      }
    }
    await this.beforeDelete(ctx, existing);
    const before = await this.snapshot(ctx, existing);
    await ctx.em.delete(this.config.entity, existing.id);
    await this.audit(ctx, AuditOperation.DELETE, existing.id, before, undefined);
    return existing;
  }

  /**
   * A dated change (a move to another parent, a new name, code, boundary or
   * tags) from `effectiveOn`: the version valid then ends the day before and a
   * new one starts, so the past keeps its answer. It may lie in the future:
   * today is unchanged until the day comes. Refused when a later change exists.
   */
  async change(ctx: RequestContext, input: Values & { id: string; effectiveOn: string }): Promise<T> {
    const spec = this.requireDated();
    const { id: rawId, effectiveOn, ...changes } = input;
    const existing = await this.lock(ctx, rawId, effectiveOn);
    await this.requireInReachToday(ctx, existing);
    if (!(existing as unknown as { validOnAsOf: boolean }).validOnAsOf) {
      throw new BadUserInputError({ effectiveOn: `${this.config.label} ${existing.id} is not valid on ${effectiveOn}` });
    }
    const values = await this.checkedChanges(ctx, changes, existing, effectiveOn);
    const { dated } = this.split(ctx, values);
    if (!Object.keys(dated).length) throw new BadUserInputError({ input: 'names nothing to change' });
    const versionTable = ctx.em.getRepository(spec.version).metadata.tableName;
    const key = ctx.em.getRepository(spec.version).metadata.findColumnWithPropertyName(spec.key)!.databaseName;
    const [later] = await ctx.em.query(
      `SELECT lower(valid) AS day FROM ${versionTable} WHERE ${key} = $1 AND lower(valid) > $2::date ORDER BY 1 LIMIT 1`,
      [existing.id, effectiveOn],
    );
    if (later) {
      throw new ConflictError(
        ConflictReason.LATER_CHANGE,
        `${this.config.label} ${existing.id} already has a change from ${later.day}; change from that day or withdraw it first`,
      );
    }
    const current = await ctx.em.findOneByOrFail(spec.version, {
      id: (existing as unknown as { versionRowId: number }).versionRowId,
    } as never);
    const { id: _versionId, valid: _valid, ...carried } = current as unknown as Values;
    await this.lockGrids(ctx, existing.id, values);
    if (toValidity((current as unknown as { valid: string }).valid).from === effectiveOn) {
      await ctx.em.update(spec.version, { id: _versionId }, dated as never);
    } else {
      await ctx.em.query(`UPDATE ${versionTable} SET valid = daterange(lower(valid), $2::date) WHERE id = $1`, [_versionId, effectiveOn]);
      await ctx.em.insert(spec.version, {
        ...carried,
        ...dated,
        valid: toRange(effectiveOn, toValidity((existing as unknown as { valid: string }).valid).until),
      } as never);
    }
    await ctx.em.query(
      `UPDATE ${ctx.em.getRepository(this.config.entity).metadata.tableName} SET version = version + 1, updated_at = now() WHERE id = $1`,
      [existing.id],
    );
    await this.afterWrite(ctx, existing.id, values, existing);
    const after = await this.findOne(ctx, existing.id, effectiveOn);
    await this.audit(ctx, AuditOperation.UPDATE, existing.id, await this.snapshot(ctx, existing), {
      ...(await this.snapshot(ctx, after)),
      effectiveOn,
    });
    return after;
  }

  /**
   * Ends a record: `lastDay` is its last valid day. Nothing is deleted; the
   * past keeps answering. Refused while members still belong to it after that day.
   */
  async end(ctx: RequestContext, rawId: string, lastDay: string): Promise<T> {
    this.requireDated();
    const existing = await this.lock(ctx, rawId, lastDay);
    await this.requireInReachToday(ctx, existing);
    const { from, until } = toValidity((existing as unknown as { valid: string }).valid);
    if (lastDay < from) throw new BadUserInputError({ lastDay: `must not be before the first day, ${from}` });
    if (until !== null && until <= lastDay)
      throw new ConflictError(ConflictReason.ENDED, `${this.config.label} ${existing.id} already ended on ${until}`);
    const dayAfter = addDays(lastDay, 1);
    for (const member of this.config.members ?? []) {
      const [{ count }] = await ctx.em.query(member.countSql, [existing.id, dayAfter]);
      if (Number(count) > 0) {
        throw new ConflictError(
          ConflictReason.HAS_DEPENDANTS,
          `${this.config.label} ${existing.id} still has ${count} ${member.label} after ${lastDay}; move or end them first`,
        );
      }
    }
    const spec = this.requireDated();
    const versionMetadata = ctx.em.getRepository(spec.version).metadata;
    const key = versionMetadata.findColumnWithPropertyName(spec.key)!.databaseName;
    const [later] = await ctx.em.query(`SELECT 1 FROM ${versionMetadata.tableName} WHERE ${key} = $1 AND lower(valid) >= $2::date`, [
      existing.id,
      dayAfter,
    ]);
    if (later)
      throw new ConflictError(
        ConflictReason.LATER_CHANGE,
        `${this.config.label} ${existing.id} has a change after ${lastDay}; withdraw it first`,
      );
    await this.lockGrids(ctx, existing.id, {});
    await ctx.em.query(
      `UPDATE ${versionMetadata.tableName} SET valid = daterange(lower(valid), $2::date) WHERE ${key} = $1 AND upper_inf(valid)`,
      [existing.id, dayAfter],
    );
    await ctx.em.query(
      `UPDATE ${ctx.em.getRepository(this.config.entity).metadata.tableName} SET valid = daterange(lower(valid), $2::date), version = version + 1, updated_at = now() WHERE id = $1`,
      [existing.id, dayAfter],
    );
    const ended = await this.findOne(ctx, existing.id, lastDay);
    await this.audit(ctx, AuditOperation.UPDATE, existing.id, await this.snapshot(ctx, existing), await this.snapshot(ctx, ended));
    return ended;
  }

  /** Changes to an existing record as column values, once every rule holds for the record as it would be on `day`. */
  private async checkedChanges(ctx: RequestContext, changes: Values, existing: T, day: string): Promise<Values> {
    const problems = new FieldProblems();
    const values = await this.toValues(ctx, changes, problems, day);
    problems.throwIfAny();
    const candidate = { ...existing, ...values } as Partial<T>;
    await this.validate(ctx, candidate, problems, existing, day);
    await this.checkWrite(ctx, candidate, problems);
    problems.throwIfAny();
    return values;
  }

  /** Reads a record for a command, holding its row until the transaction ends so conflicting commands wait and then see the result. */
  protected async lock(ctx: RequestContext, rawId: string | number, day: string): Promise<T> {
    const id = parseId(rawId);
    if (id !== null)
      await ctx.em.query(`SELECT 1 FROM ${ctx.em.getRepository(this.config.entity).metadata.tableName} WHERE id = $1 FOR UPDATE`, [id]);
    return this.findOne(ctx, rawId, day);
  }

  private requireDated(): DatedSpec {
    const spec = this.spec;
    if (!spec) throw new Error(`${this.config.label} has no history`);
    return spec;
  }

  /** Domain rules over the record as it would be after the write; add problems, do not throw. */
  protected async validate(
    _ctx: RequestContext,
    _candidate: Partial<T>,
    _problems: FieldProblems,
    _existing: T | undefined,
    _day: string,
  ): Promise<void> {}

  /** Where a written record would land must be in the caller's reach today. */
  protected async checkWrite(_ctx: RequestContext, _candidate: Partial<T>, _problems: FieldProblems): Promise<void> {}

  /** Writes what is not a column of this entity (links in join tables). */
  protected async afterWrite(_ctx: RequestContext, _id: number, _values: Values, _existing: T | undefined): Promise<void> {}

  /**
   * Before the first write: takes, at once and in order, the grid locks the write's triggers will take statement by
   * statement (kept counts and placements), so that concurrent writers queue instead of deadlocking (WriteGridLocks
   * migration). `id` is null for a record being created; `values` are the checked values written. After the record's
   * own row lock, as every writer takes them. Not for corrections (`update`): most touch no grid, and the rest touch
   * them in one statement each.
   */
  protected async lockGrids(_ctx: RequestContext, _id: number | null, _values: Values): Promise<void> {}

  /** Reveal and writes need the record in reach today, whatever day it was read for. */
  protected async requireInReachToday(ctx: RequestContext, record: T): Promise<void> {
    const spec = this.spec;
    if (!spec) return;
    const inReach = await readQuery(ctx, this.config.entity, { asOf: ctx.today, includeEnded: true })
      .andWhere('e.id = :id', { id: record.id })
      .getCount();
    if (!inReach) throw new NotFoundError(this.config.label, record.id);
  }

  /** Whether another record than `existing` has these values on `day` (for fields unique among records valid at the same time). */
  protected async taken(ctx: RequestContext, where: Values, existing: T | undefined, day: string = ctx.today): Promise<boolean> {
    if (Object.values(where).some((value) => value === undefined || value === null)) return false;
    // Uniqueness is district-wide: records out of the caller's reach count too.
    const qb = readQuery({ em: ctx.em, scope: Scope.SYSTEM }, this.config.entity, { asOf: day });
    Object.entries(where).forEach(([key, value], i) => {
      const alias = ctx.em.getRepository(this.config.entity).metadata.findColumnWithPropertyName(key) ? 'e' : 'v';
      qb.andWhere(`${alias}.${key} = :taken${i}`, { [`taken${i}`]: value });
    });
    if (existing) qb.andWhere('e.id <> :existingId', { existingId: existing.id });
    return (await qb.getCount()) > 0;
  }

  /** The record as the audit trail sees it; services add what lives outside its columns (links). */
  protected async snapshot(_ctx: RequestContext, record: T): Promise<ObjectLiteral> {
    return record;
  }

  protected audit(
    ctx: RequestContext,
    operation: AuditOperation,
    id: number,
    before: ObjectLiteral | undefined,
    after: ObjectLiteral | undefined,
  ) {
    return auditService.record(ctx, operation, this.config.entity.name, id, diff(before, after));
  }

  protected async beforeDelete(_ctx: RequestContext, _existing: T): Promise<void> {}

  protected assertCurrent(existing: T, version: number): void {
    if (existing.version !== version) {
      throw new ConflictError(
        ConflictReason.STALE_VERSION,
        `${this.config.label} ${existing.id} was changed by someone else (now version ${existing.version}); reload it and apply your change again`,
      );
    }
  }

  /** Turns id strings into numbers, checks that referenced records exist (and are in reach) on `day`, and refuses null for required columns. */
  protected async toValues(ctx: RequestContext, input: Values, problems: FieldProblems, day: string): Promise<Values> {
    const values: Values = {};
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      const column = this.columnOf(ctx, key);
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
      // Records out of the caller's reach, or not valid on the day, do not exist for them.
      const found = await readQuery(ctx, reference.entity, { asOf: day, includeEnded: reference.anyDay })
        .select('e.id', 'id')
        .andWhere('e.id = ANY(:wanted)', { wanted })
        .getRawMany<{ id: number }>();
      // Held until the write commits, so a concurrent end of the referenced unit waits and then sees this reference.
      if (ctx.em.queryRunner?.isTransactionActive && found.length) {
        const table = ctx.em.getRepository(reference.entity).metadata.tableName;
        await ctx.em.query(`SELECT 1 FROM ${table} WHERE id = ANY($1) FOR SHARE`, [found.map((row) => row.id)]);
      }
      const missing = wanted.filter((id) => !found.some((row) => row.id === id));
      if (missing.length)
        problems.add(key, `${reference.label} ${missing.join(', ')} does not exist${reference.anyDay ? '' : ` on ${day}`}`);
      values[key] = Array.isArray(value) ? wanted : wanted[0];
    }
    return values;
  }

  private columnOf(ctx: RequestContext, property: string) {
    const own = ctx.em.getRepository(this.config.entity).metadata.findColumnWithPropertyName(property);
    const spec = this.spec;
    return own ?? (spec ? ctx.em.getRepository(spec.version).metadata.findColumnWithPropertyName(property) : undefined);
  }

  /** Values that are the record's own columns, and those of its dated version; the rest (e.g. `predecessorOfficeIds`) is for `afterWrite`. */
  protected split(ctx: RequestContext, values: Values): { own: Values; dated: Values } {
    const own: Values = {};
    const dated: Values = {};
    const metadata = ctx.em.getRepository(this.config.entity).metadata;
    const spec = this.spec;
    const versionMetadata = spec ? ctx.em.getRepository(spec.version).metadata : null;
    for (const [key, value] of Object.entries(values)) {
      if (key === 'valid' || key === 'id' || key === 'version') continue;
      if (metadata.findColumnWithPropertyName(key)) own[key] = value;
      else if (versionMetadata?.findColumnWithPropertyName(key)) dated[key] = value;
    }
    return { own, dated };
  }
}
