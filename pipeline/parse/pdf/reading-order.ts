import { cellsOf, inGrid, type Grid } from './grids.ts';
import type { Box, TextRun } from './page-items.ts';
import { endsSentence, endsWithNumber, firstWordWidth, startsItem, startsWithNumber, joinRuns, joinWrapped, splitsFigure } from './run-text.ts';

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
  /** the text layer has a space after the line's last letter (a line broken at a space) */
  spaceAtEnd: boolean;
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
 * Where the region's wrapped lines end: its furthest line end, when another line ends within a
 * character of it (a paragraph the frame wrapped); else unknown. Lines of one length further in
 * (a table's rows, a list) do not make an edge of their own.
 */
function wrapEdge(lines: Emitted[]): number | null {
  // a row of cells (a tab in it) is no wrapped text: right-aligned figures end together
  const ends = lines.filter((l) => !l.text.includes('\t')).map((l) => [l.box.x1, l.size] as const).sort((a, b) => b[0] - a[0]);
  return ends.length >= 2 && ends[0]![0] - ends[1]![0] <= ends[0]![1] ? ends[0]![0] : null;
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
  const line: Emitted = {
    text: joinRuns(runs),
    box: boxOf(runs),
    size: max(runs.map((r) => r.size)),
    firstWord: firstWordWidth(runs),
    region,
    spaceAtEnd: runs.reduce((a, b) => (b.x1 > a.x1 ? b : a)).spaceAfter,
  };
  out.push(line);
  return [line];
}

/** Runs grouped by baseline, top to bottom: runs whose baselines are within a third of the smaller font of each other. */
function baselineRows(runs: readonly TextRun[]): TextRun[][] {
  const rows: TextRun[][] = [];
  for (const run of [...runs].sort((a, b) => a.baseline - b.baseline)) {
    const row = rows.at(-1);
    if (row && run.baseline - row.at(-1)!.baseline <= Math.min(run.size, row.at(-1)!.size) * 0.35) row.push(run);
    else rows.push([run]);
  }
  return rows;
}

/**
 * Lines a frame's width broke, joined again: the line before ends at the region's wrap edge and
 * the next line's first word would not have fitted after it; or the break cut a figure (「200」⏎
 * 「万円」). A line that starts a new item (a bullet, ※, ①) is never a continuation.
 */
function joinWrappedLines(lines: Emitted[], breaks: Breaks): Emitted[] {
  const out: Emitted[] = [];
  let last: Emitted | null = null; // the visual line before, even when it was joined to the one before it
  for (const line of lines) {
    const prev = out.at(-1);
    const region = line.region;
    const cells = last?.text.includes('\t') || line.text.includes('\t');
    if (prev && last && region && !cells && last.region === region && !breaks(last, line) && line.box.y0 > last.box.y0) {
      const edge = region.edge;
      const end = last.box.x1;
      // (a line that ends in a number goes on with its unit, not with another word: 「前年度 100」⏎「今年度 200」)
      const afterNumber = endsWithNumber(last.text) && !splitsFigure(last.text, line.text);
      const wrapped = edge !== null && end + line.firstWord > edge - last.size * 0.3 && !startsItem(line.text) && !afterNumber;
      const atRight = end >= region.right - last.size * 1.5;
      // a number does not break: one that did not fit went to the next line whole (「年間」⏎「560万円」)
      const pushedFigure = edge === null && end + line.firstWord > region.right - last.size * 0.1 && startsWithNumber(line.text) && !endsSentence(last.text);
      if (process.env.DEBUG_JOIN && new RegExp(process.env.DEBUG_JOIN).test(last.text)) console.error("JOIN?", JSON.stringify(last.text.slice(-20)), JSON.stringify(line.text.slice(0, 20)), { end, first: line.firstWord, edge, right: region.right, wrapped, atRight, pushedFigure, size: last.size });
      if (wrapped || (atRight && splitsFigure(last.text, line.text)) || pushedFigure) {
        prev.text = joinWrapped(prev.text, line.text, true, last.spaceAtEnd);
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
        // a wide gap inside a cell is no cell of its own: a space, so that the row keeps its columns
        return { text: joinRuns(rs).replace(/\t/g, ' '), box: boxOf(rs), size: max(rs.map((x) => x.size)), firstWord: firstWordWidth(rs) };
      });
      // a line broke at the cell's edge when the next line's first word would not have fitted after it
      return lines.reduce((text, line, k) => (k === 0 ? line.text : joinWrapped(text, line.text, lines[k - 1]!.box.x1 + line.firstWord > right - line.size * 0.1)), '');
    });
    if (cells.every((c) => c === '')) return [];
    const box = { x0: grid.x0, x1: grid.x1, y0: grid.rows[r]!, y1: grid.rows[r + 1]! };
    const size = Math.max(...row.flat().map((x) => x.size));
    // every cell keeps its tab, the empty last ones too: the line reads as a table row whatever it holds
    return [{ text: cells.join('\t'), box, size, firstWord: 0, region: null, spaceAtEnd: false }];
  });
}

function toSlicesOfRuns(runs: TextRun[]): TextRun[][] {
  return toSlices(runs.map((run) => ({ kind: 'run' as const, run, x0: run.x0, x1: run.x1, y0: run.y0, y1: run.y1 }))).map((s) => s.map((u) => (u as { run: TextRun }).run));
}

function withBlankLines(lines: Emitted[], breaks: Breaks): PageLine[] {
  const out: PageLine[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    // as many blank lines as lines would fit the gap (a text extraction's blank runs), one at least
    // where a frame ends or the reading goes back up to the next column
    const blanks = !prev ? 0 : line.box.y0 < prev.box.y0 - 0.5 ? 1 : breaks(prev, line) ? Math.min(MAX_BLANK_LINES, Math.max(1, Math.round((line.box.y0 - prev.box.y1) / breaks.pitch(prev, line)))) : 0;
    for (let k = 0; k < blanks; k++) out.push({ text: '', box: null });
    out.push({ text: line.text, box: line.box });
  });
  return out;
}

/** A run of blank lines is cut at this many (a page's empty half is not 200 lines). */
const MAX_BLANK_LINES = 40;

interface Breaks {
  (a: Emitted, b: Emitted): boolean;
  /** a line's height with the usual space after it */
  pitch(a: Emitted, b: Emitted): number;
}

/**
 * When the space between two lines is more than the page's usual space between the lines of a
 * paragraph — a gap between frames, a blank line — measured on the page itself: a spreadsheet
 * printed at 0.45 cm a row has wider usual gaps than a slide's text frame.
 */
function paragraphBreaks(lines: readonly Emitted[]): Breaks {
  const gaps = lines
    .slice(1)
    .map((line, i) => [line.box.y0 - lines[i]!.box.y1, Math.min(line.size, lines[i]!.size)] as const)
    .filter(([gap, size]) => gap >= 0 && gap < size * 1.5)
    .map(([gap, size]) => gap / size)
    .sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)]! : 0.3;
  const breaks = (a: Emitted, b: Emitted) => b.box.y0 - a.box.y1 > Math.min(a.size, b.size) * Math.max(0.6, usual * 1.8 + 0.2);
  breaks.pitch = (a: Emitted, b: Emitted) => Math.min(a.size, b.size) * (1 + usual);
  return breaks;
}

function boxOf(boxes: readonly Box[]): Box {
  return boxes.reduce(union);
}

function max(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

function min(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
