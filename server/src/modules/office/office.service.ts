import { CrudService } from '../../core/crud.service';
import { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { District } from '../district/district.entity';
import { Office } from './office.entity';
import type { CreateOfficeInput, UpdateOfficeInput } from './office.inputs';

export class OfficeService extends CrudService<Office, CreateOfficeInput, UpdateOfficeInput> {
  constructor() {
    super({
      entity: Office,
      label: 'Office',
      searchColumns: ['name', 'nameEn'],
      references: { districtId: { entity: District, label: 'District' } },
      // Lineage is history: an office that communities belonged to or descend from stays.
      dependants: [
        { countSql: 'SELECT COUNT(*) AS count FROM community_predecessor_office WHERE office_id = $1', label: 'successor communities' },
        { countSql: 'SELECT COUNT(*) AS count FROM community_version WHERE office_id = $1', label: 'community memberships' },
      ],
      members: [
        {
          countSql:
            'SELECT COUNT(*) AS count FROM community_version WHERE office_id = $1 AND (upper_inf(valid) OR upper(valid) > $2::date)',
          label: 'communities',
        },
      ],
    });
  }

  protected override async validate(
    ctx: RequestContext,
    office: Partial<Office>,
    problems: FieldProblems,
    existing: Office | undefined,
    day: string,
  ): Promise<void> {
    if (await this.taken(ctx, { name: office.name }, existing, day)) problems.add('name', `is used by another office on ${day}`);
  }
}

export const officeService = new OfficeService();
