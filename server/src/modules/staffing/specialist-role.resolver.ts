import { Resolver } from 'type-graphql';
import { DatedCrudResolver } from '../../core/crud.resolver';
import { SpecialistRole } from './specialist-role.entity';
import {
  ChangeSpecialistRoleInput,
  CreateSpecialistRoleInput,
  SpecialistRoleList,
  SpecialistRoleListOptions,
  UpdateSpecialistRoleInput,
} from './specialist-role.inputs';
import { specialistRoleService } from './specialist-role.service';

@Resolver(() => SpecialistRole)
export class SpecialistRoleResolver extends DatedCrudResolver({
  entity: SpecialistRole,
  name: 'SpecialistRole',
  plural: 'specialistRoles',
  list: SpecialistRoleList,
  listOptions: SpecialistRoleListOptions,
  createInput: CreateSpecialistRoleInput,
  updateInput: UpdateSpecialistRoleInput,
  changeInput: ChangeSpecialistRoleInput,
  service: specialistRoleService,
  resource: 'specialistRoles',
  changeDescription: 'Renames the role (or rewrites its description) from a day. endSpecialistRole retires it.',
}) {}
