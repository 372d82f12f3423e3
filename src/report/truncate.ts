/**
 * Size budgets for markdown that must fit a GitHub comment. A long list is cut in the middle
 * (its start and its end survive) with a note saying what was cut; budgets are shared so a
 * short list keeps everything and a long one takes what is left.
 */
export interface Cuttable {
  lines: string[];
  /** Which end matters: `head` keeps the first lines, `both` keeps the start and the end. */
  keep: 'head' | 'both';
  /** What the lines are, for the note: "table rows", "diff lines". */
  what: string;
}

/** Characters a list of lines takes, each with its newline. */
export function sizeOf(lines: string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}

/** Splits `budget` between lists: each gets at most its size, leftovers go to the longer ones. */
export function shareBudget(sizes: number[], budget: number): number[] {
  const shares = sizes.map(() => 0);
  let left = Math.max(0, budget);
  let open = sizes.map((_, i) => i);
  // Each pass either satisfies a list fully or stops; bounded by the number of lists.
  for (let pass = 0; pass <= sizes.length && open.length > 0; pass += 1) {
    const even = Math.floor(left / open.length);
    const small = open.filter((i) => (sizes[i] ?? 0) - (shares[i] ?? 0) <= even);
    if (small.length === 0) {
      for (const i of open) shares[i] = (shares[i] ?? 0) + even;
      return shares;
    }
    for (const i of small) {
      left -= (sizes[i] ?? 0) - (shares[i] ?? 0);
      shares[i] = sizes[i] ?? 0;
    }
    open = open.filter((i) => !small.includes(i));
  }
  return shares;
}

/** The lines that fit in `budget` characters, with a note line where lines were cut. */
export function cutLines(list: Cuttable, budget: number, note: (cut: number) => string): string[] {
  if (sizeOf(list.lines) <= budget) return list.lines;
  const room = Math.max(0, budget - note(list.lines.length).length - 1);
  const head = list.keep === 'both' ? Math.floor(room * 0.6) : room;
  const first = takeWithin(list.lines, head);
  const last =
    list.keep === 'both'
      ? takeWithin(list.lines.slice(first.length).reverse(), room - sizeOf(first)).reverse()
      : [];
  const cut = list.lines.length - first.length - last.length;
  return [...first, note(cut), ...last];
}

function takeWithin(lines: string[], budget: number): string[] {
  const taken: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    taken.push(line);
    used += line.length + 1;
  }
  return taken;
}
