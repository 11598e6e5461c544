import type { DataSource } from 'typeorm';

/** What the one-stop service's reads need: found by what they are. */
export interface ServiceTargets {
  community: string;
  grid: string;
  assignee: string;
  last4: string;
}

export async function findServiceTargets(dataSource: DataSource): Promise<ServiceTargets> {
  const [row] = await dataSource.query(`SELECT a.community_id AS community, a.grid_id AS grid, a.assignee_id AS assignee,
      (SELECT right(r.id_number, 4) FROM resident r WHERE r.id = a.resident_id) AS last4
    FROM affair a WHERE a.assignee_id IS NOT NULL AND a.resident_id IS NOT NULL AND a.status = 'IN_PROGRESS' ORDER BY a.id LIMIT 1`);
  if (!row) throw new Error('The sample has no affair in progress');
  return { community: String(row.community), grid: String(row.grid), assignee: String(row.assignee), last4: String(row.last4) };
}

/**
 * The one-stop service's reads at district scale, as named queries (today only):
 * the window's resident search and lookup, and the worklists.
 */
export const serviceQueries = ({ community, grid, assignee, last4 }: ServiceTargets, today: string): Array<[string, string]> => [
  [
    'window: residents of a community found by name',
    `{ residents(options: { take: 10, filter: { communityId: { eq: "${community}" }, search: "马" } }) { totalItems items { id name idNumber phone household { address } } } }`,
  ],
  [
    'window: residents found by the last 4 of an ID number',
    `{ residents(options: { take: 10, filter: { idNumber: { last4: "${last4}" } } }) { totalItems items { id name idNumber household { address } } } }`,
  ],
  [
    'window: residents of a community found by the last 4 of an ID number',
    `{ residents(options: { take: 10, filter: { communityId: { eq: "${community}" }, idNumber: { last4: "${last4}" } } }) { totalItems items { id name idNumber household { address } } } }`,
  ],
  [
    'affairs to classify in a community, by category',
    `{ affairs(options: { take: 50, sort: [{ field: categoryId }, { field: acceptedOn }], filter: { communityId: { eq: "${community}" }, status: { in: [ACCEPTED, RETURNED] } } }) { totalItems items { id description category { name } resident { name } } } }`,
  ],
  [
    'my affairs (one assignee), by due date',
    `{ affairs(options: { take: 50, sort: [{ field: dueOn }], filter: { assigneeId: { eq: "${assignee}" }, status: { in: [CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED, SUSPENDED] } } }) { totalItems items { id dueOn overdue category { name } resident { name } household { address } } } }`,
  ],
  [
    'overdue affairs of the district, by due date',
    `{ affairs(options: { take: 50, sort: [{ field: dueOn }], filter: { dueOn: { lt: "${today}" }, status: { in: [CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED] } } }) { totalItems items { id dueOn escalationLevel assignee { name } community { name } category { name } } } }`,
  ],
  [
    'open affairs of a grid (grid member)',
    `{ affairs(options: { take: 50, sort: [{ field: acceptedOn, order: DESC }], filter: { gridId: { eq: "${grid}" }, status: { in: [ACCEPTED, CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED, SUSPENDED] } } }) { totalItems items { id status household { address } } } }`,
  ],
  ['affair counts of the district (home page)', '{ affairCounts { open overdue dueSoon resolvedThisWeek toClassify } }'],
  ['visit coverage of every grid', '{ visitCoverage { gridId households visited share neverVisited specialDue } }'],
  [
    "a grid's households by visit due date",
    `{ householdsDueForVisit(gridId: "${grid}", take: 50) { totalItems items { household { address } lastVisitedOn dueOn special } } }`,
  ],
];
