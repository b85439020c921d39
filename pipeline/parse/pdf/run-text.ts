import { NO_LINE_START_CHARS } from '../content/join.ts';
import { listMarker, noteMarker } from '../content/markers.ts';
import { mapChars } from '../normalize-chars.ts';
import { isScriptBoundary } from './drawn-spaces.ts';
import type { Segment, TextRun } from './page-items.ts';

/** Text as the parser will read it (look-alikes and full-width forms folded): what the predicates below look at. */
const fold = (text: string) => mapChars(text).chars.join('');

const ASCII_WORD = /[0-9A-Za-z]/;

/**
 * The runs of one line, left to right, as text: a gap wider than one and a half characters is a
 * tab (a cell apart); a space where the producer drew one, or where the gap is wider than a
 * third of a character — but not the gap LibreOffice sets between Japanese and Latin letters or
 * digits without a space glyph (pipeline/parse/pdf/drawn-spaces.ts).
 */
export function joinRuns(runs: readonly TextRun[]): string {
  return joinedRuns(runs).text;
}

/** joinRuns, with where each run's text stands in the line. */
export function joinedRuns(runs: readonly TextRun[]): { text: string; segments: Segment[] } {
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  const segments: Segment[] = [];
  let text = '';
  let prev: TextRun | null = null;
  for (const run of sorted) {
    if (prev) {
      const em = Math.min(prev.size, run.size);
      const gap = run.x0 - prev.x1;
      if (gap > em * 1.5) text += '\t';
      else if (run.drawnSpacesBefore !== null && run.drawnSpacesBefore > 0) text += ' '.repeat(run.drawnSpacesBefore);
      else if (run.drawnSpacesBefore === 0) {
        // no space glyph: a gap is a space (a producer that positions words), but not LibreOffice's
        // quarter em between Japanese and Latin letters or digits
        // (LibreOffice's gap is a quarter em: a wider one is a space, between two digits sooner)
        const before = text.at(-1) ?? '';
        const after = run.str[0] ?? '';
        const digits = /[0-9０-９]/.test(before) && /[0-9０-９]/.test(after);
        const autospace = isScriptBoundary(before, after) && gap <= em * (digits ? 0.3 : 0.6);
        if (!autospace && gap > em * 0.33) text += ' ';
      } else if (gap > em * 0.33 || (prev.spaceAfter && gap > -em * 0.2)) text += ' ';
    }
    segments.push({ start: text.length, end: text.length + run.str.length, box: { x0: run.x0, y0: run.y0, x1: run.x1, y1: run.y1 } });
    text += run.str;
    prev = run;
  }
  return { text, segments };
}

/** What follows a number as its unit or counter (円, 万円, 人, 団体, ％ …). */
const UNIT = '[万億兆千百円人団件回%％倍割年月日歳名台校社箇ヶか所都道府県市町村区法]';

/**
 * A line that ends inside a number, and a next line that goes on with it: 「その他活動経費：200」⏎
 * 「万円)」, 「措置率 0.」⏎「5」, 「1,000,」⏎「500万円」. Not two numbers 「100」⏎「200件」: no producer
 * breaks between two digits; after a thousands comma, exactly three digits.
 */
export function splitsFigure(raw: string, rawNext: string): boolean {
  const [line, next] = [fold(raw.slice(-3)), fold(rawNext.slice(0, 4))];
  if (/[0-9][,，]$/.test(line)) return /^[0-9]{3}(?![0-9])/.test(next);
  if (/[0-9][.．]$/.test(line)) return /^[0-9]/.test(next);
  if (/[0-9]$/.test(line)) return new RegExp(`^(?:[.．][0-9]|${UNIT}|[)）])`).test(next);
  return false;
}

// a Japanese character with the characters that may not begin a line (行頭禁則: 「原、」 stay
// together) and a number right after a comma (LibreOffice keeps 「国、468人）」 together); else a
// Latin word up to a hyphen (a phone number breaks after one)
const WORD_START = new RegExp(
  `^(?:[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}][${NO_LINE_START_CHARS}]*(?:(?<=[、，,])[0-9０-９][0-9０-９,.]*[\\p{Script=Han}]?[）)」]*)?|[^\\s\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}-]+-?)`,
  'u',
);

/**
 * How wide the first word of a line is (a Japanese character is a word: a line may break after
 * any). The word may go on over several runs (a producer that sets digits apart: 「6」「,015人」).
 */
export function firstWordWidth(runs: readonly TextRun[]): number {
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  let text = '';
  const chars: { run: TextRun; index: number }[] = [];
  for (const [k, run] of sorted.entries()) {
    if (k > 0 && run.x0 - sorted[k - 1]!.x1 > run.size * 0.15) break;
    for (let i = 0; i < run.str.length; i++) chars.push({ run, index: i });
    text += run.str;
  }
  const word = WORD_START.exec(text)?.[0] ?? text[0] ?? '';
  let letters = word.replace(/ /g, '').length; // UTF-16 units, as `text` is walked
  let at = 0;
  while (at < text.length - 1 && (letters > 1 || text[at] === ' ')) if (text[at++] !== ' ') letters--;
  const end = chars[at];
  if (!end) return 0;
  const perChar = (end.run.x1 - end.run.x0) / Math.max(1, end.run.str.length);
  return end.run.x0 + perChar * (end.index + 1) - sorted[0]!.x0;
}

/** A line that starts with a list or note mark as the parser reads them (●, ・, ①, 1．, ※): a new item, never the rest of a wrapped one. */
export const startsItem = (line: string) => {
  const head = fold(line.slice(0, 8));
  return listMarker(head) !== null || noteMarker(head) !== null;
};

export const startsWithNumber = (line: string) => /^[0-9]/.test(fold(line.slice(0, 2)));
export const endsWithNumber = (line: string) => /[0-9]$/.test(fold(line.slice(-2)));
export const endsSentence = (line: string) => /[。.!?」』）)】]$/.test(fold(line.slice(-2)));

/** Two lines as one text: a wrapped line goes on without a break (or the space it broke at), another line after a space. */
export function joinWrapped(text: string, next: string, wrapped: boolean, brokeAtSpace = false): string {
  if (!wrapped || brokeAtSpace) return `${text} ${next}`;
  // a row of spaced figures (「3年度」⏎「4年度」, 「5,560人」⏎「6,015人」) broke at one of its spaces
  const last = /\S+$/.exec(text)?.[0] ?? '';
  const first = /^\S+/.exec(next)?.[0] ?? '';
  // no producer breaks a line between two digits: 「…5534」⏎「03-…」 are two numbers
  if (/[0-9０-９]$/.test(last) && /^[0-9０-９]/.test(first)) return `${text} ${next}`;
  if (/\s/.test(text.trim()) && /[0-9０-９]/.test(last) && !/[-‐－,.，．/／]$/.test(last) && /^[0-9０-９]/.test(first)) return `${text} ${next}`;
  return ASCII_WORD.test(text.at(-1) ?? '') && ASCII_WORD.test(next[0] ?? '') && !/[0-9]$/.test(text) ? `${text} ${next}` : text + next;
}
