/** Excel refuses a cell longer than this many characters. */
export const MAX_CELL_CHARS = 32_767;
const MAX_SHEET_NAME = 31;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SHEET_NAME_FORBIDDEN: Record<string, string> = { ':': '：', '\\': '＼', '/': '／', '?': '？', '*': '＊', '[': '［', ']': '］' };

/** Text as a cell can hold it: no character XML 1.0 forbids, \n line breaks, at most 32,767 characters. */
export function safeText(text: string): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
  return truncate(clean, MAX_CELL_CHARS);
}

/**
 * Text Excel would turn into a formula, a number or a date if someone retyped it (=…, +…, -…, @…,
 * 03-5253-5394, 21-①): such a cell gets the Text format "@" so that it stays text after an edit.
 */
export function looksTyped(text: string): boolean {
  return /^[=+\-@]/.test(text) || /^[\d０-９]/.test(text);
}

/**
 * A valid, unused sheet name: at most 31 characters, none of : \ / ? * [ ] (replaced by their
 * full-width forms), no apostrophe at either end, not "History", unique ignoring case.
 */
export function safeSheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  let base = safeText(name)
    .replace(/\n/g, ' ')
    .replace(/[:\\/?*[\]]/g, (c) => SHEET_NAME_FORBIDDEN[c]!)
    .trim()
    .replace(/^'+|'+$/g, (q) => '’'.repeat(q.length));
  if (base === '' || base.toLowerCase() === 'history') base = base === '' ? 'Sheet' : `${base}_`;
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `(${n})`;
    const candidate = truncate(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, '') + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Text for a print header or footer: & is a control character there and is doubled. */
export function headerFooterText(text: string, maxChars = 80): string {
  return truncate(safeText(text).replace(/\n/g, ' '), maxChars).replace(/&/g, '&&');
}

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, cut);
}
