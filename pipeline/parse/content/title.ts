import type { NormalizedLine } from '../normalize.ts';
import { compact } from '../normalize.ts';
import { bigrams } from '../../lib/bigrams.ts';
import { isLetterSpaced } from '../normalize-spacing.ts';
import { continuesLine, displayWidth } from './join.ts';
import { listMarker, noteMarker } from './markers.ts';

/** The decorative bullet some slide titles carry ("● 地域おこし協力隊の推進…" from a Wingdings glyph). */
const TITLE_BULLET = /^[\s●•■○◆▪➢✓]+/u;
/** "（H26～）", "（H27.3～）": the year a program started, printed after its name in a title. */
const SINCE = /[（(]\s*[HRS]\s*\d+(?:\s*\.\s*\d+)?\s*～\s*[）)]/u;

export interface TitleChoice {
  /** index of the line in the slide's lines; -1 when no line reads as a title */
  li: number;
  text: string;
  /** where the rest of the line starts when the title line also holds a budget or a note; else the line's length */
  end: number;
}

/** What the text layer glued to a title: a budget ("… R6当初予算額:25百万円") or a note ("… ※H26～R2は…"). */
const GLUED = /[ \u3000]*(?:(?:R|令和)\s*\d+\s*(?:当初|補正)?予算額?\s*[:：]|※)/u;

/**
 * The line that titles a slide. The text layer does not keep font sizes, and frames come in any
 * order, so each line is scored for what makes a title on these decks: it begins the page (the
 * form feed marker) or the slide, it is letter-spaced, it names the program, it is short and is
 * no sentence. A note, a bracketed label, a numbered section or a wrapped sentence is no title.
 */
export function chooseTitle(lines: readonly NormalizedLine[], skip: ReadonlySet<number>, programName: string | null): TitleChoice {
  let best: { li: number; score: number } | null = null;
  let seen = 0;
  lines.forEach((line, li) => {
    const text = line.text.trim();
    if (text === '' || skip.has(li)) return;
    const first = seen++ === 0;
    const score = titleScore(line, text, first, programName, lines[li + 1]?.text.trim() ?? '');
    if (score !== null && (!best || score > best.score)) best = { li, score };
  });
  const chosen = best as { li: number; score: number } | null;
  if (!chosen) return { li: -1, text: '', end: 0 };
  const line = lines[chosen.li]!.text;
  const glued = GLUED.exec(line);
  const end = glued && glued.index >= 6 ? glued.index : line.length;
  return { li: chosen.li, text: titleText(line.slice(0, end)), end: end === line.length ? end : end + glued![0].length - glued![0].trimStart().length };
}

/** The title without its decorative bullet and without the gaps of letter spacing the line kept. */
export function titleText(text: string): string {
  return text
    .replace(TITLE_BULLET, '')
    .replace(/(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々（）「」、・])[ \u3000](?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々（）「」、・])/gu, '')
    .replace(/(?<=\d) (?=\.\d)/g, '')
    .trim();
}

function titleScore(line: NormalizedLine, text: string, first: boolean, programName: string | null, next: string): number | null {
  const plain = titleText(text);
  const width = displayWidth(compact(plain));
  if (width < 6 || width > 110) return null;
  if (noteMarker(plain) || /^[【＜［〔].*[】＞］〕]$/u.test(plain) || /[、，]$/.test(plain)) return null;
  if (/。./.test(plain) || /。$/.test(plain)) return null;
  const marker = listMarker(text);
  let score = 0;
  if (marker && !line.pageStart) return null;
  // a page that begins with "○…" begins with a caption; a decorative ● begins a title
  if (marker && !/^[●•■▪➢✓]/u.test(text)) score -= 4;
  if (marker?.family === 'number-dot' || marker?.family === 'enclosed' || marker?.family === 'paren-number') return null;
  if (line.pageStart) score += 4;
  if (first) score += 2;
  if (isLetterSpaced(line.raw) && !/^[A-Z\s]+$/.test(plain)) score += 3;
  if (SINCE.test(plain)) score += 4;
  score += 5 * nameSimilarity(compact(plain), programName);
  if (width < 16) score -= 2;
  if (width > 70) score -= 2;
  // A line the next one continues is the start of a sentence, not a title.
  if (next && continuesLine(plain, next, { blanks: 0, widest: Math.max(width, displayWidth(next)), item: false })) score -= 5;
  return score;
}

/** The character pairs of each program name (part), made once: every line of every slide is compared with them. */
const nameBigrams = new Map<string, ReadonlySet<string>>();

/** The best share of a part of the program name ("A／B") whose character pairs the line holds (Dice-like, on bigrams). */
function nameSimilarity(line: string, programName: string | null): number {
  if (!programName || line.length < 2) return 0;
  let lineGrams: ReadonlySet<string> | null = null;
  let best = 0;
  for (const part of programName.split('／')) {
    const name = compact(part);
    if (name.length < 2) continue;
    let grams = nameBigrams.get(name);
    if (!grams) nameBigrams.set(name, (grams = bigrams(name)));
    lineGrams ??= bigrams(line);
    let shared = 0;
    for (const g of grams) if (lineGrams.has(g)) shared++;
    best = Math.max(best, shared / grams.size);
  }
  return best;
}
