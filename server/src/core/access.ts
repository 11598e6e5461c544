import { AuthChecker, Authorized, Extensions } from 'type-graphql';
import { Permission } from '@community-grid/shared';
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { RequestContext } from './request-context';

/** Marks an operation callable without signing in (only `login`). */
export const PUBLIC = 'PUBLIC';

/**
 * Every query and mutation names what it needs. The permission is also put in
 * the schema's field extensions, where a test walks every operation and fails
 * on one without a rule: deny by default.
 */
export function Allow(permission: Permission | typeof PUBLIC): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ permission })(target, key, descriptor as never);
    if (permission !== PUBLIC) Authorized(permission)(target, key, descriptor as never);
  };
}

export const authChecker: AuthChecker<RequestContext, Permission> = ({ context }, permissions) => {
  if (!context.principal) throw new UnauthenticatedError();
  if (!permissions.every((permission) => context.can(permission))) throw new ForbiddenError();
  return true;
};
