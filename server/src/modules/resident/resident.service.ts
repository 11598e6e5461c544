import { AGE_BAND_YEARS, isAgeBandBound, maskIdNumber, maskPhone, parseResidentId, ACCESS, RelationToHead } from '@community-grid/shared';
import { CrudService } from '../../core/crud.service';
import { BadUserInputError, FieldProblems, ForbiddenError } from '../../core/errors';
import type { ListOptions, ListResult } from '../../core/list/list-options';
import { findList, ListQueryConfig, ReadDate } from '../../core/list/list-query-builder';
import type { RequestContext } from '../../core/request-context';
import { AuditOperation } from '../audit/audit-event.entity';
import { auditService } from '../audit/audit.service';
import { Household } from '../household/household.entity';
import { under } from '../structure/structure';
import { requireHouseholdInReach } from '../structure/structure-reach';
import { Resident } from './resident.entity';
import type { CreateResidentInput, UpdateResidentInput } from './resident.inputs';

export class ResidentService extends CrudService<Resident, CreateResidentInput, UpdateResidentInput> {
  constructor() {
    super({
      entity: Resident,
      label: 'Resident',
      // Names only: matching part of an ID number or phone would reveal it digit by digit.
      searchColumns: ['name'],
      characterIndexed: ['name'],
      ancestorFilters: {
        gridId: (ids, day) => under('resident', 'v', 'grid', ids, day),
        communityId: (ids, day) => under('resident', 'v', 'community', ids, day),
      },
      references: { householdId: { entity: Household, label: 'Household' } },
      // Kept by the ResidentPlaces migration's triggers.
      placement: {
        table: 'resident_place',
        key: 'resident_id',
        ancestors: { communityId: 'community_id', gridId: 'grid_id' },
        search: 'name',
        last4: { idNumber: 'id_last4', phone: 'phone_last4' },
        reach: { grid: 'grid_id', community: 'community_id' },
      },
    });
  }

  /**
   * Without the right to see personal data, sorting by birth date sorts by age band (then id), so an order
   * cannot place a birth date inside its band either.
   */
  listConfigFor(ctx: RequestContext): ListQueryConfig<Resident> {
    return ctx.can(ACCESS.residents.birthDates)
      ? this.config
      : { ...this.config, sortExpressions: { birthDate: `floor(extract(year FROM "e"."birth_date") / ${AGE_BAND_YEARS})` } };
  }

  /**
   * Lists residents. A lookup by ID number or phone is recorded in the audit trail, in one statement after the page
   * is read: the search itself (what it asked, with the values masked as the caller sees them, and how many it
   * matched) and each resident it shows. Residents it matched but did not show are counted, not named: a lookup
   * by the last 4 characters can match hundreds across the district, of whom the caller sees one page.
   */
  override async findList(ctx: RequestContext, options: ListOptions | undefined, read: ReadDate): Promise<ListResult<Resident>> {
    const lookup = this.checkFilter(ctx, options);
    const result = await findList(ctx, Resident, options, this.listConfigFor(ctx), read);
    if (lookup.length) {
      // The same count the answer's totalItems gives (counted once, whether or not the query selects it).
      const [matches, exact] = await Promise.all([result.totalItems, result.totalItemsIsExact]);
      const shown = result.items.map((resident) => resident.id);
      const asked = { before: null, after: lookup };
      await auditService.recordMany(
        ctx,
        AuditOperation.LOOKUP,
        'Resident',
        shown,
        { lookedUpBy: asked },
        {
          entityType: 'ResidentSearch',
          changes: {
            lookedUpBy: asked,
            filter: { before: null, after: maskedFilter(options?.filter) },
            asOf: { before: null, after: read.asOf },
            matches: { before: null, after: matches },
            matchesExact: { before: null, after: exact },
            shown: { before: null, after: shown },
          },
        },
      );
    }
    return result;
  }

  /** A household's residents (a nested list): the same filters, but lookups by personal data belong on the root list, where they are audited. */
  findPage(ctx: RequestContext, householdId: number, options: ListOptions | undefined, read: ReadDate): Promise<ListResult<Resident>> {
    if (this.checkFilter(ctx, options).length) {
      throw new BadUserInputError({
        'filter.idNumber': 'look residents up by ID number or phone on the residents list, not inside a household',
      });
    }
    return ctx.loaders.page(Resident, '"v"."household_id"', this.listConfigFor(ctx), options, read).load(householdId);
  }

  /**
   * Refuses filters that would narrow personal data below what the role may
   * see; returns the lookups by personal data it makes (e.g. `idNumber:last4`).
   */
  private checkFilter(ctx: RequestContext, options: ListOptions | undefined): string[] {
    const filter = (options?.filter ?? {}) as {
      idNumber?: Record<string, unknown> | null;
      phone?: Record<string, unknown> | null;
      birthDate?: Record<string, unknown> | null;
    };
    const mayReveal = ctx.can(ACCESS.residents.birthDates);
    if (!mayReveal && (filter.idNumber || filter.phone)) throw new ForbiddenError('Your role cannot filter by ID number or phone');
    if (!mayReveal && filter.birthDate) {
      const problems: Record<string, string> = {};
      for (const [op, value] of Object.entries(filter.birthDate)) {
        if (value === undefined || value === null || op === 'isNull') continue;
        if (op === 'eq')
          problems['filter.birthDate.eq'] = 'your role sees birth dates as age bands: filter by whole bands (gte/lt, lte/gt)';
        else if (!isAgeBandBound(String(value), op === 'lte' || op === 'gt')) {
          problems[`filter.birthDate.${op}`] =
            `your role sees birth dates as ${AGE_BAND_YEARS}-year age bands: ${op} must be the ${op === 'lte' || op === 'gt' ? 'last day of a band (e.g. 1989-12-31)' : 'first day of a band (e.g. 1985-01-01)'}`;
        }
      }
      if (Object.keys(problems).length) throw new BadUserInputError(problems);
    }
    return (['idNumber', 'phone'] as const).flatMap((field) =>
      ['eq', 'last4'].filter((op) => filter[field]?.[op] !== undefined && filter[field]?.[op] !== null).map((op) => `${field}:${op}`),
    );
  }

  /** The grids the resident was ever placed in, and those of the household they move to (WriteGridLocks migration). */
  protected override async lockGrids(ctx: RequestContext, id: number | null, values: { householdId?: unknown }): Promise<void> {
    await ctx.em.query('SELECT cg_lock_resident_grids($1::int[], $2::int[])', [
      id === null ? [] : [id],
      values.householdId == null ? [] : [Number(values.householdId)],
    ]);
  }

  protected override async validate(
    ctx: RequestContext,
    resident: Partial<Resident>,
    problems: FieldProblems,
    existing?: Resident,
  ): Promise<void> {
    const parsed = resident.idNumber ? parseResidentId(resident.idNumber) : null;
    if (parsed && resident.birthDate && parsed.birthDate !== resident.birthDate) {
      problems.add('idNumber', `encodes birth date ${parsed.birthDate}, not ${resident.birthDate}`);
    }
    if (parsed && resident.gender && parsed.gender !== resident.gender) {
      problems.add('idNumber', `encodes gender ${parsed.gender}, not ${resident.gender}`);
    }
    if (resident.birthDate && resident.birthDate > ctx.today) {
      problems.add('birthDate', 'must not be in the future');
    }
    if (
      resident.idNumber &&
      (await ctx.em
        .query('SELECT 1 FROM resident WHERE id_number = $1 AND id <> $2', [resident.idNumber, existing?.id ?? 0])
        .then((rows) => rows.length > 0))
    ) {
      problems.add('idNumber', 'belongs to another resident');
    }
  }

  protected override async checkWrite(ctx: RequestContext, resident: Partial<Resident>, problems: FieldProblems): Promise<void> {
    await requireHouseholdInReach(ctx, resident.householdId, 'householdId', problems);
  }

  async reveal(ctx: RequestContext, id: string): Promise<{ residentId: number; idNumber: string; phone: string | null }> {
    const resident = await this.findOne(ctx, id);
    await this.requireInReachToday(ctx, resident);
    await auditService.record(ctx, AuditOperation.REVEAL, 'Resident', resident.id, {
      revealed: { before: null, after: ['idNumber', 'phone'] },
    });
    return { residentId: resident.id, idNumber: resident.idNumber, phone: resident.phone };
  }

  /**
   * Keeps the household's head consistent, as audited side effects of the
   * write: a head who moves out leaves the place empty, a new head fills an empty place.
   */
  protected override async afterWrite(
    ctx: RequestContext,
    id: number,
    _values: Record<string, unknown>,
    existing?: Resident,
  ): Promise<void> {
    const day = existing?.asOf ?? ctx.today;
    const [now] = await ctx.em.query(
      'SELECT household_id, relation_to_head FROM resident_version WHERE resident_id = $1 AND valid @> $2::date',
      [id, day],
    );
    if (!now) return;
    if (existing && existing.householdId !== now.household_id) {
      await this.setHead(ctx, existing.householdId, id, null);
    }
    if (now.relation_to_head === RelationToHead.HEAD) await this.setHead(ctx, now.household_id, null, id);
  }

  /** Sets a household's head from `from` (null: only when empty) to `to`, audited as a write of the household. */
  private async setHead(ctx: RequestContext, householdId: number, from: number | null, to: number | null): Promise<void> {
    const changed: Array<{ id: number }> = await ctx.em.query(
      `UPDATE household SET head_resident_id = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND head_resident_id IS NOT DISTINCT FROM $2 RETURNING id`,
      [householdId, from, to],
    );
    if (changed.length) {
      await auditService.record(ctx, AuditOperation.UPDATE, 'Household', householdId, { headResidentId: { before: from, after: to } });
    }
  }
}

/** A list filter as the audit trail keeps it: whole ID numbers and phones masked as roles that may reveal see them. */
function maskedFilter(filter: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(filter ?? {})) as Record<string, Record<string, unknown> | unknown>;
  for (const [field, mask] of [
    ['idNumber', maskIdNumber],
    ['phone', maskPhone],
  ] as const) {
    const operators = copy[field] as Record<string, unknown> | undefined;
    if (operators && typeof operators.eq === 'string') operators.eq = mask(operators.eq);
  }
  return copy;
}

export const residentService = new ResidentService();
