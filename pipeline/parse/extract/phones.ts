import type { Program } from '../../../schemas/briefing.ts';
import { lineBounds } from '../span.ts';
import type { SlideContext } from './context.ts';

const PHONE_IN_TEXT = /(?<![\d-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\d-])/g;

/**
 * Phone numbers printed on a program's own slides ("問合先：…（03-3595-3189）", "☎ 03-6256-1168"),
 * with the office the slide gives them for: the words before the number on its line, or the line
 * above when the number stands alone ("内閣府 成果連動型事業推進室" / "☎ 03-6256-1168（直通）").
 */
export function extractSlidePhones(ctx: SlideContext): Program['slidePhones'] {
  const text = ctx.span.text;
  return [...text.matchAll(PHONE_IN_TEXT)].map((m) => {
    const { start } = lineBounds(text, m.index!);
    let office = cleanOffice(text.slice(start, m.index!));
    if (!office && start > 0) office = cleanOffice(text.slice(text.lastIndexOf('\n', start - 2) + 1, start - 1));
    return { phone: m[0], office: office || null, slide: ctx.slide.index, at: ctx.span.locate(m.index!, m.index! + m[0].length) };
  });
}

function cleanOffice(words: string): string {
  return words
    .replace(/^.*?(?:問合せ?先|連絡先|お問い?合わせ)\s*[:：]?/u, '')
    .replace(/[☎℡]|TEL|電話番号?|[:：（(\s]+$/gu, '')
    .trim();
}
