import { describe, expect, it } from 'vitest';
import { pageOf, RegionTable, Table } from './table.js';

describe('Table', () => {
  it('pages in insertion order and skips deleted rows', () => {
    const t = new Table<{ id: string }>();
    for (let i = 0; i < 10; i++) t.add({ id: `r${i}` });
    t.remove('r0');
    t.remove('r5');
    expect(t.size).toBe(8);
    expect(t.page(0, 3).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(t.page(3, 3).map((r) => r.id)).toEqual(['r4', 'r6', 'r7']);
    expect(t.get('r6')).toEqual({ id: 'r6' });
    expect(t.get('r5')).toBeUndefined();
    t.add({ id: 'r10' });
    expect(t.page(6, 10).map((r) => r.id)).toEqual(['r8', 'r9', 'r10']);
  });

  it('refuses duplicate ids', () => {
    const t = new Table<{ id: string }>();
    t.add({ id: 'a' });
    expect(() => t.add({ id: 'a' })).toThrow(/duplicate/);
  });

  it('counts a filtered total and pages the matches', () => {
    const t = new Table<{ id: string; n: number }>();
    for (let i = 0; i < 25; i++) t.add({ id: `r${i}`, n: i });
    const even = pageOf(t, { pageNumber: 2, pageSize: 5, filter: (r) => r.n % 2 === 0 });
    expect(even.total).toBe(13);
    expect(even.rows.map((r) => r.n)).toEqual([10, 12, 14, 16, 18]);
    expect(pageOf(t, { pageNumber: 6, pageSize: 5 })).toEqual({ rows: [], total: 25 });
  });
});

describe('RegionTable', () => {
  it('keeps regions apart and finds ids globally', () => {
    const t = new RegionTable<{ id: string; regionId: string }>();
    t.add({ id: 'a', regionId: 'x' });
    t.add({ id: 'b', regionId: 'y' });
    expect(t.inRegion('x').size).toBe(1);
    expect(t.get('b')?.regionId).toBe('y');
    t.remove('b');
    expect([t.size, t.inRegion('y').size]).toEqual([1, 0]);
  });
});
