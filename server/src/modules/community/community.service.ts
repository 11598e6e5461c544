import { CrudService } from '../../core/crud.service';
import { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { District } from '../district/district.entity';
import { Office } from '../office/office.entity';
import { Community } from './community.entity';
import type { CreateCommunityInput, UpdateCommunityInput } from './community.inputs';
import { setPredecessors } from './community.lineage';

export class CommunityService extends CrudService<Community, CreateCommunityInput, UpdateCommunityInput> {
  constructor() {
    super({
      entity: Community,
      label: 'Community',
      searchColumns: ['code', 'name', 'nameEn', 'address'],
      references: {
        districtId: { entity: District, label: 'District' },
        officeId: { entity: Office, label: 'Office' },
        // Lineage names units of the past: they exist on some day, not necessarily on this one.
        predecessorOfficeIds: { entity: Office, label: 'Office', anyDay: true },
        predecessorCommunityIds: { entity: Community, label: 'Community', anyDay: true },
      },
      dependants: [
        { countSql: 'SELECT COUNT(*) AS count FROM grid_version WHERE community_id = $1', label: 'grid memberships' },
        { countSql: 'SELECT COUNT(*) AS count FROM service_window WHERE community_id = $1', label: 'service windows' },
        { countSql: 'SELECT COUNT(*) AS count FROM staff_member WHERE home_community_id = $1', label: 'staff members' },
        {
          countSql: 'SELECT COUNT(*) AS count FROM community_predecessor_community WHERE predecessor_id = $1',
          label: 'successor communities',
        },
      ],
      members: [
        {
          countSql: 'SELECT COUNT(*) AS count FROM grid_version WHERE community_id = $1 AND (upper_inf(valid) OR upper(valid) > $2::date)',
          label: 'grids',
        },
      ],
    });
  }

  protected override async validate(
    ctx: RequestContext,
    community: Partial<Community>,
    problems: FieldProblems,
    existing: Community | undefined,
    day: string,
  ): Promise<void> {
    if (await this.taken(ctx, { name: community.name }, existing, day)) problems.add('name', `is used by another community on ${day}`);
    if (await this.taken(ctx, { code: community.code }, existing, day)) problems.add('code', `is used by another community on ${day}`);
  }

  protected override async snapshot(ctx: RequestContext, community: Community): Promise<Record<string, unknown>> {
    const links = await ctx.em.query(
      `SELECT
      ARRAY(SELECT office_id FROM community_predecessor_office WHERE community_id = $1 ORDER BY 1) AS offices,
      ARRAY(SELECT predecessor_id FROM community_predecessor_community WHERE community_id = $1 ORDER BY 1) AS communities`,
      [community.id],
    );
    return { ...community, predecessorOfficeIds: links[0].offices, predecessorCommunityIds: links[0].communities };
  }

  protected override async afterWrite(ctx: RequestContext, id: number, values: Record<string, unknown>): Promise<void> {
    if (Array.isArray(values.predecessorOfficeIds)) await setPredecessors(ctx, 'office', id, values.predecessorOfficeIds as number[]);
    if (Array.isArray(values.predecessorCommunityIds))
      await setPredecessors(ctx, 'community', id, values.predecessorCommunityIds as number[]);
  }
}

export const communityService = new CommunityService();
