import { withoutInferredSpaces, type DrawnLetters } from './drawn-spaces.ts';

/**
 * What a PDF page shows, in the coordinates of the page as shown (pdfjs's viewport at scale 1: its
 * rotation and crop applied, origin at the top left, y growing down): the
 * text runs pdfjs-dist reads from its text layer, and the ruling lines its drawing paints (table
 * borders: stroked lines and rectangles, or thin filled rectangles).
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A stretch of a line's text — [start, end) in UTF-16 units — and the box its letters stand in. */
export interface Segment {
  start: number;
  end: number;
  box: Box;
}

/** Where a line stands: its box, and the boxes of its stretches (the runs or cells it was made of). */
export interface LinePlace extends Box {
  segments: Segment[];
}

/** A line of a page in reading order, with the box it covers (page points, origin top left). */
export interface PageLine {
  text: string;
  box: LinePlace | null;
}

/** Segments moved along the text by `by` units (the line they belong to got text in front of them). */
export function shifted(segments: readonly Segment[], by: number): Segment[] {
  return segments.map((g) => ({ ...g, start: g.start + by, end: g.end + by }));
}

export interface TextRun extends Box {
  str: string;
  /** font size in points */
  size: number;
  /** y of the baseline */
  baseline: number;
  /** the text layer has a space after the run (a space glyph, or a gap pdfjs reads as one) */
  spaceAfter: boolean;
  /** how many space glyphs the producer drew before the run's first letter (null: not known) */
  drawnSpacesBefore: number | null;
}

/** A horizontal (y0 = y1) or vertical (x0 = x1) ruling line. */
export interface Rule extends Box {
  horizontal: boolean;
}

type Matrix = [number, number, number, number, number, number];

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * The text runs of a page's text content. Whitespace pdfjs reads or infers between runs (a space
 * glyph, or a gap it judged a word space) is kept as a mark on the runs beside it; where the runs
 * stand is read from their positions.
 */
export function textRuns(items: readonly unknown[], view: readonly number[], drawn?: DrawnLetters): TextRun[] {
  const runs: TextRun[] = [];
  let spacePending = false;
  const textItems = items.filter((it): it is TextItemLike => !!it && typeof it === 'object' && 'str' in it);
  const { strs, spacesBefore } = drawn ? withoutInferredSpaces(textItems.map((t) => t.str), drawn) : { strs: textItems.map((t) => t.str), spacesBefore: textItems.map(() => null) };
  for (const [k, it] of textItems.entries()) {
    const item = { ...it, str: strs[k]! };
    if (item.str.trim() === '') {
      if (item.str !== '') spacePending = true;
      continue;
    }
    const str = item.str.replace(/\s+$/, '');
    const lead = str.length - str.replace(/^\s+/, '').length;
    // on the page as shown (its /Rotate and crop applied, y down); text set along another direction
    // than the lines (a rotated label, vertical writing) is no part of them
    const [a, b, c, d, e, f] = multiply(view as Matrix, item.transform as Matrix);
    const size = Math.hypot(c, d) || Math.abs(item.height) || 10;
    if (a <= 0 || Math.abs(b) > Math.abs(a) * 0.05 || Math.abs(c) > Math.abs(d) * 0.05) continue;
    // leading and trailing spaces: the run starts and ends where its letters do, proportionally
    const perChar = item.width / Math.max(1, item.str.length);
    const x0 = e + lead * perChar;
    const x1 = e + item.width - (item.str.length - str.length) * perChar;
    const baseline = f;
    const prev = runs.at(-1);
    if (prev && (spacePending || lead > 0)) prev.spaceAfter = true;
    runs.push({ str: str.slice(lead), x0, x1: Math.max(x1, x0 + perChar), baseline, size, y0: baseline - size * 0.88, y1: baseline + size * 0.12, spaceAfter: str.length < item.str.length, drawnSpacesBefore: spacesBefore[k]! });
    spacePending = false;
  }
  return runs;
}

/**
 * The page turned so that most of its text reads left to right: the viewport's transform, rotated
 * by the quarter turns the text's own direction takes on it (a page whose /Rotate shows its
 * drawing sideways is read the way its text runs, not dropped as text in another direction).
 */
export function readingView(view: readonly number[], items: readonly unknown[], pageBox: readonly number[]): number[] {
  const turns = [0, 0, 0, 0];
  for (const it of items) {
    if (!it || typeof it !== 'object' || !('str' in it) || (it as TextItemLike).str.trim() === '') continue;
    const [a, b] = multiply(view as Matrix, (it as TextItemLike).transform as Matrix);
    turns[(((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4)]! += (it as TextItemLike).str.length;
  }
  const k = turns.indexOf(Math.max(...turns));
  if (k === 0) return [...view];
  // undo k quarter turns (y grows down in the viewport, so a turn of the text by +90° is a b > 0)
  const [cos, sin] = [[1, 0], [0, -1], [-1, 0], [0, 1]][k]!;
  const turned = multiply([cos!, sin!, -sin!, cos!, 0, 0], view as Matrix);
  // and moved back onto the page: its corner nearest the origin at the origin
  const [x0, y0, x1, y1] = pageBox as [number, number, number, number];
  const corners = [apply(turned, x0, y0), apply(turned, x1, y0), apply(turned, x0, y1), apply(turned, x1, y1)];
  return multiply([1, 0, 0, 1, -Math.min(...corners.map((c) => c[0])), -Math.min(...corners.map((c) => c[1]))], turned);
}

const RULE_THICKNESS = 2.5;
const MIN_RULE_LENGTH = 3;

/**
 * The ruling lines of a page from its operator list (annotations left out by the caller): the
 * current transformation is followed through save/restore, cm and form XObjects; a stroked
 * axis-parallel segment is a rule, a stroked rectangle four, a filled rectangle thinner than
 * 2.5 pt one.
 */
export function pageRules(fnArray: readonly number[], argsArray: readonly unknown[], ops: Record<string, number>, view: readonly number[]): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stroke = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fill = new Set([ops.fill, ops.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      if (fn === ops.paintFormXObjectBegin && Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === ops.transform) {
      ctm = multiply(ctm, args as unknown as Matrix);
    } else if (fn === ops.constructPath) {
      const paint = args[0] as number;
      const buffer = (args[1] as (ArrayLike<number> | null)[])?.[0];
      if (!buffer || (!stroke.has(paint) && !fill.has(paint))) continue;
      for (const points of subpaths(buffer)) {
        const pts = points.map(([x, y]) => apply(ctm, x, y)).map(([x, y]) => apply(view as Matrix, x, y));
        addRules(pts, stroke.has(paint), rules);
      }
    }
  }
  return rules;
}

function addRules(pts: readonly (readonly [number, number])[], stroked: boolean, rules: Rule[]): void {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [x, y] of pts) {
    box.x0 = Math.min(box.x0, x);
    box.y0 = Math.min(box.y0, y);
    box.x1 = Math.max(box.x1, x);
    box.y1 = Math.max(box.y1, y);
  }
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const rectangle = pts.length >= 4 && pts.length <= 5 && pts.every(([x, y]) => (Math.abs(x - box.x0) < 0.5 || Math.abs(x - box.x1) < 0.5) && (Math.abs(y - box.y0) < 0.5 || Math.abs(y - box.y1) < 0.5));
  if (rectangle && (w <= RULE_THICKNESS || h <= RULE_THICKNESS)) {
    if (w <= RULE_THICKNESS && h >= MIN_RULE_LENGTH) rules.push({ horizontal: false, x0: (box.x0 + box.x1) / 2, x1: (box.x0 + box.x1) / 2, y0: box.y0, y1: box.y1 });
    else if (h <= RULE_THICKNESS && w >= MIN_RULE_LENGTH) rules.push({ horizontal: true, x0: box.x0, x1: box.x1, y0: (box.y0 + box.y1) / 2, y1: (box.y0 + box.y1) / 2 });
    return;
  }
  if (!stroked) return;
  const closed = rectangle ? [...pts, pts[0]!] : pts;
  for (let k = 1; k < closed.length; k++) {
    const [ax, ay] = closed[k - 1]!;
    const [bx, by] = closed[k]!;
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_RULE_LENGTH) rules.push({ horizontal: true, x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: ay, y1: ay });
    else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_RULE_LENGTH) rules.push({ horizontal: false, x0: ax, x1: ax, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  }
}

/** The subpaths of a pdfjs path buffer (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4): their points; a curve ends its subpath's straightness. */
function subpaths(buffer: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  let curved = false;
  const flush = () => {
    if (current.length >= 2 && !curved) out.push(current);
    current = [];
    curved = false;
  };
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === 0) {
      flush();
      current.push([buffer[k]!, buffer[k + 1]!]);
      k += 2;
    } else if (op === 1) {
      current.push([buffer[k]!, buffer[k + 1]!]);
      k += 2;
    } else if (op === 2) {
      curved = true;
      k += 6;
    } else if (op === 3) {
      curved = true;
      k += 4;
    } else if (op === 4) {
      flush();
    } else break;
  }
  flush();
  return out;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function boxOf(boxes: readonly Box[]): Box {
  const { x0, y0, x1, y1 } = boxes.reduce(union);
  return { x0, y0, x1, y1 };
}

export function max(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

export function min(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

export function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Runs grouped by baseline, top to bottom: runs whose baselines are within a third of the smaller font of each other. */
export function baselineRows(runs: readonly TextRun[]): TextRun[][] {
  const rows: TextRun[][] = [];
  for (const run of [...runs].sort((a, b) => a.baseline - b.baseline)) {
    const row = rows.at(-1);
    if (row && run.baseline - row.at(-1)!.baseline <= Math.min(run.size, row.at(-1)!.size) * 0.35) row.push(run);
    else rows.push([run]);
  }
  return rows;
}
