import type { Request } from '../dataProvider/api';
import { graphql } from '../gql';
import type { AcceptAffairInput, AffairListOptions, AffairTransitionInput, RecordVisitInput, ResidentFilter } from '../gql/graphql';

/** What the one-stop service screens read and write: typed operations generated from the schema (`npm run codegen`). */
export const AFFAIR_ROW = graphql(`
  fragment AffairRow on Affair {
    id
    status
    acceptedOn
    dueOn
    overdue
    escalationLevel
    channel
    description
    routeReason
    category {
      id
      name
      nameEn
    }
    community {
      id
      name
      nameEn
    }
    assignee {
      id
      name
    }
    resident {
      id
      name
    }
    household {
      id
      address
    }
  }
`);

const WORKLIST = graphql(`
  query Worklist($options: AffairListOptions) {
    affairs(options: $options) {
      totalItems
      totalItemsIsExact
      items {
        ...AffairRow
      }
    }
  }
`);

const AFFAIR = graphql(`
  query Affair($id: ID!) {
    affair(id: $id) {
      ...AffairRow
      allowedTransitions
      satisfaction
      rejectReason
      routeFallback
      suspendedWorkingDays
      grid {
        id
        name
      }
      serviceWindow {
        id
        name
      }
      acceptedBy {
        id
        name
      }
      timeline {
        id
        kind
        transition
        fromStatus
        toStatus
        actorName
        note
        day
        at
        routeReason
        routeFallback
        escalationLevel
        assignee {
          id
          name
        }
      }
    }
  }
`);

const TRANSITION = graphql(`
  mutation TransitionAffair($input: AffairTransitionInput!) {
    transitionAffair(input: $input) {
      record {
        id
        status
      }
    }
  }
`);

const ACCEPT = graphql(`
  mutation AcceptAffair($input: AcceptAffairInput!) {
    acceptAffair(input: $input) {
      record {
        id
      }
    }
  }
`);

const CATEGORIES = graphql(`
  query ActiveServiceCategories {
    serviceCategories(options: { take: 100, filter: { active: { eq: true } }, sort: [{ field: id }] }) {
      items {
        id
        code
        name
        nameEn
      }
    }
  }
`);

const WINDOWS = graphql(`
  query ServiceWindowChoices {
    serviceWindows(options: { take: 100 }) {
      items {
        id
        name
      }
    }
  }
`);

const RESIDENT_SEARCH = graphql(`
  query ResidentSearch($filter: ResidentFilter) {
    residents(options: { take: 10, filter: $filter }) {
      items {
        id
        name
        idNumber
        phone
        householdId
        household {
          address
        }
      }
    }
  }
`);

const COUNTS = graphql(`
  query AffairCounts {
    affairCounts {
      open
      overdue
      dueSoon
      resolvedThisWeek
      toClassify
    }
  }
`);

const VISITS_DUE = graphql(`
  query HouseholdsDueForVisit {
    householdsDueForVisit(take: 50) {
      totalItems
      items {
        household {
          id
          address
        }
        lastVisitedOn
        dueOn
        special
      }
    }
  }
`);

const RECORD_VISIT = graphql(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      record {
        id
      }
    }
  }
`);

const ME = graphql(`
  query Me {
    me {
      id
      staffMemberId
    }
  }
`);

export function serviceMethods(request: Request) {
  return {
    worklist: async (options: AffairListOptions) => (await request(WORKLIST, { options })).affairs,
    affair: async (id: string) => (await request(AFFAIR, { id })).affair,
    transitionAffair: async (input: AffairTransitionInput) => (await request(TRANSITION, { input })).transitionAffair.record,
    acceptAffair: async (input: AcceptAffairInput) => (await request(ACCEPT, { input })).acceptAffair.record,
    serviceCategories: async () => (await request(CATEGORIES)).serviceCategories.items,
    serviceWindowChoices: async () => (await request(WINDOWS)).serviceWindows.items,
    searchResidents: async (filter: ResidentFilter) => (await request(RESIDENT_SEARCH, { filter })).residents.items,
    affairCounts: async () => (await request(COUNTS)).affairCounts,
    householdsDueForVisit: async () => (await request(VISITS_DUE)).householdsDueForVisit,
    recordVisit: async (input: RecordVisitInput) => (await request(RECORD_VISIT, { input })).recordVisit.record,
    me: async () => (await request(ME)).me,
  };
}

/** react-query keys of the service reads: all under `service`, which a write to an affair or a visit invalidates as a whole. */
export const serviceKeys = {
  all: ['service'] as const,
  worklist: (options: AffairListOptions) => ['service', 'worklist', options] as const,
  affair: (id: string) => ['service', 'affair', id] as const,
  categories: ['service', 'categories'] as const,
  windows: ['service', 'windows'] as const,
  counts: ['service', 'counts'] as const,
  visitsDue: ['service', 'visitsDue'] as const,
  me: ['service', 'me'] as const,
};

/** Statuses in which the due time runs. */
export const RUNNING = ['CLASSIFIED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED'] as const;
export const OPEN = [...RUNNING, 'ACCEPTED', 'SUSPENDED'] as const;
