import { compact } from '../parse/normalize.ts';
import type { TableRow } from '../../schemas/figures.ts';
import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/** Labels of a table's total row (not 全国 or 全体: a table may show some prefectures and the whole country). */
const TOTAL_ROW = /^(?:計|合計|総計|総数)$/;
/** A row that is part of the row above it (「うち政令市」), not of the total. */
const OF_WHICH_ROW = /^[（(]?うち/;

/**
 * A table's total row (計, 合計, 総数 …) equals, column by column, the sum of the rows above it on
 * the same slide (back to the table's start or to the total row before): the cells that are
 * whole numbers; an empty cell (－) counts as 0; a 「うち…」 row is part of the row above, not summed;
 * columns of percentages or decimals (rates, averages) are no sums. Rows with another number of cells
 * belong to another table.
 */
export const tableTotal: GenericRule = {
  id: 'table-total',
  description: "a table's total row equals the sum of its rows",
  run(ctx) {
    const out: RuleOutcome[] = [];
    const rows = ctx.briefing.tableRows;
    rows.forEach((total, i) => {
      if (!TOTAL_ROW.test(compact(total.label))) return;
      const parts: TableRow[] = [];
      // the rows right above, line after line (blank lines between): a line that is not a row ends the table,
      // so that a row the parse could not read never makes a total look wrong
      const adjacent = (upper: TableRow, lower: TableRow) => {
        for (let line = upper.at.endLine + 1; line < lower.at.line; line++) if (ctx.lineText(line).trim() !== '') return false;
        return true;
      };
      for (let k = i - 1; k >= 0; k--) {
        const row = rows[k]!;
        if (row.slide !== total.slide || row.cells.length !== total.cells.length || TOTAL_ROW.test(compact(row.label)) || !adjacent(row, parts[0] ?? total)) break;
        parts.unshift(row);
      }
      const summed = parts.filter((r) => !OF_WHICH_ROW.test(compact(r.label)));
      if (summed.length < 2) return;
      total.cells.forEach((cell, c) => {
        const column = summed.map((r) => r.cells[c]!);
        // a column of rates, averages or per-unit values (a percent, a decimal) is no sum
        if (cell.value === null || [cell, ...column].some((x) => /%$/.test(x.printed) || (x.value !== null && !Number.isInteger(x.value)))) return;
        const sum = column.reduce((s, x) => s + (x.value ?? 0), 0);
        out.push({
          id: `table-total:${total.id}:${c + 1}`,
          statement: `表の「${total.label}」の行（${c + 1}列目）は上の${summed.length}行の合計`,
          pass: Math.abs(sum - cell.value!) < 1e-6,
          detail: `${column.map((x) => x.printed).join(' + ')} = ${sum.toLocaleString('en-US')}; printed ${cell.printed}`,
          expected: sum.toLocaleString('en-US'),
          actual: cell.printed,
          figures: [fig('total', `${total.label} [${c + 1}]`, cell.value!, cell.printed, total.program, cell.at), ...summed.flatMap((r) => (r.cells[c]!.value === null ? [] : [fig('part', `${r.label} [${c + 1}]`, r.cells[c]!.value!, r.cells[c]!.printed, r.program, r.cells[c]!.at)]))],
          at: cell.at,
        });
      });
    });
    return out;
  },
};
