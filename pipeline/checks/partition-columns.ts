import type { TableRow } from '../../schemas/figures.ts';
import { compact } from '../parse/normalize.ts';
import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/**
 * Column headings that split a total into 都道府県 and 市区町村: every local government is one or
 * the other, so the two 「うち」 columns add up to the column before them.
 */
const PARTITION_HEADER = /うち都道府県うち市(?:区)?町村$/;
/** How far above a table its heading may stand (headings wrap over several lines). */
const HEADER_LINES = 12;

/**
 * In a table headed 「施設数 / うち都道府県 / うち市町村」 (any total, then the two うち columns), each
 * row's total equals its 都道府県 part plus its 市町村 part; an empty cell (－) is 0.
 */
export const partitionColumns: GenericRule = {
  id: 'partition-columns',
  description: 'うち都道府県 + うち市町村 = the total column, in every row',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const rows = ctx.briefing.tableRows.filter((r) => r.cells.length === 3);
    let table: { header: number; rows: TableRow[] } | null = null;
    const flush = () => {
      if (table) check(table.rows);
      table = null;
    };
    const check = (group: TableRow[]) => {
      for (const row of group) {
        const [total, pref, muni] = row.cells as [TableRow['cells'][number], TableRow['cells'][number], TableRow['cells'][number]];
        if (total.value === null) continue;
        const sum = (pref.value ?? 0) + (muni.value ?? 0);
        out.push({
          id: `partition-columns:${row.id}`,
          statement: `${row.label}の行で 合計 = うち都道府県 + うち市町村`,
          pass: sum === total.value,
          detail: `${pref.printed} + ${muni.printed} = ${sum.toLocaleString('en-US')}; printed ${total.printed}`,
          expected: sum.toLocaleString('en-US'),
          actual: total.printed,
          figures: [fig('total', `${row.label} 合計`, total.value, total.printed, row.program, total.at), ...[pref, muni].flatMap((c, k) => (c.value === null ? [] : [fig('part', `${row.label} ${k === 0 ? '都道府県' : '市町村'}`, c.value, c.printed, row.program, c.at)]))],
          at: total.at,
        });
      }
    };
    for (const row of rows) {
      // the heading: the words of the lines right above the row, back to the row before or HEADER_LINES
      const previous = table?.rows.at(-1);
      const continues = previous && previous.slide === row.slide && row.at.line - previous.at.line <= 3;
      if (continues) {
        table!.rows.push(row);
        continue;
      }
      flush();
      let words = '';
      for (let line = row.at.line - 1; line >= Math.max(1, row.at.line - HEADER_LINES); line--) {
        words = compact(ctx.lineText(line)) + words;
        if (PARTITION_HEADER.test(words)) {
          table = { header: line, rows: [row] };
          break;
        }
      }
    }
    flush();
    return out;
  },
};
