import { AuthChecker, Authorized, Extensions } from 'type-graphql';
import { ACCESS, AccessAction, AccessResource, Permission } from '@community-grid/shared';
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { RequestContext } from './request-context';

/** Marks an operation callable without signing in (only `login`). */
export const PUBLIC = 'PUBLIC';

/** Resources of the permission table that have every one of the actions. */
export type ResourceWith<A extends string> = { [R in AccessResource]: [A] extends [keyof (typeof ACCESS)[R]] ? R : never }[AccessResource];

/**
 * Every query and mutation names the resource and action it is, and needs
 * what the permission table (`ACCESS` in shared) says for them. Both go in the
 * schema's field extensions, where a test walks every operation and fails on
 * one without a rule (deny by default) or with one the policy does not list.
 */
export function Allow(publicOperation: typeof PUBLIC): MethodDecorator & PropertyDecorator;
export function Allow<R extends AccessResource>(resource: R, action: AccessAction<R>): MethodDecorator & PropertyDecorator;
export function Allow(resource: string, action?: string): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    if (resource === PUBLIC) {
      Extensions({ permission: PUBLIC })(target, key, descriptor as never);
      return;
    }
    const permission = (ACCESS as Record<string, Record<string, Permission>>)[resource][action!];
    if (!permission) throw new Error(`No permission for ${resource}.${action} in ACCESS`);
    Extensions({ permission, access: `${resource}.${action}` })(target, key, descriptor as never);
    Authorized(permission)(target, key, descriptor as never);
  };
}

export const authChecker: AuthChecker<RequestContext, Permission> = ({ context }, permissions) => {
  if (!context.principal) throw new UnauthenticatedError();
  if (!permissions.every((permission) => context.can(permission))) throw new ForbiddenError();
  return true;
};
