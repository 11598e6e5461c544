import { diff } from './audit.service';

describe('audit changes', () => {
  it('keeps only the fields that changed, with their values before and after', () => {
    expect(diff({ id: 1, name: '旧', phone: '1', version: 1 }, { id: 1, name: '新', phone: '1', version: 2 })).toEqual({
      name: { before: '旧', after: '新' },
    });
  });

  it('treats a missing record as all fields null: creation and deletion', () => {
    expect(diff(undefined, { id: 3, name: 'A', tags: ['X'] })).toEqual({
      name: { before: null, after: 'A' },
      tags: { before: null, after: ['X'] },
    });
    expect(diff({ id: 3, name: 'A' }, undefined)).toEqual({ name: { before: 'A', after: null } });
  });

  it('compares dates by instant and arrays by content, and ignores bookkeeping columns', () => {
    const when = new Date('2024-01-01T00:00:00Z');
    expect(diff({ at: when, ids: [1, 2], updatedAt: when }, { at: new Date(when), ids: [1, 2], updatedAt: new Date() })).toEqual({});
  });
});
