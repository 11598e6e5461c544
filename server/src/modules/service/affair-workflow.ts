import { AffairStatus, AffairTransition } from '@community-grid/shared';
import type { Affair } from './affair.entity';
import type { RouteDecision } from './affair-routing';
import type { WorkingCalendar } from './working-calendar';

const { ACCEPTED, CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED, SUSPENDED, RESOLVED, CLOSED, REJECTED } = AffairStatus;

/** What a transition's caller sends besides the affair: only some transitions read each field. */
export interface TransitionInput {
  note?: string | null;
  categoryId?: string | null;
  staffMemberId?: string | null;
  satisfaction?: number | null;
  reason?: string | null;
}

/** What a transition's side effect may use: the affair as it is, the day, the calendar and the staffing data. */
export interface StepContext {
  affair: Affair;
  input: TransitionInput;
  today: string;
  calendar: WorkingCalendar;
  /** The category's id and due time, checked (BAD_USER_INPUT when unknown or inactive). */
  category(rawId: string): Promise<{ id: number; specialistRoleId: number | null; dueWorkingDays: number }>;
  /** Routing on today for the affair's community. */
  route(specialistRoleId: number | null): Promise<RouteDecision>;
  /** A member of staff who may own the affair: active and working in its community (BAD_USER_INPUT otherwise). */
  staffOfCommunity(rawId: string, field: string): Promise<number>;
  /** Refuses the input with BAD_USER_INPUT naming the field. */
  refuse(field: string, message: string): never;
}

/** Fields a transition writes, and the routing decision it took, if any. */
export interface StepEffect {
  changes: Partial<Affair>;
  route?: RouteDecision;
}

export interface TransitionRule {
  from: readonly AffairStatus[];
  to: AffairStatus;
  /** Input fields that must be present (BAD_USER_INPUT otherwise). */
  requires?: ReadonlyArray<keyof TransitionInput>;
  /** Side effects beyond the status, written with it. */
  effect?: (step: StepContext) => Promise<StepEffect> | StepEffect;
}

/** The due date: the category's working days after acceptance, plus the working days spent suspended. */
export const dueDate = (calendar: WorkingCalendar, acceptedOn: string, dueWorkingDays: number, suspendedWorkingDays: number) =>
  calendar.addWorkingDays(acceptedOn, dueWorkingDays + suspendedWorkingDays);

/**
 * The affair workflow, in one place: for each transition the states it may
 * start from, the state it leads to, what its input must hold, and its side
 * effects. Everything else (the service, the API's allowedTransitions, the
 * dashboard's buttons, the tests) reads this table; any other pair of state
 * and transition is refused with CONFLICT (ILLEGAL_TRANSITION).
 */
export const AFFAIR_TRANSITIONS: Record<AffairTransition, TransitionRule> = {
  /** The back office confirms (or sets) the category; the affair is routed on the day and gets its due date. */
  [AffairTransition.CLASSIFY]: {
    from: [ACCEPTED, RETURNED],
    to: CLASSIFIED,
    async effect(step) {
      const raw = step.input.categoryId ?? (step.affair.categoryId === null ? null : String(step.affair.categoryId));
      if (raw === null) return step.refuse('categoryId', 'is required to classify an affair that was accepted without one');
      const category = await step.category(raw);
      const route = await step.route(category.specialistRoleId);
      return {
        route,
        changes: {
          categoryId: category.id,
          assigneeId: route.assigneeId,
          routeReason: route.reason,
          routeFallback: route.fallback,
          dueOn: dueDate(step.calendar, step.affair.acceptedOn, category.dueWorkingDays, step.affair.suspendedWorkingDays),
        },
      };
    },
  },
  /** Someone takes it on: the one routing chose, or another member of staff of the community named here (district-held affairs need one). */
  [AffairTransition.ASSIGN]: {
    from: [CLASSIFIED],
    to: ASSIGNED,
    async effect(step) {
      if (step.input.staffMemberId)
        return { changes: { assigneeId: await step.staffOfCommunity(step.input.staffMemberId, 'staffMemberId') } };
      if (step.affair.assigneeId === null)
        return step.refuse('staffMemberId', 'the district holds this affair: name the member of staff who handles it');
      return { changes: {} };
    },
  },
  [AffairTransition.START]: { from: [ASSIGNED], to: IN_PROGRESS },
  /** Sent back to the resident (or whoever accepted it) for information; classified again once it is there. */
  [AffairTransition.RETURN]: { from: [CLASSIFIED, ASSIGNED, IN_PROGRESS], to: RETURNED, requires: ['note'] },
  /** The due time pauses from today. */
  [AffairTransition.SUSPEND]: {
    from: [ASSIGNED, IN_PROGRESS],
    to: SUSPENDED,
    requires: ['note'],
    effect: (step) => ({ changes: { suspendedOn: step.today } }),
  },
  /** The working days spent suspended are added to the due time. */
  [AffairTransition.RESUME]: {
    from: [SUSPENDED],
    to: IN_PROGRESS,
    async effect(step) {
      const { affair, calendar, today } = step;
      const suspended = affair.suspendedWorkingDays + calendar.workingDaysBetween(affair.suspendedOn ?? today, today);
      const category = affair.categoryId === null ? null : await step.category(String(affair.categoryId));
      return {
        changes: {
          suspendedOn: null,
          suspendedWorkingDays: suspended,
          dueOn: category ? dueDate(calendar, affair.acceptedOn, category.dueWorkingDays, suspended) : affair.dueOn,
        },
      };
    },
  },
  [AffairTransition.RESOLVE]: {
    from: [IN_PROGRESS],
    to: RESOLVED,
    effect: (step) => ({ changes: { resolvedOn: step.today } }),
  },
  /** Closed with the resident's satisfaction, 1 to 5. */
  [AffairTransition.CLOSE]: {
    from: [RESOLVED],
    to: CLOSED,
    requires: ['satisfaction'],
    effect(step) {
      const satisfaction = step.input.satisfaction!;
      if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5)
        return step.refuse('satisfaction', 'must be a whole number from 1 to 5');
      return { changes: { satisfaction, closedOn: step.today } };
    },
  },
  [AffairTransition.REJECT]: {
    from: [ACCEPTED, CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED],
    to: REJECTED,
    requires: ['reason'],
    effect: (step) => ({ changes: { rejectReason: step.input.reason!, closedOn: step.today } }),
  },
};

/** The transitions an affair in `status` may take, in the table's order. */
export function allowedTransitions(status: AffairStatus): AffairTransition[] {
  return (Object.keys(AFFAIR_TRANSITIONS) as AffairTransition[]).filter((t) => AFFAIR_TRANSITIONS[t].from.includes(status));
}

/** States from which escalation and reminders apply: open and not paused. */
export const RUNNING_STATUSES: readonly AffairStatus[] = [CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED];

export { CLOSED, REJECTED, RESOLVED };
