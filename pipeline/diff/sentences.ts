import type { Briefing, Program } from '../../schemas/briefing.ts';
import type { FigureChange } from '../../schemas/diff.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { dice } from '../lib/bigrams.ts';
import { blockTexts } from '../parse/content/block-text.ts';
import type { ChangeProgram } from './figures.ts';
import { withoutNumbers } from './kinds.ts';

/** One sentence a slide of a program says, as the content model holds it. */
export interface Sentence {
  /** the sentence without its numbers and spacing: the same sentence of two editions has the same key */
  key: string;
  text: string;
  /** the title of its slide: what a reader looks for */
  slideTitle: string;
  at: Provenance;
}

/** Two sentences this alike (Dice on their keys) are one sentence reworded, not one removed and one added. */
export const REWORDED = 0.6;

/** A sentence is words: at least this many letters besides numbers and punctuation. */
const MIN_WORDS = 6;
const LETTERS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{L}]/gu;

/** The sentences of a text: split after 。！？, each trimmed. */
function split(text: string): string[] {
  return text
    .replace(/\s*\n\s*/g, '')
    .split(/(?<=[。！？!?])/u)
    .map((s) => s.trim())
    .filter((s) => (s.match(LETTERS)?.length ?? 0) >= MIN_WORDS);
}

/**
 * The words of a sentence without its numbers and spacing. A number closing it is dropped too: a
 * slide's page number the text layer glued to its last line (「…徒歩5分10」) is no word of it.
 */
export const sentenceKey = (text: string): string => withoutNumbers(text).replace(/#+$/u, '');

/** Every sentence of a program's slides, in reading order. */
export function programSentences(b: Briefing, p: Program): Sentence[] {
  return b.slides
    .filter((s) => s.program === p.no)
    // what the slide says in words: headings, text, list items with their label, notes, fields, a
    // diagram's words (tables and charts are figures: the figure diff compares them)
    .flatMap((s) => blockTexts(s.blocks).flatMap((t) => split(t.text).map((text) => ({ text, at: t.at, key: sentenceKey(text), slideTitle: s.title }))));
}

/**
 * The sentences of one program that are new, gone or reworded between two editions, compared by
 * meaning rather than by line: a sentence wrapped differently, moved to another slide of the
 * program, or with other numbers in it (the figure diff lists those) is the same sentence. A
 * sentence gone and one new that are alike enough are one sentence reworded.
 */
export function compareSentences(program: ChangeProgram, before: readonly Sentence[], after: readonly Sentence[]): FigureChange[] {
  const head = { program: program.name, programId: program.id, programNo: program.no };
  const left = multiset(before);
  const right = multiset(after);
  const gone = before.filter((s) => take(right, s.key) === false);
  const added = after.filter((s) => take(left, s.key) === false);
  const value = (s: Sentence) => ({ value: null, printed: s.text, at: s.at, slide: null });
  const out: FigureChange[] = [];
  // the most alike pairs first, across both lists: a sentence is paired with its best match, not the first good one
  const pairs = gone
    .flatMap((g) => added.map((a) => ({ g, a, score: dice(g.key, a.key) })))
    .filter((p) => p.score >= REWORDED)
    .sort((x, y) => y.score - x.score);
  const paired = new Map<Sentence, Sentence>();
  const taken = new Set<Sentence>();
  for (const p of pairs) {
    if (paired.has(p.g) || taken.has(p.a)) continue;
    paired.set(p.g, p.a);
    taken.add(p.a);
  }
  for (const g of gone) {
    const a = paired.get(g);
    out.push(a ? { ...head, subject: a.slideTitle, kind: 'changed', before: value(g), after: value(a) } : { ...head, subject: g.slideTitle, kind: 'removed', before: value(g), after: null });
  }
  const unpaired = new Set(added.filter((a) => !taken.has(a)));
  for (const a of added) if (unpaired.has(a)) out.push({ ...head, subject: a.slideTitle, kind: 'added', before: null, after: value(a) });
  // in this edition's order; what it no longer says after, in last year's order (its lines are another file's)
  const line = (c: FigureChange) => c.after?.at?.line ?? Number.POSITIVE_INFINITY;
  return out.sort((x, y) => line(x) - line(y));
}

function multiset(sentences: readonly Sentence[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sentences) m.set(s.key, (m.get(s.key) ?? 0) + 1);
  return m;
}

/** Take one sentence of this key from the other side: false when it has none left. */
function take(counts: Map<string, number>, key: string): boolean {
  const n = counts.get(key) ?? 0;
  if (n === 0) return false;
  counts.set(key, n - 1);
  return true;
}
