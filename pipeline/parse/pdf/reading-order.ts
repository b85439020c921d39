import { cellsOf, inGrid, type Grid } from './grids.ts';
import type { Box, TextRun } from './page-items.ts';
import { endsSentence, firstWordWidth, startsItem, startsWithNumber, joinRuns, joinWrapped, splitsFigure } from './run-text.ts';

/** A line of a page in reading order, with the box it covers (page points, origin top left). */
export interface PageLine {
  text: string;
  box: Box | null;
}

type Unit = (Box & { kind: 'run'; run: TextRun }) | (Box & { kind: 'grid'; grid: Grid; runs: TextRun[] });

interface Emitted extends PageLine {
  box: Box;
  size: number;
  /** how wide the line's first word is: had it fitted on the line before, it would stand there */
  firstWord: number;
  /** the frame or column the line was read in */
  region: Region | null;
}

interface Region {
  /** the right edge of its text: the longest lines' end, when two or more lines end there (text wrapped), else null */
  edge: number | null;
  right: number;
}

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
  for (const run of runs) {
    const g = grids.findIndex((grid) => inGrid(run, grid));
    if (g >= 0) gridRuns[g]!.push(run);
    else units.push({ kind: 'run', run, x0: run.x0, x1: run.x1, y0: run.y0, y1: run.y1 });
  }
  grids.forEach((grid, g) => {
    if (gridRuns[g]!.length) units.push({ kind: 'grid', grid, runs: gridRuns[g]!, x0: grid.x0, x1: grid.x1, y0: grid.y0, y1: grid.y1 });
  });
  const out: Emitted[] = [];
  order(units, out);
  return withBlankLines(joinWrappedLines(out));
}

function order(units: Unit[], out: Emitted[]): void {
  if (units.length === 0) return;
  const slices = toSlices(units);
  const region: Region = { edge: null, right: Math.max(...units.map((u) => u.x1)) };
  const own: Emitted[] = [];
  for (let i = 0; i < slices.length; ) {
    let gutter = interiorGutter(slices[i]!, gutterWidth(slices[i]!));
    let j = i + 1;
    for (; j < slices.length; j++) {
      const group = slices.slice(i, j + 1).flat();
      const shared = interiorGutter(group, gutterWidth(group));
      if (!shared) break;
      gutter = shared;
    }
    if (gutter) {
      const group = slices.slice(i, j).flat();
      const middle = (gutter[0] + gutter[1]) / 2;
      order(group.filter((u) => (u.x0 + u.x1) / 2 < middle), out);
      order(group.filter((u) => (u.x0 + u.x1) / 2 >= middle), out);
      i = j;
    } else {
      const line = emitSlice(slices[i]!, region, out);
      if (line) own.push(line);
      i++;
    }
  }
  region.edge = wrapEdge(own);
}

/**
 * Where the region's wrapped lines end: its furthest line end, when another line ends within a
 * character of it (a paragraph the frame wrapped); else unknown. Lines of one length further in
 * (a table's rows, a list) do not make an edge of their own.
 */
function wrapEdge(lines: Emitted[]): number | null {
  const ends = lines.map((l) => [l.box.x1, l.size] as const).sort((a, b) => b[0] - a[0]);
  return ends.length >= 2 && ends[0]![0] - ends[1]![0] <= ends[0]![1] ? ends[0]![0] : null;
}

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
 * The widest vertical gap, at least `width` wide, that no unit crosses, with units on both sides of
 * it: [left, right] in points, or null.
 */
function interiorGutter(units: Unit[], width: number): [number, number] | null {
  const spans = units.map((u) => [u.x0, u.x1] as const).sort((a, b) => a[0] - b[0]);
  let best: [number, number] | null = null;
  let reach = spans[0]![1];
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 - reach >= width && (!best || x0 - reach > best[1] - best[0])) best = [reach, x0];
    reach = Math.max(reach, x1);
  }
  return best;
}

function emitSlice(slice: Unit[], region: Region, out: Emitted[]): Emitted | null {
  const runs = slice.filter((u): u is Unit & { kind: 'run' } => u.kind === 'run').map((u) => u.run);
  const grids = slice.filter((u): u is Unit & { kind: 'grid' } => u.kind === 'grid');
  for (const g of grids.sort((a, b) => a.y0 - b.y0)) out.push(...gridLines(g.grid, g.runs));
  if (runs.length === 0) return null;
  const first = runs.reduce((a, b) => (b.x0 < a.x0 ? b : a));
  const line: Emitted = { text: joinRuns(runs), box: boxOf(runs), size: Math.max(...runs.map((r) => r.size)), firstWord: firstWordWidth(first), region: grids.length ? null : region };
  out.push(line);
  return line;
}

/**
 * Lines a frame's width broke, joined again: the line before ends at the region's wrap edge and
 * the next line's first word would not have fitted after it; or the break cut a figure (「200」⏎
 * 「万円」). A line that starts a new item (a bullet, ※, ①) is never a continuation.
 */
function joinWrappedLines(lines: Emitted[]): Emitted[] {
  const out: Emitted[] = [];
  let last: Emitted | null = null; // the visual line before, even when it was joined to the one before it
  for (const line of lines) {
    const prev = out.at(-1);
    const region = line.region;
    if (prev && last && region && last.region === region && line.box.y0 - last.box.y1 < Math.min(last.size, line.size) * 0.6 && line.box.y0 > last.box.y0) {
      const edge = region.edge;
      const end = last.box.x1;
      const wrapped = edge !== null && end + line.firstWord > edge - last.size * 0.3 && !startsItem(line.text);
      const atRight = end >= region.right - last.size * 1.5;
      // a number does not break: one that did not fit went to the next line whole (「年間」⏎「560万円」)
      const pushedFigure = edge === null && end + line.firstWord > region.right - last.size * 0.1 && startsWithNumber(line.text) && !endsSentence(last.text);
      if (wrapped || (atRight && splitsFigure(last.text, line.text)) || pushedFigure) {
        prev.text = joinWrapped(prev.text, line.text, true);
        prev.box = union(prev.box, line.box);
        last = line;
        continue;
      }
    }
    out.push({ ...line });
    last = line;
  }
  return out;
}

/** A ruled table row by row: its cells set apart by tabs, a cell's lines joined (a wrapped line without a break). */
function gridLines(grid: Grid, runs: TextRun[]): Emitted[] {
  const table = cellsOf(grid, runs);
  // a cell's text ends before its right rule by the cell's padding, which its left side shows
  const padding = grid.columns.slice(1).map((_, c) => Math.max(0, Math.min(Infinity, ...table.flatMap((row) => row[c]!.map((run) => run.x0))) - grid.columns[c]!));
  return table.flatMap((row, r) => {
    const cells = row.map((cellRuns, c) => {
      const right = grid.columns[c + 1]! - (Number.isFinite(padding[c]!) ? padding[c]! : 0);
      const lines = toSlicesOfRuns(cellRuns).map((rs) => {
        const first = rs.reduce((a, b) => (b.x0 < a.x0 ? b : a));
        return { text: joinRuns(rs), box: boxOf(rs), size: Math.max(...rs.map((x) => x.size)), firstWord: firstWordWidth(first) };
      });
      // a line broke at the cell's edge when the next line's first word would not have fitted after it
      return lines.reduce((text, line, k) => (k === 0 ? line.text : joinWrapped(text, line.text, lines[k - 1]!.box.x1 + line.firstWord > right - line.size * 0.1)), '');
    });
    if (cells.every((c) => c === '')) return [];
    const box = { x0: grid.x0, x1: grid.x1, y0: grid.rows[r]!, y1: grid.rows[r + 1]! };
    const size = Math.max(...row.flat().map((x) => x.size));
    return [{ text: cells.join('\t').replace(/\t+$/, ''), box, size, firstWord: 0, region: null }];
  });
}

function toSlicesOfRuns(runs: TextRun[]): TextRun[][] {
  return toSlices(runs.map((run) => ({ kind: 'run' as const, run, x0: run.x0, x1: run.x1, y0: run.y0, y1: run.y1 }))).map((s) => s.map((u) => (u as { run: TextRun }).run));
}

function withBlankLines(lines: Emitted[]): PageLine[] {
  const out: PageLine[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev && (line.box.y0 - prev.box.y1 > Math.min(line.size, prev.size) * 0.6 || line.box.y0 < prev.box.y0 - 0.5)) out.push({ text: '', box: null });
    out.push({ text: line.text, box: line.box });
  });
  return out;
}

function boxOf(boxes: readonly Box[]): Box {
  return boxes.reduce(union);
}

function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
