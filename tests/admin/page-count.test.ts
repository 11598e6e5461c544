import { pageCount } from '../../admin/src/dataProvider/page';

describe("a list's count on the dashboard", () => {
  it('is the total when the API counted every row', () => {
    expect(pageCount({ items: [1, 2], totalItems: 27, totalItemsIsExact: true }, 2, 25)).toEqual({ total: 27 });
  });

  it('is partial pagination when more rows match than the API counts: a next page while pages are full', () => {
    const full = Array.from({ length: 25 }, (_, i) => i);
    expect(pageCount({ items: full, totalItems: 10_000, totalItemsIsExact: false }, 1, 25)).toEqual({
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    expect(pageCount({ items: full.slice(0, 3), totalItems: 10_000, totalItemsIsExact: false }, 500, 25)).toEqual({
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
  });
});
