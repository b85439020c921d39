import type { NormalizedLine } from '../normalize.ts';
import { isLetterSpaced } from '../normalize-spacing.ts';
import { continuesLine, displayWidth, unitContinues } from './join.ts';
import { itemStarts, listMarker, noteMarker, type Marker } from './markers.ts';

/** A stretch of one line: [start, end) in the normalized text of line `li` of the slide. */
export interface Piece {
  li: number;
  start: number;
  end: number;
}

export type UnitKind = 'item' | 'note' | 'heading' | 'text' | 'vertical';

/** One logical text of a slide: a list item, a note, a heading or a run of text, over one or more lines. */
export interface Unit {
  kind: UnitKind;
  marker: Marker | null;
  /** the text, marker excluded, the lines joined */
  text: string;
  /** the marker's first character to the text's last, line by line */
  pieces: Piece[];
}

/** "【上限額】", "＜新規採用者数の増加施策＞": a label alone on its line heads what follows. */
const BRACKETED = /^(【[^【】]+】|＜[^＜＞]+＞|［[^［］]+］|〔[^〔〕]+〕)$/u;
/** "【措置内容①】外国人材の…": a bracketed label that leads a short line titles what follows it. */
const LABELLED = /^【[^【】]+】[^。、]*$/u;
const SPACED_FIGURE = /[：:]\s*\d/;

/**
 * Turns the lines of a slide that no table claimed into units, in order: lines broken by the
 * text layer are joined again (join.ts), several items on one line are split (markers.ts),
 * letters of vertical writing on lines of their own are put back together.
 */
export function slideUnits(lines: readonly NormalizedLine[], skip: ReadonlySet<number>, from: ReadonlyMap<number, number> = new Map()): Unit[] {
  const units: Unit[] = [];
  let open: Unit | null = null;
  let vertical: Unit | null = null;
  let blanks = 0;
  const closeVertical = () => {
    if (vertical && vertical.pieces.length === 1) vertical.kind = 'text';
    vertical = null;
  };
  lines.forEach((line, li) => {
    if (skip.has(li)) {
      open = null;
      closeVertical();
      blanks = 0;
      return;
    }
    // a line whose head is taken (the title) gives only its rest
    const base = from.get(li) ?? 0;
    const text = line.text.slice(base);
    if (text.trim() === '') {
      blanks++;
      return;
    }
    // a unit alone on its line (円) is one letter, but it ends the number before it, not a vertical word
    if (open && blanks === 0 && unitContinues(lastLineText(open, lines), text)) {
      open.pieces.push({ li, start: base, end: line.text.length });
      open.text = joinText(open.text, text);
      return;
    }
    if (isVerticalLetter(text)) {
      open = null;
      if (vertical && blanks <= 1) {
        vertical.pieces.push({ li, start: base, end: line.text.length });
        vertical.text += text;
      } else {
        closeVertical();
        vertical = { kind: 'vertical', marker: null, text, pieces: [{ li, start: base, end: line.text.length }] };
        units.push(vertical);
      }
      blanks = 0;
      return;
    }
    closeVertical();
    const starts = itemStarts(text).map((s) => s + base);
    starts.forEach((start, k) => {
      const end = starts[k + 1] !== undefined ? trimEnd(line.text, starts[k + 1]!) : line.text.length;
      const piece = line.text.slice(start, end);
      const kind = classify(piece, line);
      if (kind === 'text' && k === 0 && open && continuesLine(lastLineText(open, lines), piece, { blanks, widest: widestOf(open, lines, piece), item: open.kind !== 'text' })) {
        open.pieces.push({ li, start, end });
        open.text = joinText(open.text, piece);
        return;
      }
      const marker = kind === 'item' ? listMarker(piece) : kind === 'note' ? noteMarker(piece) : null;
      const unit: Unit = { kind, marker, text: piece.slice(marker?.end ?? 0), pieces: [{ li, start, end }] };
      units.push(unit);
      open = kind === 'heading' ? null : unit;
    });
    blanks = 0;
  });
  return units;
}

function classify(text: string, line: NormalizedLine): UnitKind {
  if (noteMarker(text)) return 'note';
  const marker = listMarker(text);
  if (marker && marker.family !== 'number-dot') return 'item';
  if (isHeading(text, line)) return 'heading';
  return marker ? 'item' : 'text';
}

/** A letter-spaced line, a bracketed label alone, a short numbered section title ("１．制度概要"). */
export function isHeading(text: string, line: NormalizedLine): boolean {
  if (isLetterSpaced(line.raw) && !SPACED_FIGURE.test(text)) return true;
  if (BRACKETED.test(text)) return true;
  if (LABELLED.test(text) && displayWidth(text) <= 80) return true;
  const marker = listMarker(text);
  return marker?.family === 'number-dot' && displayWidth(text) <= 60 && !/[。、]/.test(text);
}

/** One letter of vertical writing: a line of a single ideograph or kana. */
function isVerticalLetter(text: string): boolean {
  return /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー…]$/u.test(text);
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function lastLineText(unit: Unit, lines: readonly NormalizedLine[]): string {
  const p = unit.pieces.at(-1)!;
  return lines[p.li]!.text.slice(p.start, p.end);
}

function widestOf(unit: Unit, lines: readonly NormalizedLine[], next: string): number {
  return Math.max(displayWidth(next), ...unit.pieces.map((p) => displayWidth(lines[p.li]!.text.slice(p.start, p.end))));
}

/** Lines of Japanese join without a space; two words of Latin letters or digits keep one. */
export function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}
