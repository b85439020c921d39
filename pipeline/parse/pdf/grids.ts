import type { Box, Rule, TextRun } from './page-items.ts';

/** A ruled table: the y of its horizontal rules and the x of its vertical ones, each sorted. */
export interface Grid extends Box {
  rows: number[];
  columns: number[];
}

const TOUCH = 2;
const SAME = 1.5;

/**
 * Ruled tables of a page: sets of horizontal and vertical rules that cross or touch one another,
 * making two cells or more.
 */
export function findGrids(rules: readonly Rule[]): Grid[] {
  // a page of thousands of rules (a map, a chart's mesh) holds no table this reader would find
  if (rules.length > MAX_RULES) return [];
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) [i, parent[i]] = [parent[i]!, root];
    return root;
  };
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      if (touches(rules[i]!, rules[j]!)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(r);
    else groups.set(root, [r]);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const rows = distinct(group.filter((r) => r.horizontal).map((r) => r.y0));
    const columns = distinct(group.filter((r) => !r.horizontal).map((r) => r.x0));
    // a box drawn around a frame is no table: two cells at least
    if (rows.length < 2 || columns.length < 2 || (rows.length === 2 && columns.length === 2)) continue;
    grids.push({ rows, columns, x0: columns[0]!, x1: columns.at(-1)!, y0: rows[0]!, y1: rows.at(-1)! });
  }
  return grids;
}

/** Above this many rules a page is a drawing, not a table. */
const MAX_RULES = 4000;

function touches(a: Rule, b: Rule): boolean {
  if (a.horizontal === b.horizontal) {
    // collinear pieces of one long rule (a border drawn cell by cell)
    return a.horizontal ? Math.abs(a.y0 - b.y0) < SAME && a.x0 <= b.x1 + TOUCH && b.x0 <= a.x1 + TOUCH : Math.abs(a.x0 - b.x0) < SAME && a.y0 <= b.y1 + TOUCH && b.y0 <= a.y1 + TOUCH;
  }
  const [h, v] = a.horizontal ? [a, b] : [b, a];
  return v.x0 >= h.x0 - TOUCH && v.x0 <= h.x1 + TOUCH && h.y0 >= v.y0 - TOUCH && h.y0 <= v.y1 + TOUCH;
}

function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out.at(-1)! > SAME) out.push(v);
  return out;
}

/** Whether a run stands inside a grid (its middle does). */
export function inGrid(run: TextRun, grid: Grid): boolean {
  const x = (run.x0 + run.x1) / 2;
  const y = (run.y0 + run.y1) / 2;
  return x > grid.x0 && x < grid.x1 && y > grid.y0 && y < grid.y1;
}

/**
 * The runs of a grid by cell: row by row, column by column, each cell's runs (possibly none). A run
 * that crosses a column rule (a merged cell) goes to the column its start is in.
 */
export function cellsOf(grid: Grid, runs: readonly TextRun[]): TextRun[][][] {
  const cells = grid.rows.slice(1).map(() => grid.columns.slice(1).map(() => [] as TextRun[]));
  for (const run of runs) {
    const y = (run.y0 + run.y1) / 2;
    // the cell its middle is in (rows) and its start (columns), the outer ones when it starts outside
    const r = clamp(grid.rows.findIndex((top, k) => k + 1 < grid.rows.length && y >= top && y < grid.rows[k + 1]!), grid.rows.length - 2);
    const c = clamp(grid.columns.findIndex((left, k) => k + 1 < grid.columns.length && run.x0 + 0.5 >= left && run.x0 + 0.5 < grid.columns[k + 1]!), grid.columns.length - 2, run.x0 + 0.5 < grid.columns[0]!);
    cells[r]![c]!.push(run);
  }
  return cells;
}

/** An index found, or the first (before the grid) or last (past it) one when not. */
function clamp(index: number, last: number, before = false): number {
  return index >= 0 ? index : before ? 0 : last;
}
