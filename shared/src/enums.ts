/**
 * Domain enums shared by the API and the dashboard. Their member names are the
 * values on the wire; the dashboard translates them through i18n.
 */

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum RegistrationType {
  /** Household registration (hukou) is in this community. */
  REGISTERED = 'REGISTERED',
  /** Lives here, registered elsewhere. */
  FLOATING = 'FLOATING',
}

export enum ServiceWindowKind {
  /** One-stop window: accepts any affair, the back office classifies it. */
  COMPREHENSIVE = 'COMPREHENSIVE',
  /** Agency window: the community files the affair on the resident's behalf. */
  INTERMEDIARY = 'INTERMEDIARY',
}

export enum RelationToHead {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  PARENT = 'PARENT',
  GRANDCHILD = 'GRANDCHILD',
  GRANDPARENT = 'GRANDPARENT',
  SIBLING = 'SIBLING',
  OTHER = 'OTHER',
}

export enum ResidentTag {
  ELDERLY_ALONE = 'ELDERLY_ALONE',
  DISABLED = 'DISABLED',
  LOW_INCOME = 'LOW_INCOME',
  VETERAN = 'VETERAN',
  LEFT_BEHIND_CHILD = 'LEFT_BEHIND_CHILD',
}

/** Codes every API error carries in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** A statement ran longer than the database's statement timeout and was stopped. */
  TIMEOUT = 'TIMEOUT',
  /** No database connection came free in time; try again (`retryAfterSeconds`). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** A mutation field not run because an earlier one of the same request failed (the request changed nothing). */
  ROLLED_BACK = 'ROLLED_BACK',
  /** The query nests deeper than the API allows (`limit`, `measured`); refused before it ran. */
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  /** The query has more aliases than the API allows. */
  QUERY_TOO_MANY_ALIASES = 'QUERY_TOO_MANY_ALIASES',
  /** The query has more directives than the API allows. */
  QUERY_TOO_MANY_DIRECTIVES = 'QUERY_TOO_MANY_DIRECTIVES',
  /** The query could return more records than the caller's budget (`limit`, `measured`). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Finer reason for a CONFLICT, in `extensions.reason`. */
export enum ConflictReason {
  /** The record changed since the client read it (optimistic lock). */
  STALE_VERSION = 'STALE_VERSION',
  /** The record still has dependants (a community with grids, ...). */
  HAS_DEPENDANTS = 'HAS_DEPENDANTS',
  /** A value that must be unique is already taken. */
  DUPLICATE = 'DUPLICATE',
  /** An administrator tried to delete the account they are signed in with. */
  OWN_ACCOUNT = 'OWN_ACCOUNT',
  /** Two periods that must not overlap would (one membership at a time, a code or name used twice on the same day). */
  OVERLAP = 'OVERLAP',
  /** A dated change or an end would go before a change already recorded for a later day. */
  LATER_CHANGE = 'LATER_CHANGE',
  /** The record has already ended. */
  ENDED = 'ENDED',
  /** A per-account limit is reached (e.g. active API tokens). */
  LIMIT_REACHED = 'LIMIT_REACHED',
  /** A workflow step not allowed from the record's current state (an affair's transition table). */
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  /** A reorganization plan is not in the state the command needs (applied twice, edited after applying…). */
  PLAN_STATE = 'PLAN_STATE',
}

/** Why signing in failed, in `extensions.reason` of an UNAUTHENTICATED error. */
export enum SignInFailure {
  BAD_CREDENTIALS = 'BAD_CREDENTIALS',
  /** Too many failures for the username or the address; `retryAfterSeconds` says how long to wait. */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
}

/** What a post is a place of duty for. */
export enum PostKind {
  /** The person who runs the community. */
  COORDINATOR = 'COORDINATOR',
  /** A specialist role the community's template requires. */
  SPECIALIST = 'SPECIALIST',
  /** A service window. */
  WINDOW = 'WINDOW',
}

/** The AB post system: A is responsible, B covers when A is away. */
export enum PostSlot {
  A = 'A',
  B = 'B',
}

export enum AbsenceReason {
  LEAVE = 'LEAVE',
  TRAINING = 'TRAINING',
  FIELD_WORK = 'FIELD_WORK',
  SICK = 'SICK',
}

/** A community's specialist role on a day. */
export enum RoleCoverageStatus {
  /** The A holder is there. */
  FILLED = 'FILLED',
  /** The A holder is away (or there is none) and the B holder is there. */
  COVERED_BY_B = 'COVERED_BY_B',
  /** Nobody holds the post, or neither holder is there. */
  VACANT = 'VACANT',
  /** The community's template does not require the role. */
  NOT_REQUIRED = 'NOT_REQUIRED',
}

/** A day's gap in the staffing of a community. */
export enum DutyGapKind {
  /** A required post with nobody on duty: no holder, or A and B both away or inactive. */
  POST_UNCOVERED = 'POST_UNCOVERED',
  /** A B holder needed at a post while on duty at another one the same day. */
  DOUBLE_DUTY = 'DOUBLE_DUTY',
  /** A grid with fewer than two grid members. */
  GRID_UNDERSTAFFED = 'GRID_UNDERSTAFFED',
  /** A grid with more than two grid members. */
  GRID_OVERSTAFFED = 'GRID_OVERSTAFFED',
  /** A grid served by someone inactive, or absent for longer than the configured number of days. */
  GRID_MEMBER_UNAVAILABLE = 'GRID_MEMBER_UNAVAILABLE',
}

/** Where an affair was raised. */
export enum AffairChannel {
  WINDOW = 'WINDOW',
  DOOR_VISIT = 'DOOR_VISIT',
  PHONE = 'PHONE',
  ONLINE = 'ONLINE',
}

/** An affair's state in its workflow (server/src/modules/service/affair-workflow.ts holds the transitions). */
export enum AffairStatus {
  ACCEPTED = 'ACCEPTED',
  CLASSIFIED = 'CLASSIFIED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  RETURNED = 'RETURNED',
  SUSPENDED = 'SUSPENDED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}

/** States in which someone still owes the resident an answer. */
export const OPEN_AFFAIR_STATUSES: readonly AffairStatus[] = [
  AffairStatus.ACCEPTED,
  AffairStatus.CLASSIFIED,
  AffairStatus.ASSIGNED,
  AffairStatus.IN_PROGRESS,
  AffairStatus.RETURNED,
  AffairStatus.SUSPENDED,
];

/** The steps of an affair's workflow, each a command. */
export enum AffairTransition {
  CLASSIFY = 'CLASSIFY',
  ASSIGN = 'ASSIGN',
  START = 'START',
  RETURN = 'RETURN',
  SUSPEND = 'SUSPEND',
  RESUME = 'RESUME',
  RESOLVE = 'RESOLVE',
  CLOSE = 'CLOSE',
  REJECT = 'REJECT',
}

/** What an entry of an affair's timeline records. */
export enum AffairEventKind {
  ACCEPTED = 'ACCEPTED',
  TRANSITION = 'TRANSITION',
  ROUTED = 'ROUTED',
  REROUTED = 'REROUTED',
  ESCALATED = 'ESCALATED',
  REMINDED = 'REMINDED',
}

/** Why routing chose whom it chose. */
export enum RouteReason {
  /** The category's role in the community: its A holder is there. */
  ROLE_A_HOLDER = 'ROLE_A_HOLDER',
  /** The role's A holder is away (or there is none); its B holder is there. */
  ROLE_B_COVERS = 'ROLE_B_COVERS',
  /** The category is handled by the coordinator post (A there). */
  COORDINATOR_A = 'COORDINATOR_A',
  /** The coordinator post's A is away; its B is there. */
  COORDINATOR_B = 'COORDINATOR_B',
  /** Nobody at the community could take it: the district does. */
  DISTRICT = 'DISTRICT',
}

/** Why routing fell back from the category's role to the coordinator post. */
export enum RouteFallback {
  /** The category names no role: the coordinator post handles it. */
  CATEGORY_HAS_NO_ROLE = 'CATEGORY_HAS_NO_ROLE',
  /** The community's template (on the day) does not require the role. */
  ROLE_NOT_IN_TEMPLATE = 'ROLE_NOT_IN_TEMPLATE',
  /** The role's post has no holder on the day. */
  ROLE_VACANT = 'ROLE_VACANT',
  /** Both holders of the role's post are away (or inactive). */
  ROLE_HOLDERS_ABSENT = 'ROLE_HOLDERS_ABSENT',
  /** The coordinator post has nobody there either. */
  COORDINATOR_UNAVAILABLE = 'COORDINATOR_UNAVAILABLE',
}

/** A day the working-day calendar marks against the weekly rule. */
export enum CalendarDayKind {
  /** A public holiday: no work although a weekday. */
  HOLIDAY = 'HOLIDAY',
  /** A make-up working day: work although a weekend day. */
  WORKDAY = 'WORKDAY',
}

export enum VisitPurpose {
  ROUTINE = 'ROUTINE',
  FOLLOW_UP = 'FOLLOW_UP',
  SURVEY = 'SURVEY',
  SPECIAL_POPULATION = 'SPECIAL_POPULATION',
}

/** Where a reorganization plan stands: drafted, applied (in effect from its day, or planned), or reverted. */
export enum PlanStatus {
  DRAFT = 'DRAFT',
  APPLIED = 'APPLIED',
  REVERTED = 'REVERTED',
}

/** What one step of a reorganization plan does; each runs as the structure's own commands, dated on the plan's day. */
export enum PlanStepKind {
  /** A new community or grid from the plan's day. */
  CREATE_UNIT = 'CREATE_UNIT',
  /** An office, community or grid ends the day before; its members go to the named unit. */
  END_UNIT = 'END_UNIT',
  /** New code or names from the plan's day. */
  RENAME_UNIT = 'RENAME_UNIT',
  /** A grid moves to another community (optionally renumbered). */
  MOVE_GRID = 'MOVE_GRID',
  /** A new grid takes some of a grid's households (listed, or by courtyard or building). */
  SPLIT_GRID = 'SPLIT_GRID',
  /** Grids end and their households go to the grid they are merged into. */
  MERGE_GRIDS = 'MERGE_GRIDS',
  /** Households (listed, or by courtyard or building) move to another grid. */
  MOVE_HOUSEHOLDS = 'MOVE_HOUSEHOLDS',
  /** A staff member's assignments in one community end and new ones start in another. */
  TRANSFER_STAFF = 'TRANSFER_STAFF',
  /** One grid assignment or post holding ends the day before. */
  END_ASSIGNMENT = 'END_ASSIGNMENT',
}

/** The units a plan step names. */
export enum UnitLevel {
  OFFICE = 'OFFICE',
  COMMUNITY = 'COMMUNITY',
  GRID = 'GRID',
}
