import { Permission } from '@community-grid/shared';
import { usePermissions } from 'react-admin';

/** What writing each resource needs; the dashboard offers only what the server would accept. */
export const WRITE_PERMISSION: Record<string, Permission> = {
  districts: Permission.WRITE_STRUCTURE,
  offices: Permission.WRITE_STRUCTURE,
  communities: Permission.WRITE_STRUCTURE,
  serviceWindows: Permission.WRITE_STRUCTURE,
  grids: Permission.WRITE_STRUCTURE,
  households: Permission.WRITE_HOUSEHOLDS,
  residents: Permission.WRITE_RESIDENTS,
  staffMembers: Permission.WRITE_STAFF,
  absences: Permission.WRITE_STAFF,
  specialistRoles: Permission.WRITE_STRUCTURE,
  staffingTemplates: Permission.WRITE_STRUCTURE,
  accounts: Permission.MANAGE_ACCOUNTS,
  reorganizationPlans: Permission.PLAN_REORGANIZATION,
};

export function useCan(permission: Permission): boolean {
  const { permissions } = usePermissions<string[]>();
  return Array.isArray(permissions) && permissions.includes(permission);
}

/** Bulk actions (delete) for a list, or none when the role cannot write the resource. */
export function useBulkActions(resource: string): false | undefined {
  return useCan(WRITE_PERMISSION[resource]) ? undefined : false;
}
