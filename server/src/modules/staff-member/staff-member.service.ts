import { CrudService } from '../../core/crud.service';
import { Community } from '../community/community.entity';
import { StaffMember } from './staff-member.entity';
import type { CreateStaffMemberInput, UpdateStaffMemberInput } from './staff-member.inputs';

export class StaffMemberService extends CrudService<StaffMember, CreateStaffMemberInput, UpdateStaffMemberInput> {
  constructor() {
    super({
      entity: StaffMember,
      label: 'Staff member',
      searchColumns: ['name', 'phone'],
      characterIndexed: ['name'],
      references: { homeCommunityId: { entity: Community, label: 'Community' } },
    });
  }
}

export const staffMemberService = new StaffMemberService();
