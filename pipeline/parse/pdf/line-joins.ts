import { shifted, union, type LinePlace, type PageLine } from './page-items.ts';
import { endsSentence, endsWithNumber, joinWrapped, splitsFigure, startsItem, startsWithNumber } from './run-text.ts';

// What is done to a page's lines once they are in reading order: lines a frame's width broke are
// joined again, and the gaps between frames become blank lines.

export interface Emitted extends PageLine {
  box: LinePlace;
  size: number;
  /** how wide the line's first word is: had it fitted on the line before, it would stand there */
  firstWord: number;
  /** the frame or column the line was read in */
  region: Region | null;
  /** the text layer has a space after the line's last letter (a line broken at a space) */
  spaceAtEnd: boolean;
}

export interface Region {
  /** the right edge of its text: the longest lines' end, when two or more lines end there (text wrapped), else null */
  edge: number | null;
  right: number;
}

/**
 * Where the region's wrapped lines end: its furthest line end, when another line ends within a
 * character of it (a paragraph the frame wrapped); else unknown. Lines of one length further in
 * (a table's rows, a list) do not make an edge of their own.
 */
export function wrapEdge(lines: Emitted[]): number | null {
  // a row of cells (a tab in it) is no wrapped text: right-aligned figures end together
  const ends = lines.filter((l) => !l.text.includes('\t')).map((l) => [l.box.x1, l.size] as const).sort((a, b) => b[0] - a[0]);
  // (two lines of three are a coincidence as often as a frame: four lines at least)
  return lines.length >= 4 && ends.length >= 2 && ends[0]![0] - ends[1]![0] <= ends[0]![1] ? ends[0]![0] : null;
}

/**
 * Lines a frame's width broke, joined again: the line before ends at the region's wrap edge and
 * the next line's first word would not have fitted after it; or the break cut a figure (「200」⏎
 * 「万円」). A line that starts a new item (a bullet, ※, ①) is never a continuation.
 */
export function joinWrappedLines(lines: Emitted[], breaks: Breaks): Emitted[] {
  const out: Emitted[] = [];
  let last: Emitted | null = null; // the visual line before, even when it was joined to the one before it
  for (const line of lines) {
    const prev = out.at(-1);
    const region = line.region;
    const cells = last?.text.includes('\t') || line.text.includes('\t');
    if (prev && last && region && !cells && last.region === region && !breaks(last, line) && line.box.y0 > last.box.y0) {
      const edge = region.edge;
      const end = last.box.x1;
      const item = startsItem(line.text);
      // (a line that ends in a number goes on with its unit, not with another word: 「前年度 100」⏎「今年度 200」)
      const afterNumber = endsWithNumber(last.text) && !splitsFigure(last.text, line.text);
      const wrapped = edge !== null && end + line.firstWord > edge - last.size * 0.3 && !afterNumber;
      const atRight = end >= region.right - last.size * 1.5;
      // a number does not break: one that did not fit went to the next line whole (「年間」⏎「560万円」),
      // which then ends short; rows that start with numbers (「2021年度 5,464人」) are rows
      const pushedFigure =
        edge === null && end + line.firstWord > region.right - last.size * 0.1 && startsWithNumber(line.text) && !startsWithNumber(last.text) && !endsWithNumber(last.text) && line.box.x1 < region.right - last.size * 2 && !endsSentence(last.text);
      if (!item && (wrapped || (atRight && splitsFigure(last.text, line.text)) || pushedFigure)) {
        const text = joinWrapped(prev.text, line.text, true, last.spaceAtEnd);
        prev.box = { ...union(prev.box, line.box), segments: [...prev.box.segments, ...shifted(line.box.segments, text.length - line.text.length)] };
        prev.text = text;
        last = line;
        continue;
      }
    }
    out.push({ ...line });
    last = line;
  }
  return out;
}

export function withBlankLines(lines: Emitted[], breaks: Breaks): PageLine[] {
  const out: PageLine[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    // as many blank lines as lines would fit the gap (a text extraction's blank runs), one at least
    // where a frame ends or the reading goes back up to the next column
    const blanks = !prev ? 0 : line.box.y0 < prev.box.y0 - 0.5 ? 1 : breaks(prev, line) ? Math.min(MAX_BLANK_LINES, Math.max(1, Math.round((line.box.y0 - prev.box.y1) / breaks.pitch(prev, line)))) : 0;
    for (let k = 0; k < blanks; k++) out.push({ text: '', box: null });
    out.push({ text: line.text, box: line.box });
  });
  return out;
}

/** A run of blank lines is cut at this many (a page's empty half is not 200 lines). */
const MAX_BLANK_LINES = 40;

export interface Breaks {
  (a: Emitted, b: Emitted): boolean;
  /** a line's height with the usual space after it */
  pitch(a: Emitted, b: Emitted): number;
}

/**
 * When the space between two lines is more than the page's usual space between the lines of a
 * paragraph — a gap between frames, a blank line — measured on the page itself: a spreadsheet
 * printed at 0.45 cm a row has wider usual gaps than a slide's text frame.
 */
export function paragraphBreaks(lines: readonly Emitted[]): Breaks {
  const gaps = lines
    .slice(1)
    .map((line, i) => [line.box.y0 - lines[i]!.box.y1, Math.min(line.size, lines[i]!.size)] as const)
    .filter(([gap, size]) => gap >= 0 && gap < size * 1.5)
    .map(([gap, size]) => gap / size)
    .sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)]! : 0.3;
  const breaks = (a: Emitted, b: Emitted) => b.box.y0 - a.box.y1 > Math.min(a.size, b.size) * Math.max(0.6, usual * 1.8 + 0.2);
  breaks.pitch = (a: Emitted, b: Emitted) => Math.min(a.size, b.size) * (1 + usual);
  return breaks;
}
