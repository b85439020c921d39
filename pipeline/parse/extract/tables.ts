import type { TableRow } from '../../../schemas/figures.ts';
import { parseNumber } from '../../units/number.ts';
import { makeId, type SlideContext } from './context.ts';

const CELL = /^(?:(\d[\d,]*(?:\.\d+)?)(%)?(?:※\d)?…?|([－\-ー]))$/;

/**
 * Rows of numeric tables: a label followed by cells that are only numbers ("千葉県 19 2 17",
 * "複合施設 63 78.7 81 101.2 101.2※2 101.2"); a dash is an empty cell. Prose with numbers is not a row.
 */
export function extractTableRows(ctx: SlideContext): TableRow[] {
  const out: TableRow[] = [];
  let offset = 0;
  for (const line of ctx.span.lines) {
    const lineStart = offset;
    offset += line.text.length + 1;
    const tokens = [...line.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: lineStart + m.index! }));
    const first = tokens.findIndex((t) => CELL.test(t.text) && !/^[－\-ー]$/.test(t.text));
    if (first < 1) continue;
    const label = tokens.slice(0, first).map((t) => t.text).join(' ');
    if (/\d$/.test(label) || label.length > 20) continue;
    const rest = tokens.slice(first).filter((t) => !/^…+$/.test(t.text));
    if (rest.length < 2 || !rest.every((t) => CELL.test(t.text))) continue;
    const cells = rest.map((t) => {
      const m = CELL.exec(t.text)!;
      const printed = m[3] ?? `${m[1]}${m[2] ?? ''}`;
      return { printed, value: m[1] ? parseNumber(m[1]) : null, at: ctx.span.locate(t.start, t.start + printed.length) };
    });
    out.push({
      id: makeId('row', ctx.slide.index, out.length),
      program: ctx.program, block: null,
      slide: ctx.slide.index,
      label,
      cells,
      at: ctx.span.locate(tokens[0]!.start, rest.at(-1)!.start + rest.at(-1)!.text.length),
    });
  }
  return out;
}
