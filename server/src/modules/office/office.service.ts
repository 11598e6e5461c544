import { ConflictReason } from '@community-grid/shared';
import { CrudService } from '../../core/crud.service';
import { ConflictError } from '../../core/errors';
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
    });
  }

  /** Lineage is history: an office that communities descend from stays. */
  protected override async beforeDelete(ctx: RequestContext, office: Office): Promise<void> {
    const [{ count }] = await ctx.em.query(
      'SELECT COUNT(*)::int AS count FROM community_predecessor_office WHERE office_id = $1', [office.id]);
    if (count > 0) {
      throw new ConflictError(ConflictReason.HAS_DEPENDANTS,
        `Office ${office.id} is the predecessor of ${count} communities; remove it from their lineage first`);
    }
  }
}

export const officeService = new OfficeService();
