import { CrudService } from '../../core/crud.service';
import { District } from './district.entity';
import type { CreateDistrictInput, UpdateDistrictInput } from './district.inputs';

export class DistrictService extends CrudService<District, CreateDistrictInput, UpdateDistrictInput> {
  constructor() {
    super({
      entity: District,
      label: 'District',
      searchColumns: ['name', 'nameEn', 'code'],
      dependants: [
        { countSql: 'SELECT COUNT(*) AS count FROM office WHERE district_id = $1', label: 'offices' },
        { countSql: 'SELECT COUNT(*) AS count FROM community WHERE district_id = $1', label: 'communities' },
      ],
    });
  }
}

export const districtService = new DistrictService();
