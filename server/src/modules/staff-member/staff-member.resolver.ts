import { Permission } from '@community-grid/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CrudResolver } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { StaffMember } from './staff-member.entity';
import { CreateStaffMemberInput, StaffMemberList, StaffMemberListOptions, UpdateStaffMemberInput } from './staff-member.inputs';
import { staffMemberService } from './staff-member.service';

@Resolver(() => StaffMember)
export class StaffMemberResolver extends CrudResolver({
  entity: StaffMember, name: 'StaffMember', plural: 'staffMembers', list: StaffMemberList, listOptions: StaffMemberListOptions,
  createInput: CreateStaffMemberInput, updateInput: UpdateStaffMemberInput, service: staffMemberService,
  permissions: { read: Permission.READ_PEOPLE, write: Permission.WRITE_STAFF },
}) {
  @FieldResolver(() => Community, { nullable: true })
  homeCommunity(@Root() staff: StaffMember, @Ctx() ctx: RequestContext) {
    return staff.homeCommunityId === null ? null : ctx.loaders.byId(Community).load(staff.homeCommunityId);
  }
}
