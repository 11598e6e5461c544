import { CrudService } from '../../core/crud.service';
import { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { District } from '../district/district.entity';
import { Grid } from '../grid/grid.entity';
import { Office } from '../office/office.entity';
import { ServiceWindow } from '../service-window/service-window.entity';
import { StaffMember } from '../staff-member/staff-member.entity';
import { Community } from './community.entity';
import type { CreateCommunityInput, UpdateCommunityInput } from './community.inputs';
import { setPredecessors } from './community.lineage';

export class CommunityService extends CrudService<Community, CreateCommunityInput, UpdateCommunityInput> {
  constructor() {
    super({
      entity: Community,
      label: 'Community',
      searchColumns: ['name', 'nameEn', 'address'],
      references: {
        districtId: { entity: District, label: 'District' },
        predecessorOfficeIds: { entity: Office, label: 'Office' },
      },
      dependants: [
        { entity: Grid, foreignKey: 'communityId', label: 'grids' },
        { entity: ServiceWindow, foreignKey: 'communityId', label: 'service windows' },
        { entity: StaffMember, foreignKey: 'homeCommunityId', label: 'staff members' },
      ],
    });
  }

  protected override async validate(ctx: RequestContext, community: Partial<Community>, problems: FieldProblems, existing?: Community): Promise<void> {
    if (community.dissolvedOn && community.establishedOn && community.dissolvedOn < community.establishedOn) {
      problems.add('dissolvedOn', 'must not be before establishedOn');
    }
    if (await this.taken(ctx, { districtId: community.districtId, name: community.name }, existing)) {
      problems.add('name', 'is already used by another community of the district');
    }
  }

  protected override async snapshot(ctx: RequestContext, community: Community): Promise<Record<string, unknown>> {
    const links = await ctx.em.query('SELECT office_id FROM community_predecessor_office WHERE community_id = $1 ORDER BY 1', [community.id]);
    return { ...community, predecessorOfficeIds: links.map((row: { office_id: number }) => row.office_id) };
  }

  protected override async afterWrite(ctx: RequestContext, id: number, values: Record<string, unknown>): Promise<void> {
    if (Array.isArray(values.predecessorOfficeIds)) await setPredecessors(ctx, id, values.predecessorOfficeIds as number[]);
  }
}

export const communityService = new CommunityService();
