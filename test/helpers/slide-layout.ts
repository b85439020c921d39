import { textWidth } from '../../pipeline/render-excel/column-width.ts';
import { lineCells } from './make-pdf.ts';

// The bundled text laid out the way a ministry's slide deck is: a 16:9 page per slide, the title in
// a frame at the top, the body in positioned frames — two columns when a run of text is long —
// and tables as real tables (ruled cells, a cell's text on several lines). Every character of the
// slide's text is on its page; only where it stands changes. The model here is drawn by two
// producers (test/helpers/slide-decks.ts): HTML with absolute boxes printed by Chromium, and a flat
// ODP exported by LibreOffice Impress.

/** A 16:9 slide in points (PowerPoint's widescreen 13.33 × 7.5 in). */
export const SLIDE = { width: 960, height: 540, margin: 30, titleHeight: 40, gutter: 36 } as const;
const BODY_TOP = SLIDE.margin + SLIDE.titleHeight + 8;
const BODY_BOTTOM = SLIDE.height - 24;
/** The smallest text a slide is set in (PowerPoint's autofit shrinks no further here). */
const MIN_FONT_SIZE = 3;
const BODY_WIDTH = SLIDE.width - 2 * SLIDE.margin;
/** Line height over font size, for text frames and table cells alike. */
export const LEADING = 1.3;

export interface TextFrame {
  kind: 'text';
  x: number;
  y: number;
  width: number;
  height: number;
  /** the source's lines, one paragraph each: long ones wrap in the frame */
  lines: string[];
}

export interface TableFrame {
  kind: 'table';
  x: number;
  y: number;
  width: number;
  height: number;
  columns: number[];
  /** row → cell → the cell's lines */
  rows: string[][][];
}

export type Frame = TextFrame | TableFrame;

export interface SlideLayout {
  title: string;
  titleSize: number;
  /** the body's font size: the largest that fits the slide (PowerPoint's "shrink text on overflow") */
  fontSize: number;
  frames: Frame[];
  /** the page's height: a 16:9 slide's, unless the slide holds more than fits at the smallest text */
  height: number;
}

type Run = { kind: 'text'; lines: string[] } | { kind: 'table'; rows: string[][][] };

const CONTACT_HEADER = /施策名.*担当課室.*担当者.*電話番号/;
const CONTACT_ROW = /^\s*\d{1,2}(?:\s*[-‐－]\s*[①-⑳])?\s*[．.、]/;
const NUMBERED_ROW = /^\s*[０-９\d]{1,2}(?:\s*[-‐－]\s*[①-⑳])?\s*[．.、]/;
const PHONE = /^0\d{1,4}-\d{1,4}-\d{3,4}$/;

/** What a producer needs of the layout: room for what it does to a table, and what it can set at all. */
export interface LayoutOptions {
  /** a table row's least height in points (LibreOffice keeps rows about 0.6 cm high) */
  minRowHeight: number;
  /**
   * Leave out the spreadsheet dumps (the copies labelled 加工用 / 元データ / 原本 the text
   * extraction took from an embedded workbook, to the end of the slide): a producer that cannot
   * set a 35-column table on a slide shows what a deck shows, the sheet as a chart.
   */
  withoutSheetDumps?: boolean;
}

const SHEET_COPY_LABEL = /^\s*(?:加工用|元データ|原本)(?:\s*\(\d+\))?\s*$/;

/** Lay one slide's lines (as the text extraction has them) out on a slide. */
export function layoutSlide(source: readonly string[], metrics: LayoutOptions = { minRowHeight: 0 }): SlideLayout {
  const all = source.map((l, i) => lineCells(l, i === 0).join('\t'));
  const dump = metrics.withoutSheetDumps ? all.findIndex((l, i) => i > 0 && SHEET_COPY_LABEL.test(l)) : -1;
  const lines = dump > 0 ? all.slice(0, dump) : all;
  const first = lines.findIndex((l) => l.trim() !== '');
  // the contact list's slides open with its heading row: the table starts at the top, no title frame
  const tableFirst = first >= 0 && CONTACT_HEADER.test(lines[first]!.replace(/\s/g, ''));
  const title = first >= 0 && !tableFirst ? lines[first]!.trim() : '';
  const runs = toRuns(lines.slice(tableFirst ? first : first + 1));
  const top = title === '' ? SLIDE.margin : BODY_TOP;
  const titleSize = Math.min(18, (BODY_WIDTH / Math.max(1, textWidth(title))) * 1.8);
  for (let size = 11; size >= MIN_FONT_SIZE; size -= 0.25) {
    const { frames, bottom } = place(runs, size, top, metrics);
    if (bottom <= BODY_BOTTOM) return { title, titleSize, fontSize: size, frames, height: SLIDE.height };
  }
  // a slide with more than a slide holds (a spreadsheet's dump): the smallest text, a longer page
  const { frames, bottom } = place(runs, MIN_FONT_SIZE, top, metrics);
  return { title, titleSize, fontSize: MIN_FONT_SIZE, frames, height: Math.ceil(bottom + SLIDE.height - BODY_BOTTOM) };
}

/** Runs of lines between blank lines; within a run, lines with tabs are a table, the contact list's rows too. */
function toRuns(lines: string[]): Run[] {
  const runs: Run[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length) runs.push(...splitRun(block));
    block = [];
  };
  const contactAt = lines.findIndex((l) => CONTACT_HEADER.test(l.replace(/\s/g, '')));
  if (contactAt >= 0) {
    const before = lines.slice(0, contactAt);
    const rest = lines.slice(contactAt);
    for (const l of before) l.trim() === '' ? flush() : block.push(l);
    flush();
    const header = rest[0]!;
    return [...runs, ...contactTable(header, rest.slice(1))];
  }
  lines.forEach((l, i) => {
    // blank lines between the rows of a spreadsheet dump do not end its table
    const tableGoesOn = block.at(-1)?.includes('\t') && lines.slice(i).find((x) => x.trim() !== '')?.includes('\t');
    if (l.trim() !== '') block.push(l);
    else if (!tableGoesOn) flush();
  });
  flush();
  return runs;
}

function splitRun(block: string[]): Run[] {
  const out: Run[] = [];
  for (const line of block) {
    const kind = line.includes('\t') ? 'table' : 'text';
    const last = out.at(-1);
    if (kind === 'table') {
      const row = line.split('\t').map((c) => (c === '' ? [] : [c]));
      if (last?.kind === 'table') last.rows.push(row);
      else out.push({ kind, rows: [row] });
    } else if (last?.kind === 'text') last.lines.push(line);
    else out.push({ kind, lines: [line] });
  }
  return out;
}

/**
 * The contact list as a four-column table (施策名 / 担当課室 / 担当者 / 電話番号): a numbered line
 * starts a row, the lines after it add to its cells; each word goes to the column it belongs to,
 * and a cell keeps the source's line breaks (「久芝、森本、豊原、」「河西、芳賀」).
 */
function contactTable(header: string, lines: string[]): Run[] {
  const head = header.trim().split(/\s+/);
  const headerCells = [head.slice(0, head.length - 3).join(' '), ...head.slice(-3)].map((c) => [c]);
  const rows: string[][][] = [headerCells];
  const trailing: string[] = [];
  let row: string[][] | null = null;
  let departmentSeen = false;
  let afterDot = false;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (/担当者一覧/.test(line.replace(/\s/g, '')) || trailing.length) {
      trailing.push(line); // the list's footer: a frame under the table
      continue;
    }
    if (CONTACT_ROW.test(line) || NUMBERED_ROW.test(line)) {
      row = [[], [], [], []];
      rows.push(row);
      departmentSeen = false;
      afterDot = false;
    } else if (!row) {
      trailing.push(line);
      continue;
    }
    const parts: string[][] = [[], [], [], []];
    for (const [k, token] of line.trim().split(/\s+/).entries()) {
      const name = k === 0 && NUMBERED_ROW.test(line);
      const department = !name && (afterDot || (/(課|室)$/.test(token) && token.length >= 3) || (token.endsWith('・') && !departmentSeen && row[0]!.length > 0));
      const column = PHONE.test(token) ? 3 : department ? 1 : departmentSeen ? 2 : 0;
      if (department) {
        departmentSeen = true;
        afterDot = token.endsWith('・');
      }
      parts[column]!.push(token);
    }
    parts.forEach((p, c) => p.length && row![c]!.push(p.join(' ')));
  }
  const out: Run[] = [{ kind: 'table', rows }];
  if (trailing.length) out.push({ kind: 'text', lines: trailing });
  return out;
}

/** Place the runs top to bottom at one font size: the frames, and where the last one ends. */
function place(runs: Run[], size: number, top: number, metrics: LayoutOptions): { frames: Frame[]; bottom: number } {
  const frames: Frame[] = [];
  let y = top;
  const gap = size * 0.9;
  const wide = (r: Run) => r.kind === 'table' && Math.max(...r.rows.map((row) => row.length)) > 4;
  for (let i = 0; i < runs.length; ) {
    if (wide(runs[i]!)) {
      const table = tableFrame((runs[i++] as { rows: string[][][] }).rows, SLIDE.margin, y, BODY_WIDTH, size, metrics);
      frames.push(table);
      y += table.height + gap;
      continue;
    }
    // the runs up to the next wide table make a band: one column, or two when it is long
    const band: Run[] = [];
    while (i < runs.length && !wide(runs[i]!)) band.push(runs[i++]!);
    const size1 = (r: Run) => (r.kind === 'text' ? r.lines.length : r.rows.length);
    const total = band.reduce((n, r) => n + size1(r), 0);
    if (band.length >= 2 && total >= 10) {
      let split = 1;
      let best = Infinity;
      for (let k = 1, acc = 0; k < band.length; k++) {
        acc += size1(band[k - 1]!);
        if (Math.abs(acc - total / 2) < best) [best, split] = [Math.abs(acc - total / 2), k];
      }
      const width = (BODY_WIDTH - SLIDE.gutter) / 2;
      const left = column(band.slice(0, split), SLIDE.margin, y, width, size, metrics);
      const right = column(band.slice(split), SLIDE.margin + width + SLIDE.gutter, y, width, size, metrics);
      frames.push(...left.frames, ...right.frames);
      y = Math.max(left.bottom, right.bottom) + gap;
    } else {
      const one = column(band, SLIDE.margin, y, BODY_WIDTH, size, metrics);
      frames.push(...one.frames);
      y = one.bottom + gap;
    }
  }
  return { frames, bottom: y - gap };
}

function column(runs: Run[], x: number, top: number, width: number, size: number, metrics: LayoutOptions): { frames: Frame[]; bottom: number } {
  const frames: Frame[] = [];
  let y = top;
  for (const run of runs) {
    const frame: Frame =
      run.kind === 'table'
        ? tableFrame(run.rows, x, y, width, size, metrics)
        : { kind: 'text', x, y, width, height: run.lines.reduce((n, l) => n + wraps(l, width, size), 0) * size * LEADING, lines: run.lines };
    frames.push(frame);
    y += frame.height + size * 0.9;
  }
  return { frames, bottom: y - size * 0.9 };
}

/** Lines a text takes in a frame: full-width characters are an em, the others at most half (an upper bound). */
function wraps(line: string, width: number, size: number): number {
  return Math.max(1, Math.ceil((textWidth(line) * size * 0.5 * 1.15) / width));
}

/** Cell padding at a font size. */
export const cellPadding = (size: number) => Math.max(0.5, size * 0.25);

function tableFrame(rows: string[][][], x: number, y: number, width: number, size: number, metrics: LayoutOptions): TableFrame {
  const count = Math.max(...rows.map((r) => r.length));
  const widest = Array.from({ length: count }, (_, c) => Math.max(2, ...rows.map((r) => Math.max(0, ...(r[c] ?? []).map(textWidth)))));
  const sum = widest.reduce((a, b) => a + b, 0);
  // columns in proportion to their widest text, so that long cells wrap rather than short ones
  const columns = widest.map((w) => Math.max(size * 2 + 2 * cellPadding(size), (width * w) / sum));
  const scale = width / columns.reduce((a, b) => a + b, 0);
  const fitted = columns.map((w) => w * scale);
  const height = rows.reduce((h, r) => h + Math.max(metrics.minRowHeight, rowHeight(r, fitted, size)), 0);
  return { kind: 'table', x, y, width, height, columns: fitted, rows: rows.map((r) => Array.from({ length: count }, (_, c) => r[c] ?? [])) };
}

export function rowHeight(row: string[][], columns: number[], size: number): number {
  const lines = Math.max(1, ...row.map((cell, c) => cell.reduce((n, l) => n + wraps(l, columns[c]! - 2 * cellPadding(size), size), 0)));
  // LibreOffice sets a cell's lines at the font's own height (1.45 em) within a 0.1 cm padding, whatever the style says
  return lines * size * 1.45 + 6;
}
