import { escapeRegExp } from '../lib/regexp.ts';
import type { NormalizedLine } from './normalize.ts';
import { compact } from './normalize.ts';
import { isLetterSpaced } from './normalize-spacing.ts';

export interface SheetBlock {
  label: string;
  lines: NormalizedLine[];
}

export interface SlideSegment {
  index: number;
  /** content lines: page numbers removed, embedded sheet dumps set apart */
  lines: NormalizedLine[];
  startLine: number;
  endLine: number;
  printedPage: number | null;
  sheets: SheetBlock[];
  title: string;
}

export interface SegmentNote {
  ruleId: string;
  severity: 'info' | 'warning';
  reason: string;
  line: NormalizedLine | null;
}

/**
 * The line that labels a copy of an embedded spreadsheet: one of the manifest's labels (加工用,
 * 元データ, 原本 — with a number, 加工用 (2)), or a spreadsheet's own default name (Sheet1).
 */
export function sheetLabelPattern(labels: readonly string[]): RegExp {
  const escaped = labels.map(escapeRegExp);
  return new RegExp(`^(?:(?:${escaped.join('|')})(?:\\s*\\(\\d+\\))?|Sheet\\s*\\d+)$`);
}
const PAGE_NUMBER = /^\d{1,3}$/;
/** "未公表       121団体": a label aligned to its number with a wide gap is a table cell, not a title. */
const TABLE_CELL = /\S(?: {2,}|\u3000)[ \u3000]*\d/;

/**
 * Split the briefing into printed slides. The rules, in order:
 *  (a) a raw line that starts with exactly one space marks a page break (the extraction turned
 *      each form feed into a space), unless it is an aligned table cell, sits in a spreadsheet
 *      dump, or the manifest lists it under notPageStarts;
 *  (b) three or more blank lines end a page (they follow the printed page number);
 *  (c) two blank lines before a letter-spaced heading start a page.
 * Blocks labelled as a spreadsheet copy (the manifest's sheets.copyLabels: 加工用 / 元データ / 原本)
 * after a blank run are spreadsheet dumps embedded in the current slide: they are kept apart, not
 * counted as pages.
 */
export function segmentSlides(lines: readonly NormalizedLine[], notPageStarts: readonly string[], sheetLabels: readonly string[]): { slides: SlideSegment[]; notes: SegmentNote[] } {
  const skip = new Set(notPageStarts.map(compact));
  const SHEET_LABEL = sheetLabelPattern(sheetLabels);
  const notes: SegmentNote[] = [];
  const groups: { lines: NormalizedLine[]; sheets: SheetBlock[] }[] = [];
  let current: { lines: NormalizedLine[]; sheets: SheetBlock[] } | null = null;
  let sheet: SheetBlock | null = null;
  let blankRun = 0;
  let page: number | undefined;

  for (const [at, line] of lines.entries()) {
    // In a PDF every page is a slide: its page boundaries are certain, unlike a text extraction's.
    const newPdfPage = line.page !== undefined && line.page !== page;
    page = line.page;
    if (newPdfPage && current && line.text.trim() === '') {
      current = { lines: [line], sheets: [] };
      groups.push(current);
      sheet = null;
      blankRun = 1;
      continue;
    }
    if (line.text.trim() === '') {
      blankRun++;
      (sheet ? sheet.lines : current?.lines)?.push(line);
      continue;
    }
    const cell = TABLE_CELL.test(line.raw) || (sheet !== null && line.page === undefined);
    const marked = line.pageStart && !cell && !skip.has(compact(line.text));
    if (line.pageStart && !cell && !marked) {
      notes.push({ ruleId: 'segment-not-page-start', severity: 'info', reason: `"${line.text}" starts like a page but the manifest says it is not one`, line });
    }
    const heading = blankRun >= 2 && isLetterSpaced(line.raw);
    const afterGap = blankRun >= 3 && !sheet && current !== null && current.lines.some((l) => l.text.trim() !== '');
    // In a PDF the label of a sheet copy has no page marker and may follow its slide without a gap:
    // there it is the label alone on its line, set apart from the sheet below it.
    const sheetStart = () => blankRun >= 3 || line.pageStart || (line.page !== undefined && setApartBelow(lines, at));
    if (current && SHEET_LABEL.test(line.text.trim()) && sheetStart()) {
      sheet = { label: line.text.trim(), lines: [line] };
      current.sheets.push(sheet);
    } else if (!current || newPdfPage || (line.page === undefined && (marked || heading || afterGap))) {
      // (a PDF page is one slide whatever its gaps: only a text extraction is split by them)
      sheet = null;
      current = { lines: [line], sheets: [] };
      groups.push(current);
    } else if (sheet) {
      sheet.lines.push(line);
    } else {
      current.lines.push(line);
    }
    blankRun = 0;
  }

  const slides = groups.map((g, i) => finishSlide(g, i + 1, notes));
  return { slides, notes };
}

function finishSlide(group: { lines: NormalizedLine[]; sheets: SheetBlock[] }, index: number, notes: SegmentNote[]): SlideSegment {
  let printedPage: number | null = null;
  const content: NormalizedLine[] = [];
  for (const line of group.lines) {
    const t = line.text.trim();
    if (PAGE_NUMBER.test(t) && Number(t) === index) {
      printedPage = index;
      continue;
    }
    content.push(line);
  }
  // A page number glued to the last line of text ("…徒歩5分10").
  const lastIdx = findLastIndex(content, (l) => l.text.trim() !== '');
  if (printedPage === null && lastIdx >= 0) {
    const last = content[lastIdx]!;
    const m = /(\D)(\d{1,3})$/.exec(last.text);
    if (m && Number(m[2]) === index && !/[\d,.]/.test(m[1]!)) {
      const cut = last.text.length - m[2]!.length;
      content[lastIdx] = { ...last, text: last.text.slice(0, cut), start: last.start.slice(0, cut), end: last.end.slice(0, cut) };
      printedPage = index;
      notes.push({ ruleId: 'segment-glued-page-number', severity: 'info', reason: `page number ${index} glued to the text was removed`, line: last });
    }
  }
  for (const line of content) {
    const t = line.text.trim();
    if (PAGE_NUMBER.test(t) && isAlonePageNumber(content, line) && Number(t) !== index && Math.abs(Number(t) - index) <= 3) {
      notes.push({
        ruleId: 'segment-page-mismatch',
        severity: 'warning',
        reason: `a printed page number ${t} stands on slide ${index}: a page break may be missing or extra (see notPageStarts in the manifest)`,
        line,
      });
    }
  }
  const first = content.find((l) => l.text.trim() !== '') ?? group.lines[0]!;
  const sheetLines = group.sheets.flatMap((s) => s.lines);
  const all = [...group.lines, ...sheetLines];
  return {
    index,
    lines: content,
    startLine: Math.min(...all.map((l) => l.no)),
    endLine: Math.max(...all.map((l) => l.no)),
    printedPage,
    sheets: group.sheets,
    title: first.text.replace(/^[\s●•■○◆▪➢✓]+/, '').trim(),
  };
}

function isAlonePageNumber(content: NormalizedLine[], line: NormalizedLine): boolean {
  const i = content.indexOf(line);
  const next = content[i + 1];
  return next === undefined || next.text.trim() === '';
}

/** Two blank lines follow the line on its page, or the next line holds tab-separated cells. */
function setApartBelow(lines: readonly NormalizedLine[], at: number): boolean {
  const [a, b] = [lines[at + 1], lines[at + 2]];
  const blank = (l: NormalizedLine | undefined) => l !== undefined && l.page === lines[at]!.page && l.text.trim() === '';
  if (blank(a) && blank(b)) return true;
  // the sheet's first row right below it, or after one blank line (a table set apart from its label)
  return (a !== undefined && a.tabbed) || (blank(a) && b !== undefined && b.tabbed);
}

function findLastIndex<T>(arr: T[], pred: (x: T) => boolean): number {
  for (let i = arr.length - 1; i >= 0; i--) if (pred(arr[i]!)) return i;
  return -1;
}
