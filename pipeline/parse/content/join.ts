import { eastAsianWidth } from 'get-east-asian-width';

/** Characters a Japanese line may not start with (行頭禁則, JIS X 4051): they continue the line before. */
export const NO_LINE_START_CHARS = '、。，．,.：:；;）)」』】〕］｝〉》”’・ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ！？!?％%';
const NO_LINE_START = new RegExp(`^[${NO_LINE_START_CHARS}]`, 'u');
/** Characters a line may not end with (行末禁則): what follows them is on the next line. */
const NO_LINE_END = /[（(「『【〔［｛〈《“‘]$/u;
/** The end of a sentence or of an exclamation: nothing continues it. */
const SENTENCE_END = /[。！？!?]$/u;
/** Ends that leave a clause open: a comma, a middle dot, a case particle (not こと, which ends a sentence), a て-form. */
const OPEN_END = /(?:[、，,・]|(?<!こ)[をにがはでとのへもや]|(?<!につい)て)$/u;
/** "［アクセス］…", "【事業例】…": a bracketed label starts a text of its own. */
const LABEL_START = /^[【［][^【】［］]{1,12}[】］]/u;
const STARTS_WORD = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー「『（(]/u;
/** A line that opens with a particle or an inflection carries on the clause before it ("が同じ地域に定住"). */
const STARTS_WITH_KANA = /^\p{Script=Hiragana}/u;
/** A whole line in parentheses right under a line annotates it: "斬新な視点" / "（ヨソモノ・ワカモノ）". */
const ANNOTATION = /^[（(][^（()）]*[）)]$/u;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** Display width in half-width columns: a kanji is 2, an ASCII letter 1. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += cp < 0x7f ? 1 : eastAsianWidth(cp);
  }
  return w;
}

/** True when a dictionary segmentation of the two lines puts one word across the break ("隊|員は"). */
function splitsWord(prev: string, next: string): boolean {
  const tail = prev.slice(-8);
  const head = next.slice(0, 8);
  if (!/[\p{L}\p{N}]$/u.test(tail) || !/^[\p{L}\p{N}]/u.test(head)) return false;
  const key = `${tail}\n${head}`;
  let known = splitCache.get(key);
  if (known === undefined) {
    known = segmentsAcross(tail, head);
    if (splitCache.size >= SPLIT_CACHE_SIZE) splitCache.clear();
    splitCache.set(key, known);
  }
  return known;
}

/** The segmenter is the slow part of a parse, and a briefing's line pairs repeat from parse to parse. */
const splitCache = new Map<string, boolean>();
const SPLIT_CACHE_SIZE = 100_000;

function segmentsAcross(tail: string, head: string): boolean {
  for (const s of segmenter.segment(tail + head)) {
    if (s.index < tail.length && s.index + s.segment.length > tail.length) return s.isWordLike === true;
    if (s.index >= tail.length) break;
  }
  return false;
}

export interface JoinContext {
  /** blank lines between the two lines */
  blanks: number;
  /** the widest line of the text the previous line belongs to, the next line included */
  widest: number;
  /** the text the line would continue is a list item or a note (an annotation may follow after a blank) */
  item: boolean;
}

function unclosed(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if ('（(「『【'.includes(c)) depth++;
    else if ('）)」』】'.includes(c)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** "1,500万" / "円": a unit the text layer set on a line of its own, after the number it belongs to. */
export function unitContinues(prev: string, next: string): boolean {
  return /^(?:円|万円|億円|千円|人|名|団体|件|回|%|市町村)$/u.test(next.trim()) && /[\d万億千]$/.test(prev);
}

/**
 * Whether `next` continues the text `prev` ends: the text layer breaks a slide's lines where
 * the frame was full, mid-sentence and mid-word, and sometimes puts a blank line in the break.
 * A line continues the one before when the break cannot be a real one (kinsoku characters, a
 * word cut in two, an open clause) or when the line before filled its frame.
 */
export function continuesLine(prev: string, next: string, ctx: JoinContext): boolean {
  if (ctx.blanks > 1 || prev === '' || next === '') return false;
  if (LABEL_START.test(next)) return false;
  if (unitContinues(prev, next)) return true;
  if (NO_LINE_START.test(next) && !next.startsWith('・')) return true;
  if (SENTENCE_END.test(prev)) return false;
  if (NO_LINE_END.test(prev)) return true;
  if (STARTS_WITH_KANA.test(next)) return true;
  if (ANNOTATION.test(next) && (ctx.blanks === 0 || ctx.item)) return true;
  if (splitsWord(prev, next)) return true;
  if (OPEN_END.test(prev) && STARTS_WORD.test(next)) return true;
  // "令和6年4月1日時点で、" / "1都1道2府27県で…": after a comma anything but a marker continues
  if (/[、，]$/u.test(prev)) return true;
  const width = displayWidth(prev);
  // "…（デジタル田園都市国家構想" / "総合戦略）。": a bracket left open continues on the next line.
  if (unclosed(prev) && width >= 24) return true;
  if (/^\d{1,2}\s*[月年]/.test(next)) return false; // the next entry of a schedule ("1月中旬 報道発表")
  // "…地域活性化事業債" / "（充当率：90%、…）を充当可能": a parenthesis that carries on a full line
  if (/^[（(]/.test(next) && width >= 24 && (ctx.blanks === 0 || ctx.item)) return true;
  // A line that filled its frame: as wide as the widest line of its text, and not a short label.
  return width >= 24 && width >= 0.85 * ctx.widest && ctx.blanks === 0;
}
