import { CrudService } from '../../core/crud.service';
import type { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { SpecialistRole } from './specialist-role.entity';
import { StaffingTemplate } from './staffing-template.entity';
import type { CreateStaffingTemplateInput, UpdateStaffingTemplateInput } from './staffing-template.inputs';

/** Templates name the roles a community must fill; their roles live in staffing_template_role. */
export class StaffingTemplateService extends CrudService<StaffingTemplate, CreateStaffingTemplateInput, UpdateStaffingTemplateInput> {
  constructor() {
    super({
      entity: StaffingTemplate,
      label: 'Staffing template',
      searchColumns: ['code', 'name', 'nameEn'],
      // A role retired since still belongs to the templates of its days.
      references: { roleIds: { entity: SpecialistRole, label: 'Specialist role', anyDay: true } },
      dependants: [{ countSql: 'SELECT COUNT(*) AS count FROM template_adoption WHERE template_id = $1', label: 'adoptions' }],
    });
  }

  protected override async validate(
    ctx: RequestContext,
    template: Partial<StaffingTemplate>,
    problems: FieldProblems,
    existing: StaffingTemplate | undefined,
  ): Promise<void> {
    if (!template.code) return;
    const [taken] = await ctx.em.query('SELECT 1 FROM staffing_template WHERE code = $1 AND id <> $2', [template.code, existing?.id ?? 0]);
    if (taken) problems.add('code', 'is used by another template');
  }

  protected override async afterWrite(ctx: RequestContext, id: number, values: Record<string, unknown>): Promise<void> {
    if (!Array.isArray(values.roleIds)) return;
    await ctx.em.query('DELETE FROM staffing_template_role WHERE template_id = $1', [id]);
    await ctx.em.query('INSERT INTO staffing_template_role (template_id, specialist_role_id) SELECT $1, unnest($2::int[])', [
      id,
      values.roleIds,
    ]);
  }

  protected override async snapshot(ctx: RequestContext, template: StaffingTemplate) {
    const rows: Array<{ id: number }> = await ctx.em.query(
      'SELECT specialist_role_id AS id FROM staffing_template_role WHERE template_id = $1 ORDER BY 1',
      [template.id],
    );
    return { ...template, roleIds: rows.map((row) => String(row.id)) };
  }
}

export const staffingTemplateService = new StaffingTemplateService();
