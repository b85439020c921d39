import { cellsOf, type Grid } from './grids.ts';
import type { Emitted } from './line-joins.ts';
import { baselineRows, boxOf, max, min, shifted, type Segment, type TextRun } from './page-items.ts';
import { firstWordWidth, joinWrapped, joinedRuns } from './run-text.ts';

/** A ruled table row by row: its cells set apart by tabs, a cell's lines joined (a wrapped line without a break). */
export function gridLines(grid: Grid, runs: TextRun[]): Emitted[] {
  const table = cellsOf(grid, runs);
  // a cell's text ends before its right rule by the cell's padding, which its left side shows
  const padding = grid.columns.slice(1).map((_, c) => Math.max(0, min(table.flatMap((row) => row[c]!.map((run) => run.x0))) - grid.columns[c]!));
  return table.flatMap((row, r) => {
    const cells = row.map((cellRuns, c) => cellText(cellRuns, grid.columns[c + 1]! - (Number.isFinite(padding[c]!) ? padding[c]! : 0)));
    if (cells.every((c) => c.text === '')) return [];
    // every cell keeps its tab, the empty last ones too: the line reads as a table row whatever it holds
    let text = '';
    const segments: Segment[] = [];
    cells.forEach((cell, c) => {
      if (c > 0) text += '\t';
      segments.push(...shifted(cell.segments, text.length));
      text += cell.text;
    });
    const box = { x0: grid.x0, x1: grid.x1, y0: grid.rows[r]!, y1: grid.rows[r + 1]!, segments };
    return [{ text, box, size: max(row.flat().map((x) => x.size)), firstWord: 0, region: null, spaceAtEnd: false }];
  });
}

/** A cell's lines as one text: a line its width broke goes on without a break, another after a space; with where each run stands. */
function cellText(runs: TextRun[], right: number): { text: string; segments: Segment[] } {
  const lines = baselineRows(runs).map((rs) => {
    const joined = joinedRuns(rs);
    // a wide gap inside a cell is no cell of its own: a space, so that the row keeps its columns
    return { text: joined.text.replace(/\t/g, ' '), segments: joined.segments, box: boxOf(rs), size: max(rs.map((x) => x.size)), firstWord: firstWordWidth(rs) };
  });
  let text = '';
  const segments: Segment[] = [];
  lines.forEach((line, k) => {
    // a line broke at the cell's edge when the next line's first word would not have fitted after it
    text = k === 0 ? line.text : joinWrapped(text, line.text, lines[k - 1]!.box.x1 + line.firstWord > right - line.size * 0.1);
    segments.push(...shifted(line.segments, text.length - line.text.length));
  });
  return { text, segments };
}
