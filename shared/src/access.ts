/**
 * Who may do what. The server enforces it; the dashboard reads the same
 * table to show only what the server would allow.
 */
export enum Role {
  DISTRICT_ADMIN = 'DISTRICT_ADMIN',
  DISTRICT_OFFICIAL = 'DISTRICT_OFFICIAL',
  COMMUNITY_COORDINATOR = 'COMMUNITY_COORDINATOR',
  GRID_MEMBER = 'GRID_MEMBER',
  WINDOW_STAFF = 'WINDOW_STAFF',
  REPORT_BUILDER = 'REPORT_BUILDER',
}

export enum Permission {
  /** Read the structure: district, offices, communities, service windows, grids. */
  READ_STRUCTURE = 'READ_STRUCTURE',
  /** Read households, residents and staff (within scope; personal data masked). */
  READ_PEOPLE = 'READ_PEOPLE',
  WRITE_STRUCTURE = 'WRITE_STRUCTURE',
  WRITE_HOUSEHOLDS = 'WRITE_HOUSEHOLDS',
  WRITE_RESIDENTS = 'WRITE_RESIDENTS',
  WRITE_STAFF = 'WRITE_STAFF',
  /** See one resident's full ID number and phone; each use is audited. */
  REVEAL_PERSONAL_DATA = 'REVEAL_PERSONAL_DATA',
  READ_AUDIT = 'READ_AUDIT',
  MANAGE_ACCOUNTS = 'MANAGE_ACCOUNTS',
  /** Be signed in: see yourself, manage your own API tokens. */
  SIGNED_IN = 'SIGNED_IN',
}

const READ = [Permission.SIGNED_IN, Permission.READ_STRUCTURE, Permission.READ_PEOPLE];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.DISTRICT_ADMIN]: Object.values(Permission),
  [Role.DISTRICT_OFFICIAL]: [...READ, Permission.WRITE_STRUCTURE, Permission.WRITE_HOUSEHOLDS, Permission.WRITE_RESIDENTS,
    Permission.WRITE_STAFF, Permission.REVEAL_PERSONAL_DATA],
  [Role.COMMUNITY_COORDINATOR]: [...READ, Permission.WRITE_HOUSEHOLDS, Permission.WRITE_RESIDENTS, Permission.WRITE_STAFF,
    Permission.REVEAL_PERSONAL_DATA],
  [Role.GRID_MEMBER]: [...READ, Permission.WRITE_HOUSEHOLDS, Permission.WRITE_RESIDENTS, Permission.REVEAL_PERSONAL_DATA],
  [Role.WINDOW_STAFF]: [...READ, Permission.WRITE_RESIDENTS, Permission.REVEAL_PERSONAL_DATA],
  [Role.REPORT_BUILDER]: READ,
};

export const hasPermission = (role: Role, permission: Permission) => ROLE_PERMISSIONS[role].includes(permission);

/** Roles whose reach is the whole district; the others see people only inside their communities or grids. */
export const DISTRICT_WIDE_ROLES: readonly Role[] = [Role.DISTRICT_ADMIN, Role.DISTRICT_OFFICIAL, Role.REPORT_BUILDER];

/** `630199**********1234`-style masks: enough to tell records apart, not enough to use. */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return `${value.slice(0, 4)}${'*'.repeat(Math.max(0, value.length - 8))}${value.slice(-4)}`;
}

export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

export const isMasked = (value: unknown) => typeof value === 'string' && value.includes('*');
