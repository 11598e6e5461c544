import { Permission } from './access';

const {
  READ_STRUCTURE,
  READ_PEOPLE,
  WRITE_STRUCTURE,
  WRITE_HOUSEHOLDS,
  WRITE_RESIDENTS,
  WRITE_STAFF,
  REVEAL_PERSONAL_DATA,
  READ_AUDIT,
  MANAGE_ACCOUNTS,
  READ_AFFAIRS,
  ACCEPT_AFFAIRS,
  HANDLE_AFFAIRS,
  RECORD_VISITS,
  MANAGE_SERVICE,
  PLAN_REORGANIZATION,
  SIGNED_IN,
} = Permission;

/** What reading (list, show, export) and writing (create, edit, delete) a resource take. */
const crud = (read: Permission, write: Permission) =>
  ({ list: read, show: read, export: read, create: write, edit: write, delete: write }) as const;

/** A dated resource also changes from a day and ends (dated commands). */
const dated = (read: Permission, write: Permission) => ({ ...crud(read, write), change: write, end: write }) as const;

/**
 * What each resource and action needs: the one table behind the server's
 * resolvers (every operation names its resource and action here) and the
 * dashboard's `authProvider.canAccess` (react-admin's pages, buttons, menus
 * and bulk actions). Resources are named as the dashboard names them; the
 * actions are react-admin's (list, show, create, edit, delete, export) and
 * the domain's own (reveal, accept, handle, apply, …).
 *
 * The human-readable policy is docs/access.md; a test fails when the two
 * disagree, so a change of permission is made, and reviewed, in both.
 */
export const ACCESS = {
  districts: crud(READ_STRUCTURE, WRITE_STRUCTURE),
  offices: dated(READ_STRUCTURE, WRITE_STRUCTURE),
  communities: dated(READ_STRUCTURE, WRITE_STRUCTURE),
  serviceWindows: crud(READ_STRUCTURE, WRITE_STRUCTURE),
  grids: dated(READ_STRUCTURE, WRITE_STRUCTURE),
  households: dated(READ_PEOPLE, WRITE_HOUSEHOLDS),
  residents: {
    ...dated(READ_PEOPLE, WRITE_RESIDENTS),
    /** One resident's whole ID number and phone, audited. */
    reveal: REVEAL_PERSONAL_DATA,
    /** Birth dates and ID numbers to their last 4 characters (others see age bands and the city part). */
    birthDates: REVEAL_PERSONAL_DATA,
  },
  staffMembers: crud(READ_PEOPLE, WRITE_STAFF),
  absences: crud(READ_PEOPLE, WRITE_STAFF),
  specialistRoles: dated(READ_STRUCTURE, WRITE_STRUCTURE),
  staffingTemplates: crud(READ_STRUCTURE, WRITE_STRUCTURE),
  /** A community's template from a day (previewed, then applied). */
  templateAdoptions: { list: READ_STRUCTURE, create: WRITE_STAFF },
  /** A community's posts: opened for a template's roles and windows. */
  posts: { list: READ_STRUCTURE, create: WRITE_STAFF },
  postHolders: { list: READ_PEOPLE, assign: WRITE_STAFF, end: WRITE_STAFF, move: WRITE_STAFF },
  postRotations: { list: READ_PEOPLE, create: WRITE_STAFF, end: WRITE_STAFF },
  gridAssignments: { list: READ_PEOPLE, assign: WRITE_STAFF, end: WRITE_STAFF, move: WRITE_STAFF },
  /** Who is on duty and where nobody is: coverage, the duty calendar and the gaps. */
  staffing: { coverage: READ_PEOPLE, roster: READ_PEOPLE, gaps: READ_PEOPLE, gridGaps: READ_PEOPLE },
  structure: { list: READ_STRUCTURE, plannedDays: READ_STRUCTURE, crosswalk: READ_PEOPLE },
  reorganizationPlans: {
    ...crud(PLAN_REORGANIZATION, PLAN_REORGANIZATION),
    editSteps: PLAN_REORGANIZATION,
    apply: PLAN_REORGANIZATION,
    revert: PLAN_REORGANIZATION,
  },
  serviceCategories: crud(READ_STRUCTURE, MANAGE_SERVICE),
  calendarDays: { ...crud(READ_STRUCTURE, MANAGE_SERVICE), workingDay: READ_STRUCTURE },
  affairs: {
    list: READ_AFFAIRS,
    show: READ_AFFAIRS,
    accept: ACCEPT_AFFAIRS,
    /** Classify, assign, handle, resolve, close, return, suspend, reject. */
    handle: HANDLE_AFFAIRS,
    /** Figures only: how many affairs, by state and category. */
    count: READ_PEOPLE,
  },
  visits: { list: READ_AFFAIRS, create: RECORD_VISITS, due: READ_AFFAIRS, coverage: READ_PEOPLE },
  accounts: {
    ...crud(MANAGE_ACCOUNTS, MANAGE_ACCOUNTS),
    resetPassword: MANAGE_ACCOUNTS,
    tokens: MANAGE_ACCOUNTS,
    revokeToken: MANAGE_ACCOUNTS,
  },
  auditEvents: { list: READ_AUDIT, show: READ_AUDIT, export: READ_AUDIT },
  /** The caller's own API tokens. */
  apiTokens: { list: SIGNED_IN, create: SIGNED_IN, delete: SIGNED_IN },
  session: { me: SIGNED_IN, logout: SIGNED_IN },
} as const satisfies Record<string, Record<string, Permission>>;

export type AccessResource = keyof typeof ACCESS;
export type AccessAction<R extends AccessResource> = keyof (typeof ACCESS)[R] & string;

/** The permission a resource's action needs; undefined for one the table does not know (which nobody may do). */
export function permissionFor(resource: string, action: string): Permission | undefined {
  const actions = (ACCESS as Record<string, Record<string, Permission>>)[resource];
  return actions && Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
}

/** Whether permissions allow an action on a resource: deny by default. */
export function canAccess(permissions: readonly string[], resource: string, action: string): boolean {
  const permission = permissionFor(resource, action);
  return !!permission && permissions.includes(permission);
}
