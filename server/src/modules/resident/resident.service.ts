import { parseResidentId, Permission, RelationToHead } from '@community-grid/shared';
import { ForbiddenError } from '../../core/errors';
import { findList } from '../../core/list/list-query-builder';
import type { ListOptions, ListResult } from '../../core/list/list-options';
import { AuditOperation } from '../audit/audit-event.entity';
import { auditService } from '../audit/audit.service';
import { CrudService } from '../../core/crud.service';
import { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { Household } from '../household/household.entity';
import { Resident } from './resident.entity';
import type { CreateResidentInput, UpdateResidentInput } from './resident.inputs';

export class ResidentService extends CrudService<Resident, CreateResidentInput, UpdateResidentInput> {
  constructor() {
    super({
      entity: Resident,
      label: 'Resident',
      searchColumns: ['name', 'idNumber', 'phone'],
      ancestorFilters: {
        gridId: (ids) => `e.householdId IN (SELECT h.id FROM household h WHERE h.grid_id = ANY(${ids}))`,
        communityId: (ids) =>
          `e.householdId IN (SELECT h.id FROM household h JOIN grid g ON g.id = h.grid_id WHERE g.community_id = ANY(${ids}))`,
      },
      references: { householdId: { entity: Household, label: 'Household' } },
    });
  }

  protected override async validate(ctx: RequestContext, resident: Partial<Resident>, problems: FieldProblems, existing?: Resident): Promise<void> {
    const parsed = resident.idNumber ? parseResidentId(resident.idNumber) : null;
    if (parsed && resident.birthDate && parsed.birthDate !== resident.birthDate) {
      problems.add('idNumber', `encodes birth date ${parsed.birthDate}, not ${resident.birthDate}`);
    }
    if (parsed && resident.gender && parsed.gender !== resident.gender) {
      problems.add('idNumber', `encodes gender ${parsed.gender}, not ${resident.gender}`);
    }
    if (resident.birthDate && resident.birthDate > new Date().toISOString().slice(0, 10)) {
      problems.add('birthDate', 'must not be in the future');
    }
    if (await this.taken(ctx, { idNumber: resident.idNumber }, existing)) {
      problems.add('idNumber', 'belongs to another resident');
    }
  }

  /** Without the right to see personal data, nobody may search or filter by it either (that would reveal it digit by digit). */
  override findList(ctx: RequestContext, options?: ListOptions): Promise<ListResult<Resident>> {
    if (ctx.can(Permission.REVEAL_PERSONAL_DATA)) return super.findList(ctx, options);
    const filter = options?.filter as Record<string, unknown> | undefined;
    if (filter?.idNumber || filter?.phone) throw new ForbiddenError('Your role cannot filter by ID number or phone');
    return findList(ctx.em, Resident, options, { ...this.config, searchColumns: ['name'] }, ctx.scope);
  }

  async reveal(ctx: RequestContext, id: string): Promise<{ residentId: number; idNumber: string; phone: string | null }> {
    const resident = await this.findOne(ctx, id);
    await auditService.record(ctx, AuditOperation.REVEAL, 'Resident', resident.id, { revealed: { before: null, after: ['idNumber', 'phone'] } });
    return { residentId: resident.id, idNumber: resident.idNumber, phone: resident.phone };
  }

  /** Keeps the household's head consistent: a new head fills an empty place, a head who moves out leaves it. */
  protected override async afterWrite(ctx: RequestContext, id: number, _values: Record<string, unknown>, existing?: Resident): Promise<void> {
    const resident = await ctx.em.findOneByOrFail(Resident, { id });
    if (existing && existing.householdId !== resident.householdId) {
      await ctx.em.update(Household, { id: existing.householdId, headResidentId: id }, { headResidentId: null });
    }
    if (resident.relationToHead === RelationToHead.HEAD) {
      await ctx.em.createQueryBuilder().update(Household).set({ headResidentId: id })
        .where('id = :householdId AND head_resident_id IS NULL', { householdId: resident.householdId }).execute();
    }
  }
}

export const residentService = new ResidentService();
