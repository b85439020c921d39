import { cellsOf, type Grid } from './grids.ts';
import type { Emitted } from './line-joins.ts';
import { baselineRows, boxOf, max, min, type TextRun } from './page-items.ts';
import { firstWordWidth, joinRuns, joinWrapped } from './run-text.ts';

/** A ruled table row by row: its cells set apart by tabs, a cell's lines joined (a wrapped line without a break). */
export function gridLines(grid: Grid, runs: TextRun[]): Emitted[] {
  const table = cellsOf(grid, runs);
  // a cell's text ends before its right rule by the cell's padding, which its left side shows
  const padding = grid.columns.slice(1).map((_, c) => Math.max(0, min(table.flatMap((row) => row[c]!.map((run) => run.x0))) - grid.columns[c]!));
  return table.flatMap((row, r) => {
    const cells = row.map((cellRuns, c) => {
      const right = grid.columns[c + 1]! - (Number.isFinite(padding[c]!) ? padding[c]! : 0);
      const lines = baselineRows(cellRuns).map((rs) => {
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
