import { CrudService } from '../../core/crud.service';
import type { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { SpecialistRole } from './specialist-role.entity';
import type { CreateSpecialistRoleInput, UpdateSpecialistRoleInput } from './specialist-role.inputs';

/** The catalogue: officials add roles, rename them from a day (a change) and retire them (an end); the past keeps its names. */
export class SpecialistRoleService extends CrudService<SpecialistRole, CreateSpecialistRoleInput, UpdateSpecialistRoleInput> {
  constructor() {
    super({
      entity: SpecialistRole,
      label: 'Specialist role',
      searchColumns: ['code', 'name', 'nameEn'],
      dependants: [
        { countSql: 'SELECT COUNT(*) AS count FROM staffing_template_role WHERE specialist_role_id = $1', label: 'template entries' },
        { countSql: 'SELECT COUNT(*) AS count FROM post WHERE specialist_role_id = $1', label: 'posts' },
      ],
    });
  }

  protected override async validate(
    ctx: RequestContext,
    role: Partial<SpecialistRole>,
    problems: FieldProblems,
    existing: SpecialistRole | undefined,
    day: string,
  ): Promise<void> {
    if (!existing && role.code) {
      const [taken] = await ctx.em.query('SELECT 1 FROM specialist_role WHERE code = $1', [role.code]);
      if (taken) problems.add('code', 'is used by another role (codes are never reused)');
    }
    if (await this.taken(ctx, { name: role.name }, existing, day)) problems.add('name', `is used by another role on ${day}`);
  }
}

export const specialistRoleService = new SpecialistRoleService();
