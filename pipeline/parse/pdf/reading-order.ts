import { inGrid, type Grid } from './grids.ts';
import { joinWrappedLines, paragraphBreaks, withBlankLines, wrapEdge, type Emitted, type Region } from './line-joins.ts';
import { baselineRows, boxOf, max, min, type Box, type PageLine, type TextRun } from './page-items.ts';
import { firstWordWidth, joinRuns, joinedRuns } from './run-text.ts';
import { gridLines } from './table-rows.ts';

type Unit = (Box & { kind: 'run'; run: TextRun }) | (Box & { kind: 'grid'; grid: Grid; runs: TextRun[] });

/**
 * A page's lines in reading order. Ruled tables are read row by row, a row one line with its cells
 * set apart by tabs and a cell's lines kept together. The rest is cut into horizontal slices (the
 * page's lines); consecutive slices that share a wide vertical gap with text on both sides are
 * columns, read one after the other, left to right, and each again the same way: a title, then
 * two columns top to bottom, then what spans the page again under them. A vertical gap wider
 * than a line, or going back up to the next column, is a blank line.
 */
export function readingOrder(runs: readonly TextRun[], grids: readonly Grid[]): PageLine[] {
  const units: Unit[] = [];
  const gridRuns = grids.map(() => [] as TextRun[]);
  const area = (g: Grid) => (g.x1 - g.x0) * (g.y1 - g.y0);
  for (const run of runs) {
    // the smallest grid around the run: a frame drawn around a table is not the table's cell
    let g = -1;
    grids.forEach((grid, k) => {
      if (inGrid(run, grid) && (g < 0 || area(grid) < area(grids[g]!))) g = k;
    });
    if (g >= 0) gridRuns[g]!.push(run);
    else units.push({ kind: 'run', run, x0: run.x0, x1: run.x1, y0: run.y0, y1: run.y1 });
  }
  grids.forEach((grid, g) => {
    if (gridRuns[g]!.length) units.push({ kind: 'grid', grid, runs: gridRuns[g]!, x0: grid.x0, x1: grid.x1, y0: grid.y0, y1: grid.y1 });
  });
  const out: Emitted[] = [];
  order(units, out);
  const breaks = paragraphBreaks(out);
  return withBlankLines(joinWrappedLines(out, breaks), breaks);
}

function order(units: Unit[], out: Emitted[]): void {
  if (units.length === 0) return;
  const slices = toSlices(units);
  const region: Region = { edge: null, right: max(units.map((u) => u.x1)) };
  const width = gutterWidth(units);
  const own: Emitted[] = [];
  for (let i = 0; i < slices.length; ) {
    // the slices from i on that share a gap wide enough for a gutter, the gap narrowing as they add up
    const covered = new Coverage();
    covered.add(slices[i]!);
    let gutter = covered.widestGap(width);
    let j = i + 1;
    for (; j < slices.length; j++) {
      covered.add(slices[j]!);
      const shared = covered.widestGap(width);
      if (!shared) break;
      gutter = shared;
    }
    const group = slices.slice(i, j);
    if (gutter && areColumns(group, gutter)) {
      const middle = (gutter[0] + gutter[1]) / 2;
      order(group.flat().filter((u) => (u.x0 + u.x1) / 2 < middle), out);
      order(group.flat().filter((u) => (u.x0 + u.x1) / 2 >= middle), out);
      i = j;
    } else {
      own.push(...emitSlice(slices[i]!, region, out, width));
      i++;
    }
  }
  region.edge = wrapEdge(own);
}

/** The x-ranges a group of slices covers, merged: the gaps between them run down the whole group. */
class Coverage {
  private spans: [number, number][] = [];
  add(slice: readonly Unit[]): void {
    const all = [...this.spans, ...slice.map((u) => [u.x0, u.x1] as [number, number])].sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [a, b] of all) {
      const last = merged.at(-1);
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    this.spans = merged;
  }
  /** The widest gap between covered ranges, at least `width` wide: text stands on both its sides. */
  widestGap(width: number): [number, number] | null {
    let best: [number, number] | null = null;
    for (let k = 1; k < this.spans.length; k++) {
      const gap: [number, number] = [this.spans[k - 1]![1], this.spans[k]![0]];
      if (gap[1] - gap[0] >= width && (!best || gap[1] - gap[0] > best[1] - best[0])) best = gap;
    }
    return best;
  }
}

/**
 * Whether the two sides of a gap running down a group of lines are columns (frames side by side,
 * read one after the other) rather than the cells of a table without rules (read row by row):
 * each side has three lines or more, the right side's lines start at one x (a table's cells set
 * apart by a gap start wherever the cell before them ends), and they are not figures.
 */
function areColumns(slices: Unit[][], gutter: [number, number]): boolean {
  const middle = (gutter[0] + gutter[1]) / 2;
  const size = Math.max(...slices.flat().map((u) => (u.kind === 'run' ? u.run.size : 0)), 1);
  const starts = slices.map((s) => Math.min(...s.filter((u) => (u.x0 + u.x1) / 2 >= middle).map((u) => u.x0))).filter(Number.isFinite);
  const lefts = slices.filter((s) => s.some((u) => (u.x0 + u.x1) / 2 < middle)).length;
  const left = Math.min(...starts);
  const aligned = starts.filter((x) => x - left <= size).length >= starts.length * 0.8;
  // a side of figures (「1,234」「5,678」, right-aligned or not) is a table's column, not a frame of text
  const rights = slices.map((s) => joinRuns(s.filter((u): u is Unit & { kind: 'run' } => u.kind === 'run' && (u.x0 + u.x1) / 2 >= middle).map((u) => u.run))).filter((t) => t !== '');
  const figures = rights.filter((t) => FIGURE_CELL.test(t)).length >= rights.length * 0.6;
  return starts.length >= 3 && lefts >= 3 && aligned && !figures;
}

/** A cell that is a figure: a number with its unit or mark (1,234 / 95% / 300万円 / 47団体 / ー). */
const FIGURE_CELL = /^[\s(（]*(?:[0-9０-９][0-9０-９,，.．]*\s*[%％]?[万億千百]?[円人団体件回か所名校社年度]*|[ー－-])[\s)）]*$/;

/** Units cut into horizontal slices: each slice's units overlap vertically, one slice's and the next's do not. */
function toSlices(units: Unit[]): Unit[][] {
  const sorted = [...units].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const slices: Unit[][] = [];
  let bottom = -Infinity;
  for (const u of sorted) {
    const tolerance = Math.min(2, (u.y1 - u.y0) * 0.2);
    if (slices.length && u.y0 < bottom - tolerance) {
      slices.at(-1)!.push(u);
      bottom = Math.max(bottom, u.y1);
    } else {
      slices.push([u]);
      bottom = u.y1;
    }
  }
  return slices;
}

/** A column gap is wider than two and a half characters of the text around it (word spaces and aligned figures are not). */
function gutterWidth(units: Unit[]): number {
  const sizes = units.map((u) => (u.kind === 'run' ? u.run.size : 10)).sort((a, b) => a - b);
  return Math.max(12, sizes[Math.floor(sizes.length / 2)]! * 2.5);
}

/**
 * The lines of one slice. Mostly one line; but a tall run (a figure set large, lines set closer than
 * their font) can hold several lines of its neighbours in the slice: those are read apart — on
 * either side of a gap first, then baseline by baseline — never sorted into one line by x.
 */
function emitSlice(slice: Unit[], region: Region, out: Emitted[], width: number): Emitted[] {
  const grids = slice.filter((u): u is Unit & { kind: 'grid' } => u.kind === 'grid');
  const units = slice.filter((u) => u.kind === 'run');
  if (grids.length && units.length) {
    // a table beside text: the side that starts first, then the other
    const parts = [...grids.map((g) => [g] as Unit[]), units].sort((a, b) => min(a.map((u) => u.x0)) - min(b.map((u) => u.x0)));
    return parts.flatMap((part) => emitSlice(part, region, out, width));
  }
  for (const g of grids.sort((a, b) => a.y0 - b.y0)) out.push(...gridLines(g.grid, g.runs));
  if (units.length === 0) return [];
  const runs = units.map((u) => (u as { run: TextRun }).run);
  const rows = baselineRows(runs);
  if (rows.length > 1) {
    const covered = new Coverage();
    covered.add(units);
    const gap = covered.widestGap(width);
    if (gap) {
      const middle = (gap[0] + gap[1]) / 2;
      return [units.filter((u) => (u.x0 + u.x1) / 2 < middle), units.filter((u) => (u.x0 + u.x1) / 2 >= middle)].flatMap((part) => emitSlice(part, region, out, width));
    }
    return rows.flatMap((row) => emitSlice(row.map((run) => ({ kind: 'run' as const, run, x0: run.x0, x1: run.x1, y0: run.y0, y1: run.y1 })), region, out, width));
  }
  const joined = joinedRuns(runs);
  const line: Emitted = {
    text: joined.text,
    box: { ...boxOf(runs), segments: joined.segments },
    size: max(runs.map((r) => r.size)),
    firstWord: firstWordWidth(runs),
    region,
    spaceAtEnd: runs.reduce((a, b) => (b.x1 > a.x1 ? b : a)).spaceAfter,
  };
  out.push(line);
  return [line];
}

