/** What the one-stop service screens read and write. */
export const AFFAIR_ROW = `id status acceptedOn dueOn overdue escalationLevel channel description routeReason
  category { id name nameEn } community { id name nameEn } assignee { id name } resident { id name } household { id address }`;

export const WORKLIST = `query ($options: AffairListOptions) { affairs(options: $options) { totalItems totalItemsIsExact items { ${AFFAIR_ROW} } } }`;

export const AFFAIR = `query ($id: ID!) { affair(id: $id) { ${AFFAIR_ROW} allowedTransitions satisfaction rejectReason routeFallback suspendedWorkingDays
  grid { id name } serviceWindow { id name } acceptedBy { id name }
  timeline { id kind transition fromStatus toStatus actorName note day at routeReason routeFallback escalationLevel assignee { id name } } } }`;

export const TRANSITION = `mutation ($input: AffairTransitionInput!) { transitionAffair(input: $input) { record { id status } } }`;

export const ACCEPT = `mutation ($input: AcceptAffairInput!) { acceptAffair(input: $input) { record { id } } }`;

export const CATEGORIES = `{ serviceCategories(options: { take: 100, filter: { active: { eq: true } }, sort: [{ field: id }] }) { items { id code name nameEn } } }`;

export const RESIDENT_SEARCH = `query ($filter: ResidentFilter) { residents(options: { take: 10, filter: $filter }) { items { id name idNumber phone householdId household { address } } } }`;

export const COUNTS = `{ affairCounts { open overdue dueSoon resolvedThisWeek toClassify } }`;

export const VISITS_DUE = `{ householdsDueForVisit(take: 50) { totalItems items { household { id address } lastVisitedOn dueOn special } } }`;

export const RECORD_VISIT = `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { record { id } } }`;

export const ME = `{ me { id staffMemberId } }`;

export const SERVER_TODAY = '{ communities(options: { take: 1 }) { items { asOf } } }';

/** Statuses in which the due time runs. */
export const RUNNING = ['CLASSIFIED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED'];
export const OPEN = [...RUNNING, 'ACCEPTED', 'SUSPENDED'];
