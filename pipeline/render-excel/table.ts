import type ExcelJS from 'exceljs';
import { looksTyped, safeSheetName, safeText } from './cell-safety.ts';
import { fitToPrint, fitWidth, PRINT_WIDTH_UNITS, textWidth, wrappedLines } from './column-width.ts';
import { applyPrintSetup, type PageContext } from './print-setup.ts';

/** A number shown with a format of its own (an amount in 万円 or 億円, a rate in %), and what Excel shows. */
export interface FormattedNumber {
  value: number;
  numFmt: string;
  shown: string;
}

/** A text that opens another file of the output when clicked (a relative path, never a URL of the source). */
export interface LinkedText {
  text: string;
  /** a path relative to the workbook: "programs/01-chiiki-okoshi-kyoryokutai.md" */
  link: string;
}

/** Cells are plain strings and numbers only: nothing that exceljs could write as a formula. */
export type TableCell = string | number | null | FormattedNumber | LinkedText;

export interface TableColumn {
  header: string;
  /** text that must stay text after an edit (phone numbers, 21-①): Text format "@" */
  text?: boolean;
  /** format of plain numbers in this column */
  numFmt?: string;
  /** width cap; longer text wraps */
  maxWidth?: number;
  /** the narrowest this column may get when a sheet is narrowed to print on one A4 width */
  minWidth?: number;
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
  /** the first columns that print; the others are on screen only (default: all) */
  printColumns?: number;
}

/** Points per line of 11-point text with Japanese glyphs, and the row height of one line. */
const LINE_HEIGHT = 16;
const ROW_HEIGHT = 18;
const DEFAULT_COLUMN_WIDTH = 9;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };

/** One sheet: bold filled header frozen on screen and repeated on paper, filter, fitted widths, print setup. */
export function addTableSheet(wb: ExcelJS.Workbook, table: Table, page: PageContext, taken: Set<string>): ExcelJS.Worksheet {
  const name = safeSheetName(table.name, taken);
  taken.add(name);
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: table.freezeColumns ?? 0, ySplit: 1 }],
    // Excel's own default width is 8.43, and exceljs leaves out columns of width 9: say it is 9
    properties: { defaultRowHeight: ROW_HEIGHT, defaultColWidth: DEFAULT_COLUMN_WIDTH },
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

  const printed = table.printColumns ?? table.columns.length;
  // a long header (交付税措置率) may wrap onto two lines rather than widen a column of short values
  const fitted = table.columns.map((c, i) =>
    fitWidth([...headerLines(c.header), ...table.rows.map((cells) => shownText(cells[i] ?? null))], { min: 4, max: c.maxWidth ?? 40 }),
  );
  // the printed columns share one A4 width at a legible size; the others keep their fitted width
  const widths = [...fitToPrint(fitted.slice(0, printed), PRINT_WIDTH_UNITS[table.landscape ? 'landscape' : 'portrait'], table.columns.map((c) => c.minWidth)), ...fitted.slice(printed)];
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
  if (table.printColumns !== undefined && table.printColumns < table.columns.length) {
    // exceljs puts a "$" before each part: "A$1" becomes the absolute "$A$1" spreadsheet programs expect
    ws.pageSetup.printArea = `A$1:${columnLetter(table.printColumns)}$${table.rows.length + 1}`;
  }
  return ws;
}

/** A header as it may wrap: whole up to four full-width characters, else in two halves. */
function headerLines(header: string): string[] {
  const chars = [...header];
  if (textWidth(header) <= 8) return [header];
  const half = Math.ceil(chars.length / 2);
  return [chars.slice(0, half).join(''), chars.slice(half).join('')];
}

/** 1 → A, 12 → L, 27 → AA. */
function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function writeCell(cell: ExcelJS.Cell, value: TableCell, column: TableColumn): void {
  if (value === null || value === '') return;
  if (typeof value === 'object' && 'link' in value) {
    // a relative file link only: no scheme, no way up out of the output folder
    if (!/^[a-z0-9][a-z0-9/._-]*$/.test(value.link) || value.link.includes('..')) throw new Error(`not a link within the output: ${value.link}`);
    const text = safeText(value.text);
    cell.value = { text, hyperlink: value.link };
    if (column.text || looksTyped(text)) cell.numFmt = '@';
    cell.font = { color: { argb: 'FF1F4E79' }, underline: true };
    cell.alignment = { vertical: 'top', wrapText: true };
    return;
  }
  if (typeof value === 'string') {
    const text = safeText(value);
    cell.value = text;
    if (column.text || looksTyped(text)) cell.numFmt = '@';
    // a centered column centers its text as its numbers (「1・2」 beside 3 in a slide column)
    cell.alignment = column.center ? { vertical: 'top', horizontal: 'center', wrapText: true } : { vertical: 'top', wrapText: true };
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
  return 'link' in value ? value.text : value.shown;
}
