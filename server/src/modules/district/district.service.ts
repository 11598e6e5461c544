import { CrudService } from '../../core/crud.service';
import { Community } from '../community/community.entity';
import { Office } from '../office/office.entity';
import { District } from './district.entity';
import type { CreateDistrictInput, UpdateDistrictInput } from './district.inputs';

export class DistrictService extends CrudService<District, CreateDistrictInput, UpdateDistrictInput> {
  constructor() {
    super({
      entity: District,
      label: 'District',
      searchColumns: ['name', 'nameEn', 'code'],
      dependants: [
        { entity: Office, foreignKey: 'districtId', label: 'offices' },
        { entity: Community, foreignKey: 'districtId', label: 'communities' },
      ],
    });
  }
}

export const districtService = new DistrictService();
