import type { Provenance } from '../../schemas/provenance.ts';
import { PREFECTURE_PATTERN, prefectureByName } from '../units/prefectures.ts';

/**
 * Text as runs, each marked whether a line may break inside it. An amount with its unit
 * (5,600,000円, 520万円／人), a count with its counter (1,061団体), a rate (90%, 1/2), a phone number
 * an era date (令和6年4月1日, R6.4.1) and the name of a prefecture (神奈川県) are read as one word: a
 * line never breaks inside them.
 */
export interface TextRun {
  text: string;
  /** true: set on one line (white-space: nowrap) */
  keep: boolean;
}

const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const KANJI_AMOUNT = String.raw`${NUMBER}(?:[十百千万億兆]+(?:${NUMBER}[十百千万億兆]*)*)`;
const COUNTER = String.raw`(?:円|人日|人|名|団体|件|回|市町村|市区町村|か国|組合|圏域|社|法人|箇所|か所|事例|校|歳|%|％|倍)`;
const PER = String.raw`(?:[／/](?:人|団体|県|年|市町村|組織))?`;
const PATTERNS = [
  String.raw`0\d{1,4}-\d{1,4}-\d{3,4}`,
  String.raw`(?:令和|平成|昭和)(?:元|\d{1,2})年(?:度|\d{1,2}月(?:\d{1,2}日)?)?`,
  String.raw`[RHS]\s?\d{1,2}(?:\.\d{1,2}){1,2}`,
  String.raw`\d{4}年(?:度|\d{1,2}月(?:\d{1,2}日)?)?`,
  String.raw`(?:元|\d{1,2})年度`,
  String.raw`約?${KANJI_AMOUNT}${COUNTER}?${PER}`,
  String.raw`約?${NUMBER}${COUNTER}${PER}`,
  String.raw`\d+\s?[/／]\s?\d+`,
];
const KEEP = new RegExp([...PATTERNS, PREFECTURE_PATTERN].join('|'), 'gu');

export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(KEEP)) {
    // a bare number (a table cell, a year) may still break: only numbers with a unit are kept whole
    if (!prefectureByName(m[0]) && !/\D/.test(m[0].replace(/[\d,.]/g, '')) && !/[/／]/.test(m[0])) continue;
    if (m.index! > last) runs.push({ text: text.slice(last, m.index!), keep: false });
    runs.push({ text: m[0], keep: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), keep: false });
  return runs;
}

/** A label set after a figure of a text (a change mark: 拡充, 新規 …), linking to `id`. */
export interface TextMark {
  label: string;
  id: string;
  /** what to set it after, tried in order; at the end of the text when none is found */
  find: readonly string[];
}

/** What a figure's word goes on with: a unit per something (／人), the 目 of an ordinal (43回目). */
const WORD_TAIL = /^(?:[／/](?:人|団体|県|年|市町村|組織|件)|目)/u;

/**
 * A text cut where its marks go: each mark after the first occurrence of its figure not taken by
 * an earlier mark (after the whole word: 540万円／人, 43回目), or at the end. The pieces, joined, are the text unchanged.
 */
export function placeMarks(text: string, marks: readonly TextMark[]): { text: string; mark: TextMark | null }[] {
  if (marks.length === 0) return [{ text, mark: null }];
  const taken = new Set<number>();
  const placed = marks.map((mark, order) => {
    for (const f of mark.find) {
      let at = f === '' ? -1 : text.indexOf(f);
      while (at >= 0 && taken.has(at + f.length)) at = text.indexOf(f, at + 1);
      if (at >= 0) {
        // after the whole word: 540万円／人, 43回目 — never inside it
        const end = at + f.length + (WORD_TAIL.exec(text.slice(at + f.length))?.[0].length ?? 0);
        taken.add(at + f.length);
        return { mark, end, order };
      }
    }
    return { mark, end: text.length, order };
  });
  placed.sort((a, b) => a.end - b.end || a.order - b.order);
  const pieces: { text: string; mark: TextMark | null }[] = [];
  let last = 0;
  for (const p of placed) {
    pieces.push({ text: text.slice(last, p.end), mark: p.mark });
    last = p.end;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), mark: null });
  return pieces;
}

/** The marks of a text at a place of this edition: none without a previous edition. */
export type MarksOf = (at: Provenance | null) => TextMark[];

/**
 * The marks of each cell of a table row. A row's label cell spans the whole row in the source, so
 * a mark that one of its cells carries is not repeated at the label.
 */
export function rowMarks(cells: readonly (Provenance | null)[], marksOf: MarksOf): TextMark[][] {
  const marks = cells.map((at) => marksOf(at));
  const inCells = new Set(marks.slice(1).flatMap((m) => m.map((x) => x.id)));
  return marks.map((m, k) => (k === 0 ? m.filter((x) => !inCells.has(x.id)) : m));
}
