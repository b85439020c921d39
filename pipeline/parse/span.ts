import type { Provenance } from '../../schemas/provenance.ts';
import type { NormalizedLine } from './normalize.ts';
import { columnsBox } from './line-box.ts';

/**
 * A stretch of normalized lines joined with "\n", searchable with regular expressions, that
 * turns any match back into a location in the original file.
 */
export class Span {
  readonly text: string;
  private readonly lineOf: Int32Array;
  private readonly colOf: Int32Array;

  constructor(readonly lines: readonly NormalizedLine[]) {
    this.text = lines.map((l) => l.text).join('\n');
    this.lineOf = new Int32Array(this.text.length + 1);
    this.colOf = new Int32Array(this.text.length + 1);
    let p = 0;
    lines.forEach((l, li) => {
      for (let c = 0; c <= l.text.length; c++, p++) {
        this.lineOf[p] = li;
        this.colOf[p] = c; // c === length is the newline (or the end)
      }
    });
  }

  /** Provenance of text[start, end) in the original file. */
  locate(start: number, end: number): Provenance {
    const s = this.point(start, 'start');
    const e = this.point(Math.max(start, end - 1), 'end');
    const raw =
      s.li === e.li
        ? this.lines[s.li]!.raw.slice(s.col, e.col)
        : [this.lines[s.li]!.raw.slice(s.col), ...this.lines.slice(s.li + 1, e.li).map((l) => l.raw), this.lines[e.li]!.raw.slice(0, e.col)].join('\n');
    const prov: Provenance = {
      line: this.lines[s.li]!.no,
      column: s.col + 1,
      endLine: this.lines[e.li]!.no,
      endColumn: e.col + 1,
      raw,
    };
    const page = this.lines[s.li]!.page;
    if (page !== undefined) prov.page = page;
    const box = columnsBox(this.lines, s.li, s.col, e.li, e.col);
    if (box) prov.box = box;
    return prov;
  }

  /** Provenance of a whole line of this span (by index in `lines`). */
  locateLine(li: number): Provenance {
    let offset = 0;
    for (let i = 0; i < li; i++) offset += this.lines[i]!.text.length + 1;
    const len = this.lines[li]!.text.length;
    return this.locate(offset, offset + Math.max(len, 1));
  }

  private point(offset: number, side: 'start' | 'end'): { li: number; col: number } {
    const o = Math.min(Math.max(offset, 0), this.text.length);
    const li = this.lineOf[o]!;
    const line = this.lines[li]!;
    const c = this.colOf[o]!;
    if (line.text.length === 0) return { li, col: side === 'start' ? 0 : Math.max(line.raw.length, 0) };
    if (c >= line.text.length) {
      return { li, col: side === 'start' ? line.end[line.text.length - 1]! : line.end[line.text.length - 1]! };
    }
    return { li, col: side === 'start' ? line.start[c]! : line.end[c]! };
  }
}

/**
 * The span's text with line breaks removed, for names the extraction cut across lines
 * ("東\n\n京都", "【京都\n府】"); `toSpan` maps each character back to the span's text.
 */
export function joinedView(span: Span): { text: string; toSpan: Int32Array } {
  const chars: string[] = [];
  const toSpan: number[] = [];
  for (let i = 0; i < span.text.length; i++) {
    if (span.text[i] === '\n') continue;
    chars.push(span.text[i]!);
    toSpan.push(i);
  }
  toSpan.push(span.text.length);
  return { text: chars.join(''), toSpan: Int32Array.from(toSpan) };
}

/** Offsets of the line around `offset` in a "\n"-joined text. */
export function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start, end: nl === -1 ? text.length : nl };
}
