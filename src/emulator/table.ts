/**
 * Insertion-ordered rows with O(1) lookup and O(page) paging. Deletes leave holes that are
 * compacted lazily (once per read after deletes), so bulk deletes stay linear.
 */
export class Table<T extends { id: string }> {
  private items: (T | undefined)[] = [];
  private readonly pos = new Map<string, number>();
  private holes = 0;

  get size(): number {
    return this.pos.size;
  }

  get(id: string): T | undefined {
    const i = this.pos.get(id);
    return i === undefined ? undefined : this.items[i];
  }

  add(row: T): void {
    if (this.pos.has(row.id)) throw new Error(`duplicate id ${row.id}`);
    this.pos.set(row.id, this.items.length);
    this.items.push(row);
  }

  remove(id: string): T | undefined {
    const i = this.pos.get(id);
    if (i === undefined) return undefined;
    const row = this.items[i];
    this.items[i] = undefined;
    this.pos.delete(id);
    this.holes++;
    return row;
  }

  private compact(): void {
    if (this.holes === 0) return;
    const next: T[] = [];
    for (const row of this.items) {
      if (row === undefined) continue;
      this.pos.set(row.id, next.length);
      next.push(row);
    }
    this.items = next;
    this.holes = 0;
  }

  /** Rows [offset, offset + count) in insertion order. */
  page(offset: number, count: number): T[] {
    this.compact();
    return (this.items as T[]).slice(offset, offset + count);
  }

  *values(): IterableIterator<T> {
    for (const row of this.items) if (row !== undefined) yield row;
  }

  clear(): void {
    this.items = [];
    this.pos.clear();
    this.holes = 0;
  }
}

/** Rows grouped by region, plus a global id index. */
export class RegionTable<T extends { id: string; regionId: string }> {
  private readonly regions = new Map<string, Table<T>>();
  private readonly byId = new Map<string, T>();

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  inRegion(regionId: string): Table<T> {
    let t = this.regions.get(regionId);
    if (!t) {
      t = new Table<T>();
      this.regions.set(regionId, t);
    }
    return t;
  }

  add(row: T): void {
    this.inRegion(row.regionId).add(row);
    this.byId.set(row.id, row);
  }

  remove(id: string): T | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    this.byId.delete(id);
    this.inRegion(row.regionId).remove(id);
    return row;
  }

  get size(): number {
    return this.byId.size;
  }

  *values(): IterableIterator<T> {
    for (const t of this.regions.values()) yield* t.values();
  }

  clear(): void {
    this.regions.clear();
    this.byId.clear();
  }
}

/** One page of a filtered or unfiltered listing, plus the total. */
export function pageOf<T extends { id: string }>(
  source: Table<T> | T[],
  options: { pageNumber: number; pageSize: number; filter?: (row: T) => boolean },
): { rows: T[]; total: number } {
  const offset = (options.pageNumber - 1) * options.pageSize;
  if (!options.filter && source instanceof Table) {
    return { rows: source.page(offset, options.pageSize), total: source.size };
  }
  const all = source instanceof Table ? [...source.values()] : source;
  const matched = options.filter ? all.filter(options.filter) : all;
  return { rows: matched.slice(offset, offset + options.pageSize), total: matched.length };
}
