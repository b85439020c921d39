/**
 * The markers a slide puts before a list item or a note, as printed. A marker's family decides
 * nesting: the first family met in a list is its outer level, a new family one level deeper.
 */
export interface Marker {
  /** the marker as printed, trimmed: "○", "①", "(1)", "1．", "※1" */
  text: string;
  /** items of one family are siblings: "○", "enclosed", "paren-number" … */
  family: string;
  /** where the item's text starts after the marker (and the space after it) */
  end: number;
}

const BULLETS = '○◯〇●◎■□◆◇▪▫・•･‧➢➤▶►▷▸✓✔★☆❖◼◦⇒→';
/** Bullets that stand for one another in the extraction (a full-width and a half-width middle dot). */
const BULLET_FAMILY: Record<string, string> = { '◯': '○', '〇': '○', '･': '・', '‧': '・', '•': '・' };

const ENCLOSED = /^([①-⑳㉑-㉟➀-➉⓵-⓾❶-❿➊-➓])/u;
const PAREN_NUMBER = /^([（(]\s*(?:\d{1,2}|[一二三四五六七八九十]|[ア-ン])\s*[）)])/u;
const NUMBER_DOT = /^((?:\d{1,2}|[一二三四五六七八九十])\s*[．.](?!\d))/u;
const ROMAN = /^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])(?=\s)/u;
const NOTE = /^(※(?:\s*\d{1,2}(?=\s))?|[（(]\s*※\s*\d{0,2}\s*[）)]|[（(]\s*注\s*\d{0,2}\s*[）)]|注\s*\d{0,2}\s*[）):：])/u;

function withSpace(text: string, markerEnd: number): number {
  let end = markerEnd;
  while (end < text.length && /\s/.test(text[end]!)) end++;
  return end;
}

/** The list marker at the start of a line, if any (a note marker is not one: see noteMarker). */
export function listMarker(text: string): Marker | null {
  const first = text[0];
  if (first === undefined) return null;
  if (BULLETS.includes(first)) {
    // "・・・" is an ellipsis of a speech balloon, not a bullet.
    if (text.startsWith('・・・')) return null;
    // a bullet alone on its line is a mark of a diagram, not an item
    if (text.trim().length === 1) return null;
    return { text: first, family: BULLET_FAMILY[first] ?? first, end: withSpace(text, 1) };
  }
  for (const [re, family] of [
    [ENCLOSED, 'enclosed'],
    [PAREN_NUMBER, 'paren-number'],
    [NUMBER_DOT, 'number-dot'],
    [ROMAN, 'roman'],
  ] as const) {
    const m = re.exec(text);
    if (m) {
      // "①三大都市圏外…" is an item; a lone "①" with nothing after it is a label of a diagram.
      if (m[1]!.length === text.trim().length) return null;
      return { text: m[1]!.replace(/\s+/g, ''), family: familyOf(family, m[1]!), end: withSpace(text, m[1]!.length) };
    }
  }
  return null;
}

/** Dark and plain enclosed numbers are two families (❶ items may hold ① items). */
function familyOf(family: string, marker: string): string {
  if (family !== 'enclosed') return family;
  return /[❶-❿➊-➓]/u.test(marker) ? 'enclosed-dark' : 'enclosed';
}

/** A note marker at the start of a line: ※, ※1, （※）, （注）, 注）. */
export function noteMarker(text: string): Marker | null {
  const m = NOTE.exec(text);
  if (!m) return null;
  return { text: m[1]!.replace(/\s+/g, ''), family: 'note', end: withSpace(text, m[1]!.length) };
}

/**
 * Where a line holds several items side by side ("○実施主体：… ○活動期間：…", "❶… ❷…"): the
 * offsets at which a new item starts. Only markers after white space and outside brackets count,
 * and only of a family the line itself starts with.
 */
export function itemStarts(text: string): number[] {
  const lead = listMarker(text);
  if (!lead) return [0];
  const starts = [0];
  let depth = 0;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if ('（(「『【［'.includes(c)) depth++;
    else if ('）)」』】］'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth > 0 || !/\s/.test(text[i - 1]!)) continue;
    const m = listMarker(text.slice(i));
    if (m && sameKind(m.family, lead.family) && m.end < text.length - i) starts.push(i);
  }
  return starts;
}

function sameKind(a: string, b: string): boolean {
  const bullet = (f: string) => f.length === 1;
  return a === b || (bullet(a) && bullet(b));
}
