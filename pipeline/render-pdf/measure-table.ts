import { MEASURE_HEADERS, type MeasureColumn, type MeasureRow } from '../views/figure-rows.ts';

/** A column of a measure table in the pack: one of the view's, or all its rates in one. */
export type PackMeasureColumn = MeasureColumn | 'rates';

export interface MeasureCellView {
  text: string;
  num: boolean;
  col: PackMeasureColumn;
}

const RATE_COLUMNS: readonly MeasureColumn[] = ['rate', 'allotment', 'taxShare', 'subsidy'];

/**
 * The columns of a measure table on A4: the view's columns, except that two or more rate columns
 * (措置率, 充当率, 交付税措置率, 補助率) become one 「率」 column whose cell names each rate — four
 * narrow columns would set 「元利償還金の70%」 one or two characters a line.
 */
export function packMeasureColumns(columns: readonly MeasureColumn[]): { headers: { text: string; col: PackMeasureColumn }[]; cells: (row: MeasureRow) => MeasureCellView[] } {
  const rates = columns.filter((c) => RATE_COLUMNS.includes(c));
  const merged = rates.length >= 2;
  const shown: PackMeasureColumn[] = merged ? [...columns.filter((c) => !RATE_COLUMNS.includes(c)), 'rates'] : [...columns];
  return {
    headers: shown.map((col) => ({ text: col === 'rates' ? '率' : MEASURE_HEADERS[col], col })),
    cells: (row) =>
      shown.map((col) =>
        col === 'rates'
          ? { text: rates.flatMap((c) => (row.cells[c] ? [`${MEASURE_HEADERS[c]} ${row.cells[c]}`] : [])).join('\n'), num: false, col }
          : { text: row.cells[col], num: col !== 'kind' && col !== 'item', col },
      ),
  };
}
