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
