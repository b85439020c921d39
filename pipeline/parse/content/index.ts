import type { Block } from '../../../schemas/content.ts';
import type { Provenance } from '../../../schemas/provenance.ts';
import type { SlideSegment } from '../segment.ts';
import { Span } from '../span.ts';
import { unitBlocks } from './blocks.ts';
import { sheetTable } from './sheet.ts';
import { locateLines, slideClaims, type SlideFigures } from './tables.ts';
import { chooseTitle } from './title.ts';
import { slideUnits } from './units.ts';

export { type SlideFigures } from './tables.ts';

export interface SlideContent {
  title: { text: string; at: Provenance | null };
  blocks: Block[];
}

/**
 * The content of one slide in reading order (schemas/content.ts). Tables and charts come from
 * the figures already extracted from the slide; the title is the line that reads most like one;
 * every other line goes into a heading, a list, a note, a paragraph, fields or the catch-all.
 */
export function slideContent(slide: SlideSegment, figures: SlideFigures, programName: string | null): SlideContent {
  const spanOf = new Span(slide.lines);
  // a table's provenance runs over every line it takes, the wrapped labels and units included
  const claims = slideClaims(slide, spanOf, figures).map((c) => ({ ...c, block: { ...c.block, at: linesAt(spanOf, c.lines) } }));
  const claimed = new Set(claims.flatMap((c) => [...c.lines]));
  const title = chooseTitle(slide.lines, claimed, programName);
  const skip = new Set(claimed);
  const rest = new Map<number, number>();
  if (title.li >= 0 && title.end < slide.lines[title.li]!.text.length) rest.set(title.li, title.end);
  else if (title.li >= 0) skip.add(title.li);
  const blocks = unitBlocks(slideUnits(slide.lines, skip, rest), claims, spanOf, rest.size > 0 ? title.li : -1);
  const sheet = sheetTable(slide.sheets);
  if (sheet) blocks.push(sheet);
  return {
    title: { text: title.text || slide.title, at: title.li >= 0 ? titleAt(spanOf, title.li, title.end) : null },
    blocks: blocks.map((b, k) => ({ ...b, id: `s${String(slide.index).padStart(2, '0')}-b${String(k + 1).padStart(2, '0')}` }) as Block),
  };
}

function linesAt(spanOf: Span, lines: ReadonlySet<number>): Provenance {
  const sorted = [...lines].sort((a, b) => a - b);
  return locateLines(spanOf, spanOf.locateLine(sorted[0]!), spanOf.locateLine(sorted.at(-1)!));
}

function titleAt(spanOf: Span, li: number, end: number): Provenance {
  let offset = 0;
  for (let k = 0; k < li; k++) offset += spanOf.lines[k]!.text.length + 1;
  return spanOf.locate(offset, offset + Math.max(1, end));
}

/** An item, field or cell of the block holds the place . */
function holds(block: Block, at: Provenance): boolean {
  switch (block.kind) {
    case 'list':
    case 'other':
    case 'chart':
      return block.items.some((i) => contains(i.at, at));
    case 'fields':
      return block.fields.some((f) => contains(f.at, at));
    case 'table':
      return [block.header, block.rows].some((rows) => rows.some((row) => row.some((c) => c.at !== null && c.at !== undefined && contains(c.at, at))));
    default:
      return contains(block.at, at);
  }
}

function contains(range: Provenance, at: Provenance): boolean {
  const after = at.line > range.line || (at.line === range.line && at.column >= range.column);
  const before = at.line < range.endLine || (at.line === range.endLine && at.column < range.endColumn);
  return after && before;
}

/** The block a figure stands in, by where it starts: an item, cell or text that holds it, else a table or chart whose lines do. */
export function blockOf(blocks: readonly Block[], at: Provenance): string | null {
  for (const block of blocks) if (holds(block, at)) return block.id;
  for (const block of blocks) if ((block.kind === 'table' || block.kind === 'chart') && contains(block.at, at)) return block.id;
  return null;
}
