import { eastAsianWidth } from 'get-east-asian-width';
import type { Provenance } from '../../schemas/provenance.ts';
import type { NormalizedLine } from './normalize.ts';
import { union, type Box as PageBox } from './pdf/page-items.ts';

type Box = NonNullable<Provenance['box']>;

/**
 * Where columns [start, end) of a PDF line stand on its page: in the boxes of the runs and cells
 * the line was read from, each cut in proportion to its characters' widths (a full-width character
 * twice a half-width one), rounded to 0.1 pt. A stretch over several lines is the box around
 * theirs. Null for a text source.
 */
export function columnsBox(lines: readonly NormalizedLine[], first: number, startCol: number, last: number, endCol: number): Box | null {
  if (first === last) {
    const line = lines[first]!;
    if (!line.box) return null;
    // the runs and cells the line was read from, where the columns fall: each cut by its letters' widths
    const parts = (line.box.segments ?? []).filter((g) => g.start < endCol && g.end > startCol).map((g) => cut(line.raw, g.box, g.start, g.end, Math.max(startCol, g.start), Math.min(endCol, g.end)));
    if (parts.length) return rounded(parts.reduce(union));
    return rounded(cut(line.raw, line.box, line.pageStart ? 1 : 0, line.raw.length, startCol, endCol));
  }
  const boxes = lines.slice(first, last + 1).flatMap((l): PageBox[] => (l.box ? [l.box] : []));
  if (boxes.length === 0) return null;
  return rounded(boxes.reduce(union));
}

/** Columns [from, to) of a stretch [start, end) of a raw line whose letters stand in `box`, in proportion to their widths. */
function cut(raw: string, box: PageBox, start: number, end: number, from: number, to: number): PageBox {
  const stretch = raw.slice(start, end);
  const widths = [...stretch].map((ch) => eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: true }));
  const at = (col: number) => widthBefore(stretch, widths, col - start);
  const total = at(end) || 1;
  const span = box.x1 - box.x0;
  return { x0: box.x0 + (span * at(from)) / total, x1: box.x0 + (span * at(to)) / total, y0: box.y0, y1: box.y1 };
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

function rounded(b: PageBox): Box {
  const r = (n: number) => Math.round(n * 10) / 10;
  return { x: r(b.x0), y: r(b.y0), width: r(Math.max(0, b.x1 - b.x0)), height: r(Math.max(0, b.y1 - b.y0)) };
}
