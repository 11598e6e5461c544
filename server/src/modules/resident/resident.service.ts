import { parseResidentId, Permission, RelationToHead } from '@community-grid/shared';
import { CrudService } from '../../core/crud.service';
import { FieldProblems, ForbiddenError } from '../../core/errors';
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
      searchColumns: ['name', 'idNumber', 'phone'],
      ancestorFilters: {
        gridId: (ids, day) => under('resident', 'v', 'grid', ids, day),
        communityId: (ids, day) => under('resident', 'v', 'community', ids, day),
      },
      references: { householdId: { entity: Household, label: 'Household' } },
    });
  }

  /** Without the right to see personal data, nobody may search by it either (that would reveal it digit by digit). */
  listConfigFor(ctx: RequestContext): ListQueryConfig<Resident> {
    return ctx.can(Permission.REVEAL_PERSONAL_DATA) ? this.config : { ...this.config, searchColumns: ['name'] };
  }

  override findList(ctx: RequestContext, options: ListOptions | undefined, read: ReadDate): Promise<ListResult<Resident>> {
    const filter = options?.filter as Record<string, unknown> | undefined;
    if (!ctx.can(Permission.REVEAL_PERSONAL_DATA) && (filter?.idNumber || filter?.phone)) {
      throw new ForbiddenError('Your role cannot filter by ID number or phone');
    }
    return findList(ctx, Resident, options, this.listConfigFor(ctx), read);
  }

  protected override async validate(ctx: RequestContext, resident: Partial<Resident>, problems: FieldProblems, existing?: Resident): Promise<void> {
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
    if (resident.idNumber && await ctx.em.query('SELECT 1 FROM resident WHERE id_number = $1 AND id <> $2', [resident.idNumber, existing?.id ?? 0]).then((rows) => rows.length > 0)) {
      problems.add('idNumber', 'belongs to another resident');
    }
  }

  protected override async checkWrite(ctx: RequestContext, resident: Partial<Resident>, problems: FieldProblems): Promise<void> {
    await requireHouseholdInReach(ctx, resident.householdId, 'householdId', problems);
  }

  async reveal(ctx: RequestContext, id: string): Promise<{ residentId: number; idNumber: string; phone: string | null }> {
    const resident = await this.findOne(ctx, id);
    await this.requireInReachToday(ctx, resident);
    await auditService.record(ctx, AuditOperation.REVEAL, 'Resident', resident.id, { revealed: { before: null, after: ['idNumber', 'phone'] } });
    return { residentId: resident.id, idNumber: resident.idNumber, phone: resident.phone };
  }

  /**
   * Keeps the household's head consistent, as audited side effects of the
   * write: a head who moves out leaves the place empty, a new head fills an empty place.
   */
  protected override async afterWrite(ctx: RequestContext, id: number, _values: Record<string, unknown>, existing?: Resident): Promise<void> {
    const day = existing?.asOf ?? ctx.today;
    const [now] = await ctx.em.query('SELECT household_id, relation_to_head FROM resident_version WHERE resident_id = $1 AND valid @> $2::date', [id, day]);
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
        WHERE id = $1 AND head_resident_id IS NOT DISTINCT FROM $2 RETURNING id`, [householdId, from, to]);
    if (changed.length) {
      await auditService.record(ctx, AuditOperation.UPDATE, 'Household', householdId, { headResidentId: { before: from, after: to } });
    }
  }
}

export const residentService = new ResidentService();
