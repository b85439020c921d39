import type { Budget } from '../../../schemas/figures.ts';
import { parseEraYear } from '../../units/era.ts';
import { amountPattern, parseAmount } from '../../units/number.ts';
import { makeId, type SlideContext } from './context.ts';

const LABEL = String.raw`((?:令和\s*(?:元|\d{1,2})\s*年度|[RH]\s*(?:元|\d{1,2}))?\s*(?:当初予算額|当初予算|補正予算額|補正|予算額|計画額|当初))`;
const BUDGET = new RegExp(`${LABEL}\\s*[:：]?\\s*(${amountPattern()})(\\s*の内数)?`, 'g');

/** Every budget statement: "R6当初予算額：248百万円", "R5補正：0.2億円", "令和6年度計画額5,700億円", "6.0億円の内数". */
export function extractBudgets(ctx: SlideContext): Budget[] {
  const out: Budget[] = [];
  for (const m of ctx.span.text.matchAll(BUDGET)) {
    const label = m[1]!.replace(/\s+/g, '');
    const amount = parseAmount(m[2]!);
    if (!amount) continue;
    const era = /^(令和(?:元|\d{1,2})|[RH](?:元|\d{1,2}))/.exec(label);
    const year = era ? parseEraYear(era[1]!) : null;
    out.push({
      id: makeId('budget', ctx.slide.index, out.length),
      program: ctx.program, block: null,
      slide: ctx.slide.index,
      label,
      kind: label.includes('当初') ? '当初' : label.includes('補正') ? '補正' : label.includes('計画') ? '計画' : '予算',
      fiscalYear: year?.year ?? null,
      amount,
      partOf: Boolean(m[3]),
      subject: null,
      reference: false,
      sameAs: null,
      at: ctx.span.locate(m.index!, m.index! + m[0].length),
    });
  }
  return out;
}

/** Text offsets a budget statement covers, so other extractors do not count its amount twice. */
export function budgetRanges(ctx: SlideContext): [number, number][] {
  return [...ctx.span.text.matchAll(BUDGET)].map((m) => [m.index!, m.index! + m[0].length]);
}
