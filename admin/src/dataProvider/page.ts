/** A list answer's count as react-admin wants it. */
export interface PageCount {
  total?: number;
  pageInfo?: { hasNextPage: boolean; hasPreviousPage: boolean };
}

/**
 * The total when the API counted every row; else (more rows match than the API counts, `totalItemsIsExact`
 * false) react-admin's partial pagination: "1-25 of more than 25", and a next page while pages are full.
 */
export function pageCount(
  list: { items: unknown[]; totalItems: number; totalItemsIsExact: boolean },
  page: number,
  perPage: number,
): PageCount {
  if (list.totalItemsIsExact) return { total: list.totalItems };
  return { pageInfo: { hasNextPage: list.items.length === perPage, hasPreviousPage: page > 1 } };
}
