import type { Program } from '../../../schemas/briefing.ts';
import type { Block, TableCell } from '../../../schemas/content.ts';
import type { Breakdown, Place, Series, ShareGroup, TableRow } from '../../../schemas/figures.ts';
import type { Provenance } from '../../../schemas/provenance.ts';
import type { SlideSegment } from '../segment.ts';
import type { Span } from '../span.ts';

/** What the tables of a slide are made of: claims on its lines, and the cells and places they take. */

export type Unplaced<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A block the figures of a slide already describe, and the lines of the slide it takes. */
export interface Claim {
  lines: Set<number>;
  block: Unplaced<Block>;
}

/** What the tables of a slide are rebuilt from: the figures extracted from it. */
export interface SlideFigures {
  series: readonly Series[];
  tableRows: readonly TableRow[];
  places: readonly Place[];
  shareGroups: readonly ShareGroup[];
  breakdowns: readonly Breakdown[];
  /** contact rows printed on this slide, when it is part of the contact list */
  contacts: readonly Pick<Program, 'no' | 'name' | 'departments' | 'at'>[];
}

/** Index of each source line in the slide's lines. */
export function lineIndex(slide: SlideSegment): Map<number, number> {
  return new Map(slide.lines.map((l, li) => [l.no, li]));
}

export const cell = (text: string, at: Provenance | null): TableCell => ({ text, at });
export const added = (text: string): TableCell => cell(text, null);

export function range(index: Map<number, number>, from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (let n = from; n <= to; n++) {
    const li = index.get(n);
    if (li !== undefined) out.add(li);
  }
  return out;
}

export function span(ats: readonly Provenance[], spanOf: Span): Provenance {
  const first = ats.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.column < a.column) ? b : a));
  const last = ats.reduce((a, b) => (b.endLine > a.endLine || (b.endLine === a.endLine && b.endColumn > a.endColumn) ? b : a));
  return locateLines(spanOf, first, last);
}

/** Provenance from the start of `first` to the end of `last`, raw text included. */
export function locateLines(spanOf: Span, first: Provenance, last: Provenance): Provenance {
  const lines = spanOf.lines;
  const a = lines.findIndex((l) => l.no === first.line);
  const b = lines.findIndex((l) => l.no === last.endLine);
  if (a < 0 || b < 0) return { ...first, endLine: last.endLine, endColumn: last.endColumn };
  const raw = a === b ? lines[a]!.raw.slice(first.column - 1, last.endColumn - 1) : [lines[a]!.raw.slice(first.column - 1), ...lines.slice(a + 1, b).map((l) => l.raw), lines[b]!.raw.slice(0, last.endColumn - 1)].join('\n');
  return { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn, raw, ...(first.page !== undefined ? { page: first.page } : {}) };
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return [...groups.values()];
}
