import { CrudService } from '../../core/crud.service';
import type { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { SpecialistRole } from '../staffing/specialist-role.entity';
import { CalendarDay } from './calendar-day.entity';
import { ServiceCategory } from './service-category.entity';
import type {
  CreateCalendarDayInput,
  CreateServiceCategoryInput,
  UpdateCalendarDayInput,
  UpdateServiceCategoryInput,
} from './service.inputs';

/** The categories of affairs: officials edit them; affairs keep pointing at the ones they were classified under. */
export class ServiceCategoryService extends CrudService<ServiceCategory, CreateServiceCategoryInput, UpdateServiceCategoryInput> {
  constructor() {
    super({
      entity: ServiceCategory,
      label: 'Service category',
      searchColumns: ['code', 'name', 'nameEn'],
      references: { specialistRoleId: { entity: SpecialistRole, label: 'Specialist role', anyDay: true } },
      dependants: [{ countSql: 'SELECT COUNT(*) AS count FROM affair WHERE category_id = $1', label: 'affairs (set it inactive instead)' }],
    });
  }

  protected override async validate(
    ctx: RequestContext,
    category: Partial<ServiceCategory>,
    problems: FieldProblems,
    existing: ServiceCategory | undefined,
  ): Promise<void> {
    if (!category.code) return;
    const [taken] = await ctx.em.query('SELECT 1 FROM service_category WHERE code = $1 AND id <> $2', [category.code, existing?.id ?? 0]);
    if (taken) problems.add('code', 'is used by another category');
  }
}

/** The working-day calendar's exceptions: public holidays and make-up working days. */
export class CalendarDayService extends CrudService<CalendarDay, CreateCalendarDayInput, UpdateCalendarDayInput> {
  constructor() {
    super({ entity: CalendarDay, label: 'Calendar day', searchColumns: ['name'] });
  }

  protected override async validate(
    ctx: RequestContext,
    day: Partial<CalendarDay>,
    problems: FieldProblems,
    existing: CalendarDay | undefined,
  ): Promise<void> {
    if (!day.day) return;
    const [taken] = await ctx.em.query('SELECT 1 FROM calendar_day WHERE day = $1::date AND id <> $2', [day.day, existing?.id ?? 0]);
    if (taken) problems.add('day', 'is in the calendar already: edit that entry');
  }
}

export const serviceCategoryService = new ServiceCategoryService();
export const calendarDayService = new CalendarDayService();
