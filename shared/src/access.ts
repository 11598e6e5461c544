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
  /** Read affairs, their timelines and visits (within scope). */
  READ_AFFAIRS = 'READ_AFFAIRS',
  /** Accept an affair (at a window, at the door, by phone or online). */
  ACCEPT_AFFAIRS = 'ACCEPT_AFFAIRS',
  /** Classify, assign, handle, resolve, close, return, suspend and reject affairs. */
  HANDLE_AFFAIRS = 'HANDLE_AFFAIRS',
  /** Record door-to-door visits. */
  RECORD_VISITS = 'RECORD_VISITS',
  /** Edit the service categories and the working-day calendar. */
  MANAGE_SERVICE = 'MANAGE_SERVICE',
  /** Draft, preview, apply and revert reorganization plans (they show the structure to come). */
  PLAN_REORGANIZATION = 'PLAN_REORGANIZATION',
  /** Be signed in: see yourself, manage your own API tokens. */
  SIGNED_IN = 'SIGNED_IN',
}

const READ = [Permission.SIGNED_IN, Permission.READ_STRUCTURE, Permission.READ_PEOPLE];
/** The one-stop service's front and back office. */
const SERVICE = [Permission.READ_AFFAIRS, Permission.ACCEPT_AFFAIRS, Permission.HANDLE_AFFAIRS];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.DISTRICT_ADMIN]: Object.values(Permission),
  [Role.DISTRICT_OFFICIAL]: [
    ...READ,
    Permission.WRITE_STRUCTURE,
    Permission.WRITE_HOUSEHOLDS,
    Permission.WRITE_RESIDENTS,
    Permission.WRITE_STAFF,
    Permission.REVEAL_PERSONAL_DATA,
    Permission.PLAN_REORGANIZATION,
    ...SERVICE,
    Permission.RECORD_VISITS,
    Permission.MANAGE_SERVICE,
  ],
  [Role.COMMUNITY_COORDINATOR]: [
    ...READ,
    Permission.WRITE_HOUSEHOLDS,
    Permission.WRITE_RESIDENTS,
    Permission.WRITE_STAFF,
    Permission.REVEAL_PERSONAL_DATA,
    ...SERVICE,
    Permission.RECORD_VISITS,
  ],
  [Role.GRID_MEMBER]: [
    ...READ,
    Permission.WRITE_HOUSEHOLDS,
    Permission.WRITE_RESIDENTS,
    Permission.REVEAL_PERSONAL_DATA,
    Permission.READ_AFFAIRS,
    Permission.ACCEPT_AFFAIRS,
    Permission.RECORD_VISITS,
  ],
  [Role.WINDOW_STAFF]: [...READ, Permission.WRITE_RESIDENTS, Permission.REVEAL_PERSONAL_DATA, ...SERVICE],
  // Report builders count affairs and visits; descriptions and findings may hold personal details, so they read figures only.
  [Role.REPORT_BUILDER]: READ,
};

export const hasPermission = (role: Role, permission: Permission) => ROLE_PERMISSIONS[role].includes(permission);

/** Roles whose reach is the whole district; the others see people only inside their communities or grids. */
export const DISTRICT_WIDE_ROLES: readonly Role[] = [Role.DISTRICT_ADMIN, Role.DISTRICT_OFFICIAL, Role.REPORT_BUILDER];

/**
 * `6301**********1234`: what roles with the reveal right see of an ID number
 * (they also see the birth date, and may reveal the rest, audited).
 */
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

/**
 * `6301**************`: what roles without the reveal right see. Characters
 * 7–14 are the birth date and 15–18 the sequence and check characters; with
 * them gone (and birth dates shown as age bands) a masked number stands for
 * thousands of possible ones. The city part (4 characters) is kept, the county
 * part not, since a district's residents mostly carry one of a few county codes.
 */
export function maskIdNumberToCity(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return `${value.slice(0, 4)}${'*'.repeat(Math.max(0, value.length - 4))}`;
}

/** Birth dates are shown to roles without the reveal right as 5-year birth cohorts (1985–1989), which never change with the day read. */
export const AGE_BAND_YEARS = 5;

export interface AgeBand {
  /** First day of the band, e.g. 1985-01-01. */
  bornFrom: string;
  /** Last day of the band, inclusive, e.g. 1989-12-31. */
  bornUntil: string;
}

const pad4 = (year: number) => String(year).padStart(4, '0');

/** The band a birth date (YYYY-MM-DD) falls in. */
export function ageBandOf(birthDate: string): AgeBand {
  const first = Math.floor(Number(birthDate.slice(0, 4)) / AGE_BAND_YEARS) * AGE_BAND_YEARS;
  return { bornFrom: `${pad4(first)}-01-01`, bornUntil: `${pad4(first + AGE_BAND_YEARS - 1)}-12-31` };
}

/** Whether a day is the first (or, with `end`, the last) day of an age band: the only bounds a birth date filter of such roles may use. */
export function isAgeBandBound(day: string, end: boolean): boolean {
  const band = ageBandOf(day);
  return day === (end ? band.bornUntil : band.bornFrom);
}

/** The ages (in whole years) people born within a band have on a day; [0, 0] when none is born yet. */
export function agesOn(band: AgeBand, day: string): { minAge: number; maxAge: number } {
  const age = (born: string) => {
    if (born > day) return 0;
    const years = Number(day.slice(0, 4)) - Number(born.slice(0, 4));
    return day.slice(5) < born.slice(5) ? years - 1 : years;
  };
  return { minAge: age(band.bornUntil), maxAge: age(band.bornFrom) };
}
