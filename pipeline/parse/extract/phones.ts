import type { Program } from '../../../schemas/briefing.ts';
import type { SlideContext } from './context.ts';

const PHONE_IN_TEXT = /(?<![\d-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\d-])/g;

/** Phone numbers printed on a program's own slides ("問合先：…（03-3595-3189）", "☎ 03-6256-1168"). */
export function extractSlidePhones(ctx: SlideContext): Program['slidePhones'] {
  return [...ctx.span.text.matchAll(PHONE_IN_TEXT)].map((m) => ({
    phone: m[0],
    slide: ctx.slide.index,
    at: ctx.span.locate(m.index!, m.index! + m[0].length),
  }));
}
