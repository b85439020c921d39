import type ExcelJS from 'exceljs';
import { looksTyped, safeSheetName, safeText } from './cell-safety.ts';
import { fitWidth, wrappedLines } from './column-width.ts';
import { applyPrintSetup, type PageContext } from './print-setup.ts';

/** A number shown with a format of its own (an amount in 万円 or 億円, a rate in %), and what Excel shows. */
export interface FormattedNumber {
  value: number;
  numFmt: string;
  shown: string;
}

/** Cells are plain strings and numbers only: nothing that exceljs could write as a formula. */
export type TableCell = string | number | null | FormattedNumber;

export interface TableColumn {
  header: string;
  /** text that must stay text after an edit (phone numbers, 21-①): Text format "@" */
  text?: boolean;
  /** format of plain numbers in this column */
  numFmt?: string;
  /** width cap; longer text wraps */
  maxWidth?: number;
  /** small counts read better centred than pushed against the next column's text */
  center?: boolean;
}

export interface Table {
  name: string;
  columns: TableColumn[];
  rows: TableCell[][];
  landscape: boolean;
  /** autofilter over the header and data (default true) */
  filter?: boolean;
  /** columns kept in view when scrolling right */
  freezeColumns?: number;
}

/** Points per line of 11-point text with Japanese glyphs, and the row height of one line. */
const LINE_HEIGHT = 16;
const ROW_HEIGHT = 18;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };

/** One sheet: bold filled header frozen on screen and repeated on paper, filter, fitted widths, print setup. */
export function addTableSheet(wb: ExcelJS.Workbook, table: Table, page: PageContext, taken: Set<string>): ExcelJS.Worksheet {
  const name = safeSheetName(table.name, taken);
  taken.add(name);
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: table.freezeColumns ?? 0, ySplit: 1 }],
    properties: { defaultRowHeight: ROW_HEIGHT },
  });

  const header = ws.getRow(1);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = safeText(c.header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });

  table.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 2);
    table.columns.forEach((c, i) => writeCell(row.getCell(i + 1), cells[i] ?? null, c));
  });

  const widths = table.columns.map((c, i) =>
    fitWidth([c.header, ...table.rows.map((cells) => shownText(cells[i] ?? null))], { min: 4, max: c.maxWidth ?? 40 }),
  );
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // spreadsheet programs do not all grow a row for wrapped text on opening: give multi-line rows their height
  [table.columns.map((c) => c.header), ...table.rows.map((cells) => cells.map(shownText))].forEach((texts, r) => {
    const lines = Math.max(1, ...texts.map((t, i) => wrappedLines(t, widths[i] ?? 10)));
    if (lines > 1) ws.getRow(r + 1).height = lines * LINE_HEIGHT + 2;
  });

  if (table.filter !== false) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.rows.length + 1, column: table.columns.length } };
  }
  applyPrintSetup(ws, page, table.landscape);
  return ws;
}

function writeCell(cell: ExcelJS.Cell, value: TableCell, column: TableColumn): void {
  if (value === null || value === '') return;
  if (typeof value === 'string') {
    const text = safeText(value);
    cell.value = text;
    if (column.text || looksTyped(text)) cell.numFmt = '@';
    cell.alignment = { vertical: 'top', wrapText: true };
    return;
  }
  const number = typeof value === 'number' ? value : value.value;
  if (!Number.isFinite(number)) return;
  cell.value = number;
  const numFmt = typeof value === 'number' ? column.numFmt : value.numFmt;
  if (numFmt) cell.numFmt = numFmt;
  cell.alignment = column.center ? { vertical: 'top', horizontal: 'center' } : { vertical: 'top' };
}

function shownText(value: TableCell): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value.shown;
}
