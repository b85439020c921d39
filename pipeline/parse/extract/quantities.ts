import type { Quantity } from '../../../schemas/figures.ts';
import { lineBounds, Span } from '../span.ts';
import { parseAmount, parseKanjiNumber } from '../../units/number.ts';
import { makeId, type SlideContext } from './context.ts';

const COUNTERS = [
  '百万円', '億円', '兆円', '万円', '千円', '円',
  '市区町村', '市町村', '都道府県', '道府県', '団体', '組合', '圏域', '法人', '事例', '自治体', '施設', 'か国', '箇所',
  '人', '名', '件', '回', '社', '県', '%', '日', '時間', '年間', 'か所', '都府県', '道県', '都', '道', '府', '年',
].sort((a, b) => b.length - a.length); // longest first: 都道府県 before 都府県 before 都
const NUMBER = String.raw`(?:\d[\d,]*(?:\.\d+)?\s*[千百万億兆]+\s*)*\d[\d,]*(?:\.\d+)?\s*[千百万億兆]*`;
const QUANTITY = new RegExp(`(約\\s*)?(?<![\\d.,])(${NUMBER})\\s*(${COUNTERS.join('|')})`, 'g');

/**
 * Every number with a counter or unit ("7,200人", "35団体", "92%", "5.6億円"), with the line
 * it stands in: the pool from which declared checks select figures by meaning.
 */
export function extractQuantities(ctx: SlideContext): Quantity[] {
  // The canonical copy of an embedded spreadsheet is part of the slide; the other copies are not.
  const canonical = ctx.slide.sheets[0];
  const spans = canonical ? [ctx.span, new Span(canonical.lines)] : [ctx.span];
  const out: Quantity[] = [];
  for (const span of spans) out.push(...quantitiesIn(ctx, span, out.length));
  return out;
}

function quantitiesIn(ctx: SlideContext, span: Span, first: number): Quantity[] {
  const out: Quantity[] = [];
  const text = span.text;
  for (const m of text.matchAll(QUANTITY)) {
    const unit = m[3]!;
    // 「3年度」 is a fiscal year (a table header's label), not a count of years
    if (unit === '年' && text[m.index! + m[0].length] === '度') continue;
    const printed = m[0].replace(/\s+/g, '').replace(/^約/, '');
    let value: number | null;
    if (unit.endsWith('円')) value = parseAmount(printed)?.yen ?? null;
    else value = parseKanjiNumber(m[2]!)?.value ?? null;
    if (value === null) continue;
    const start = m.index! + (m[1]?.length ?? 0);
    const { start: ls, end: le } = lineBounds(text, start);
    const line = text.slice(ls, le);
    const lead = line.length - line.trimStart().length;
    out.push({
      id: makeId('qty', ctx.slide.index, first + out.length),
      program: ctx.program, block: null,
      slide: ctx.slide.index,
      value,
      unit: unit.endsWith('円') ? '円' : unit,
      printed,
      approximate: Boolean(m[1]),
      context: line.trim(),
      contextOffset: start - ls - lead,
      at: span.locate(start, m.index! + m[0].length),
    });
  }
  return out;
}
