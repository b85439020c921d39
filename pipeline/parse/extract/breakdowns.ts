import type { Breakdown } from '../../../schemas/figures.ts';
import { parseNumber } from '../../units/number.ts';
import { makeId, type SlideContext } from './context.ts';

const PAIR = /([^\d\s,、，（）()]{1,20}?)\s*,\s*(\d{1,3}(?:,\d{3})+|\d+)(?=\s|$)/gu;
/** What every pair holds: a label character, a comma, a digit. Most slides have none: no scan for pairs. */
const PAIR_HINT = /[^\d\s,、，（）()]\s*,\s*\d/u;
const TOTAL = /[（(]\s*(?:総数|合計|計)\s*(\d[\d,]*)\s*(人|団体|件|社)?\s*[）)]/;

/** Chart data printed as "label, value" pairs ("アメリカ合衆国, 3,042 英国, 762 …"), with the printed total. */
export function extractBreakdowns(ctx: SlideContext): Breakdown[] {
  const text = ctx.span.text;
  if (!PAIR_HINT.test(text)) return [];
  const pairs = [...text.matchAll(PAIR)].map((m) => ({
    label: m[1]!.trim(),
    printed: m[2]!,
    value: parseNumber(m[2]!)!,
    start: m.index!,
    end: m.index! + m[0].length,
    valueStart: m.index! + m[0].lastIndexOf(m[2]!),
  }));
  const groups: (typeof pairs)[] = [];
  for (const p of pairs) {
    const last = groups.at(-1)?.at(-1);
    // Pairs of one chart follow each other with nothing but white space between them.
    if (last && text.slice(last.end, p.start).trim() === '') groups.at(-1)!.push(p);
    else groups.push([p]);
  }
  const out: Breakdown[] = [];
  for (const g of groups.filter((g) => g.length >= 3)) {
    const after = text.slice(g.at(-1)!.end, g.at(-1)!.end + 40);
    const total = TOTAL.exec(after);
    const totalStart = total ? g.at(-1)!.end + total.index! : 0;
    out.push({
      id: makeId('breakdown', ctx.slide.index, out.length),
      program: ctx.program, block: null,
      slide: ctx.slide.index,
      label: headingBefore(text, g[0]!.start),
      unit: total?.[2] ?? null,
      items: g.map((p) => ({ label: p.label, value: p.value, printed: p.printed, at: ctx.span.locate(p.start, p.valueStart + p.printed.length) })),
      total: total
        ? { label: '総数', value: parseNumber(total[1]!)!, printed: total[1]!, at: ctx.span.locate(totalStart, totalStart + total[0].length) }
        : null,
      at: ctx.span.locate(g[0]!.start, g.at(-1)!.end),
    });
  }
  return out;
}

/** The first heading of the slide above the pairs that names a breakdown ("◆ 招致国別の内訳"). */
function headingBefore(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  const heading = lines.find((l) => /内訳/.test(l)) ?? lines.find((l) => /^[◆●■]/.test(l.trim()) && /別/.test(l));
  return heading ? heading.replace(/^[\s◆●■○・•]+/, '').trim() : '内訳';
}
