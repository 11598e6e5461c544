import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AS_OF, CrudResolver, dayOf } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { StaffMember } from './staff-member.entity';
import { CreateStaffMemberInput, StaffMemberList, StaffMemberListOptions, UpdateStaffMemberInput } from './staff-member.inputs';
import { staffMemberService } from './staff-member.service';

@Resolver(() => StaffMember)
export class StaffMemberResolver extends CrudResolver({
  entity: StaffMember,
  name: 'StaffMember',
  plural: 'staffMembers',
  list: StaffMemberList,
  listOptions: StaffMemberListOptions,
  createInput: CreateStaffMemberInput,
  updateInput: UpdateStaffMemberInput,
  service: staffMemberService,
  resource: 'staffMembers',
}) {
  @FieldResolver(() => Community, { nullable: true })
  homeCommunity(
    @Root() staff: StaffMember & { asOf?: string },
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return staff.homeCommunityId === null ? null : ctx.loaders.byId(Community, dayOf(ctx, staff, asOf)).load(staff.homeCommunityId);
  }
}
