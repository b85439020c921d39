import { eastAsianWidth } from 'get-east-asian-width';

export interface WidthLimits {
  min: number;
  max: number;
}

export const DEFAULT_WIDTH_LIMITS: WidthLimits = { min: 4, max: 48 };

/** Columns a text takes on screen: full-width characters (漢字, かな, ①, －) count double; the widest line counts. */
export function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let width = 0;
    for (const ch of line) width += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: true });
    widest = Math.max(widest, width);
  }
  return widest;
}

/** A column width (in Excel's character units) that fits the texts, with a little padding, capped: longer text wraps. */
export function fitWidth(texts: readonly string[], limits: WidthLimits = DEFAULT_WIDTH_LIMITS): number {
  const widest = texts.reduce((w, t) => Math.max(w, textWidth(t)), 0);
  return Math.min(limits.max, Math.max(limits.min, widest + 2));
}

/** Lines a text takes in a wrapped cell of this width: its own line breaks, and the wrapping of long lines. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / room)), 0);
}

/**
 * Character units a row of columns may take so that a sheet printed one page wide on A4 keeps its
 * 11-point text at 8.4 points or more: the printable width (A4 less 0.4-inch margins: 784 pt across,
 * 538 pt down) over 7.13 pt per unit — what LibreOffice gives a unit of Excel's default font —
 * times the smallest scale (8.4 / 11).
 */
/** The narrowest a column gets on paper unless it says otherwise: three full-width characters. */
export const MIN_PRINT_WIDTH = 6;

export const PRINT_WIDTH_UNITS = { landscape: 142, portrait: 97 } as const;

/**
 * Narrows the columns until they fit `units`, each by the same share of its width above `floor`
 * (a wide column of long text gives up more than a narrow one; their text wraps instead); a
 * column's floor defaults to MIN_PRINT_WIDTH. Widths already within the budget come back unchanged.
 */
export function fitToPrint(widths: readonly number[], units: number, floors: readonly (number | undefined)[] = []): number[] {
  const above = widths.map((w, i) => Math.max(0, w - (floors[i] ?? MIN_PRINT_WIDTH)));
  const total = widths.reduce((a, w) => a + w, 0);
  const spare = above.reduce((a, w) => a + w, 0);
  if (total <= units || spare === 0) return [...widths];
  const share = Math.min(1, (total - units) / spare);
  return widths.map((w, i) => w - Math.ceil(above[i]! * share));
}
