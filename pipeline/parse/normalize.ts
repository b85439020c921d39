import { mapChars } from './normalize-chars.ts';
import type { LinePlace } from './pdf/page-items.ts';
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
  /** where the line stands on its PDF page (points, origin top left), when the source is a PDF */
  box?: LinePlace;
}

const PAGE_MARKER = /^ (?![ \t])\S/;

/** Normalize every line. Pure: the raw text is kept beside the normalized one. */
export function normalizeLines(text: string, pages?: number[], boxes?: readonly (LinePlace | null)[]): NormalizedLine[] {
  const rawLines = text.split('\n');
  return rawLines.map((raw, i) => {
    const line = normalizeLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw, i + 1, pages?.[i]);
    const box = boxes?.[i];
    if (box) line.box = box;
    return line;
  });
}

/** The last text normalized and its lines: the parse and the validation of one source read it once. */
let last: { text: string; pages: number[] | undefined; boxes: readonly (LinePlace | null)[] | undefined; lines: readonly NormalizedLine[] } | null = null;

/**
 * The normalized lines of a text, shared: the parse and the checks of the same source get the same
 * (read-only) lines instead of normalizing the text twice.
 */
export function normalizedLines(text: string, pages?: number[], boxes?: readonly (LinePlace | null)[]): readonly NormalizedLine[] {
  if (last && last.text === text && last.pages === pages && last.boxes === boxes) return last.lines;
  const lines = Object.freeze(normalizeLines(text, pages, boxes));
  last = { text, pages, boxes, lines };
  return lines;
}

export function normalizeLine(raw: string, no: number, page?: number): NormalizedLine {
  let known = lineCache.get(raw);
  if (!known) {
    known = normalizeRaw(raw);
    if (lineCache.size >= LINE_CACHE_SIZE) lineCache.clear();
    lineCache.set(raw, known);
  }
  const line: NormalizedLine = { no, raw, ...known };
  if (page !== undefined) line.page = page;
  return line;
}

type LineForm = Omit<NormalizedLine, 'no' | 'raw' | 'page' | 'box'>;

/**
 * A line normalizes the same wherever it stands: the forms are kept by raw text, so parsing an
 * edited briefing again (the next edition, a validation after a parse, a test's planted slip)
 * normalizes only the lines that changed. The column maps are frozen: shared, never changed.
 */
const lineCache = new Map<string, LineForm>();
const LINE_CACHE_SIZE = 50_000;

function normalizeRaw(raw: string): LineForm {
  const pageStart = PAGE_MARKER.test(raw);
  let mapped = mapChars(raw);
  mapped = collapseLetterSpacing(mapped, pageStart);
  // Trim surrounding spaces (the page marker included); tabs are cell separators and stay.
  let s = 0;
  let e = mapped.chars.length;
  while (s < e && mapped.chars[s] === ' ') s++;
  while (e > s && mapped.chars[e - 1] === ' ') e--;
  return {
    text: mapped.chars.slice(s, e).join(''),
    start: Object.freeze(mapped.start.slice(s, e)) as number[],
    end: Object.freeze(mapped.end.slice(s, e)) as number[],
    pageStart,
    tabbed: raw.includes('\t'),
  };
}

/** The compact form used to compare names: normalized text without any white space. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
