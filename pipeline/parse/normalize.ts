import { mapChars } from './normalize-chars.ts';
import { collapseLetterSpacing } from './normalize-spacing.ts';

/** One line of the source after normalization, with a column map back to the raw line. */
export interface NormalizedLine {
  /** 1-based line number in the original file */
  no: number;
  raw: string;
  text: string;
  /** per character of `text`: start column (0-based) in `raw` */
  start: number[];
  /** per character of `text`: end column (exclusive) in `raw` */
  end: number[];
  /** the raw line began with the page-break marker (a single space) */
  pageStart: boolean;
  /** the raw line holds tab-separated cells (a spreadsheet dump) */
  tabbed: boolean;
  /** PDF page the line came from, when the source is a PDF */
  page?: number;
}

const PAGE_MARKER = /^ (?![ \t])\S/;

/** Normalize every line. Pure: the raw text is kept beside the normalized one. */
export function normalizeLines(text: string, pages?: number[]): NormalizedLine[] {
  const rawLines = text.split('\n');
  return rawLines.map((raw, i) => normalizeLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw, i + 1, pages?.[i]));
}

export function normalizeLine(raw: string, no: number, page?: number): NormalizedLine {
  const pageStart = PAGE_MARKER.test(raw);
  let mapped = mapChars(raw);
  mapped = collapseLetterSpacing(mapped, pageStart);
  // Trim surrounding spaces (the page marker included); tabs are cell separators and stay.
  let s = 0;
  let e = mapped.chars.length;
  while (s < e && mapped.chars[s] === ' ') s++;
  while (e > s && mapped.chars[e - 1] === ' ') e--;
  const line: NormalizedLine = {
    no,
    raw,
    text: mapped.chars.slice(s, e).join(''),
    start: mapped.start.slice(s, e),
    end: mapped.end.slice(s, e),
    pageStart,
    tabbed: raw.includes('\t'),
  };
  if (page !== undefined) line.page = page;
  return line;
}

/** The compact form used to compare names: normalized text without any white space. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
