import { eastAsianWidth } from 'get-east-asian-width';
import type { Provenance } from '../../schemas/provenance.ts';
import type { LineBox, NormalizedLine } from './normalize.ts';

type Box = NonNullable<Provenance['box']>;

/**
 * Where columns [start, end) of a PDF line stand on its page: the line's box, cut in proportion
 * to the characters' widths (a full-width character twice a half-width one), rounded to 0.1 pt.
 * A stretch over several lines is the box around theirs. Null for a text source.
 */
export function columnsBox(lines: readonly NormalizedLine[], first: number, startCol: number, last: number, endCol: number): Box | null {
  if (first === last) {
    const line = lines[first]!;
    if (!line.box) return null;
    // the page-break marker (the space a page's first line starts with) stands nowhere on the page
    const widths = [...line.raw].map((ch, k) => (k === 0 && line.pageStart ? 0 : eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: true })));
    // columns are UTF-16 units: a character outside the BMP takes two and is one width
    const at = (col: number) => widthBefore(line.raw, widths, col);
    const total = at(line.raw.length) || 1;
    const span = line.box.x1 - line.box.x0;
    return rounded({ x0: line.box.x0 + (span * at(startCol)) / total, x1: line.box.x0 + (span * at(endCol)) / total, y0: line.box.y0, y1: line.box.y1 });
  }
  const boxes = lines.slice(first, last + 1).flatMap((l) => (l.box ? [l.box] : []));
  if (boxes.length === 0) return null;
  return rounded({ x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) });
}

function widthBefore(raw: string, widths: number[], col: number): number {
  let w = 0;
  let units = 0;
  let k = 0;
  for (const ch of raw) {
    if (units >= col) break;
    w += widths[k++]!;
    units += ch.length;
  }
  return w;
}

function rounded(b: LineBox): Box {
  const r = (n: number) => Math.round(n * 10) / 10;
  return { x: r(b.x0), y: r(b.y0), width: r(Math.max(0, b.x1 - b.x0)), height: r(Math.max(0, b.y1 - b.y0)) };
}
