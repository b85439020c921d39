import ExcelJS from 'exceljs';

/** Read a workbook back the way a prefecture's spreadsheet program would get it: from its bytes. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** The values of rows 2… (the data under the header), one array per row, empty cells as null, a link as its text. */
export function dataRows(ws: ExcelJS.Worksheet): (ExcelJS.CellValue | null)[][] {
  const rows: (ExcelJS.CellValue | null)[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Array.from({ length: ws.columnCount }, (_, i) => valueOf(row.getCell(i + 1))));
  }
  return rows;
}

/** A cell's value as a reader sees it: the text of a hyperlink, not the link object. */
export function valueOf(cell: ExcelJS.Cell): ExcelJS.CellValue | null {
  const value = cell.value ?? null;
  return value !== null && typeof value === 'object' && 'hyperlink' in value ? value.text : value;
}

/** Where a cell's hyperlink points, or null. */
export function linkOf(cell: ExcelJS.Cell): string | null {
  const value = cell.value;
  return value !== null && typeof value === 'object' && 'hyperlink' in value ? value.hyperlink : null;
}

export function headers(ws: ExcelJS.Worksheet): string[] {
  return Array.from({ length: ws.columnCount }, (_, i) => String(ws.getRow(1).getCell(i + 1).value));
}

/** The data row whose column `header` holds `value`. */
export function rowWhere(ws: ExcelJS.Worksheet, header: string, value: string): ExcelJS.Row {
  const column = headers(ws).indexOf(header) + 1;
  for (let r = 2; r <= ws.rowCount; r++) if (valueOf(ws.getRow(r).getCell(column)) === value) return ws.getRow(r);
  throw new Error(`no row with ${header} = ${value} in ${ws.name}`);
}

export function cellOf(ws: ExcelJS.Worksheet, row: ExcelJS.Row, header: string): ExcelJS.Cell {
  const column = headers(ws).indexOf(header) + 1;
  if (column === 0) throw new Error(`no column ${header} in ${ws.name}`);
  return row.getCell(column);
}
