import type { MappedChars } from './normalize-chars.ts';

/**
 * Letter-spaced text ("ロ ー カ ル 1 0 ,000プロジ ェクト", "R 6 当 初 予 算 額 ： 5 . 6 億 円") is
 * a layout artefact: the PDF spaced the glyphs out. This removes such spaces and keeps the
 * ones that separate table cells ("年 度 21年度 22年度" → "年度 21年度 22年度").
 */
export function collapseLetterSpacing(m: MappedChars, isTitle: boolean): MappedChars {
  const tokens = tokenize(m.chars);
  if (tokens.length < 2) return m;
  const remove = new Set<number>(); // indexes of space characters to drop
  // Predominance is judged on tokens with letters: table rows of numbers are not letter-spaced.
  const lettered = tokens.filter((t) => t.hasWordChar && !t.digitsOnly);
  const singles = lettered.filter((t) => t.length === 1).length;
  const predominantlySpaced = lettered.length >= 4 && singles / lettered.length > 0.5;
  // Where a spaced line marks word breaks with double spaces, every single space is a letter gap.
  const doubleGaps = tokens.some((t, k) => k > 0 && t.start - tokens[k - 1]!.end >= 2);

  for (let k = 0; k < tokens.length - 1; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    const gap = b.start - a.end;
    const lastA = m.chars[a.end - 1]!;
    const firstB = m.chars[b.start]!;
    if (gap === 1 && predominantlySpaced && joinsInSpacedLine(a, b, doubleGaps)) {
      remove.add(a.end);
    } else if (gap === 1 && isTitle && isCjk(lastA) && isCjk(firstB)) {
      remove.add(a.end);
    } else if (gap >= 2 && predominantlySpaced && doubleGaps) {
      for (let s = a.end + 1; s < b.start; s++) remove.add(s);
    }
  }
  collapseRuns(tokens, m.chars, remove);
  if (remove.size === 0) return m;
  const out: MappedChars = { chars: [], start: [], end: [] };
  for (let i = 0; i < m.chars.length; i++) {
    if (remove.has(i)) continue;
    out.chars.push(m.chars[i]!);
    out.start.push(m.start[i]!);
    out.end.push(m.end[i]!);
  }
  return out;
}

interface Token {
  start: number;
  end: number;
  length: number;
  hasWordChar: boolean;
  digitsOnly: boolean;
  cjkWord: boolean;
  asciiLetters: number;
}

function tokenize(chars: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    while (i < chars.length && chars[i] === ' ') i++;
    if (i >= chars.length) break;
    const start = i;
    while (i < chars.length && chars[i] !== ' ' && chars[i] !== '\t') i++;
    const text = chars.slice(start, i);
    tokens.push({
      start,
      end: i,
      length: text.length,
      hasWordChar: text.some(isWordChar),
      digitsOnly: text.every((c) => c >= '0' && c <= '9'),
      cjkWord: text.some((c) => isCjk(c) && isWordChar(c)),
      asciiLetters: text.filter((c) => /[A-Za-z]/.test(c)).length,
    });
    while (i < chars.length && chars[i] === '\t') i++;
  }
  return tokens;
}

/**
 * Runs of one-character tokens joined by single spaces are letter-spaced words when they hold
 * at least three tokens with a non-digit, or two CJK letters ("年 度"). Runs of digits alone
 * ("11 9 2" in a table) are separate cells and stay apart.
 */
function collapseRuns(tokens: Token[], chars: string[], remove: Set<number>): void {
  let k = 0;
  while (k < tokens.length) {
    if (tokens[k]!.length !== 1) {
      k++;
      continue;
    }
    let j = k;
    while (j + 1 < tokens.length && tokens[j + 1]!.length === 1 && tokens[j + 1]!.start - tokens[j]!.end === 1) j++;
    const run = tokens.slice(k, j + 1);
    const nonDigit = run.filter((t) => t.hasWordChar && !t.digitsOnly).length;
    const cjkLetters = run.filter((t) => t.cjkWord).length;
    const qualifies = (run.length >= 3 && nonDigit >= 1 && run.some((t) => t.hasWordChar)) || (run.length === 2 && cjkLetters === 2);
    if (qualifies) {
      for (let t = k; t < j; t++) remove.add(run[t - k]!.end);
      // A spaced number continues into the next token: "1 0 ,000" → "10,000".
      const next = tokens[j + 1];
      const last = tokens[j]!;
      if (next && next.start - last.end === 1 && /[0-9]/.test(chars[last.start]!) && /^[,.][0-9]/.test(chars.slice(next.start, next.start + 2).join(''))) {
        remove.add(last.end);
      }
    }
    k = j + 1;
  }
}

function joinsInSpacedLine(a: Token, b: Token, doubleGaps: boolean): boolean {
  // Two numbers side by side are table cells; "Organization R" is a real word gap unless the
  // line marks word gaps with double spaces.
  if (a.digitsOnly && b.digitsOnly && (a.length > 1 || b.length > 1)) return false;
  if (!doubleGaps && (isAsciiWord(a) || isAsciiWord(b))) return false;
  return true;
}

function isAsciiWord(t: Token): boolean {
  return t.asciiLetters >= 2;
}

export function isCjk(c: string): boolean {
  const cp = c.charCodeAt(0);
  return (
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x2460 && cp <= 0x24ff) ||
    (cp >= 0x3200 && cp <= 0x33ff)
  );
}

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}]/u.test(c);
}

/** A raw line whose letters are mostly spaced out one by one: the look of a slide heading. */
export function isLetterSpaced(raw: string): boolean {
  if (raw.includes('\t')) return false; // table cells, not a heading
  const tokens = raw.trim().split(/\s+/).filter((t) => /\p{L}/u.test(t) && !/\d/.test(t));
  if (tokens.length < 4) return false;
  return tokens.filter((t) => [...t].length === 1).length / tokens.length >= 0.5;
}
