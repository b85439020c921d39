import type { Quantity } from '../../schemas/figures.ts';
import { fig, insideDate, ITEM_START, type GenericRule, type RuleOutcome } from './rule.ts';

/**
 * What a stated total is introduced by: 「…の計27事例」, 「合計200万円」, 「総数5,831人」 — 計 as a word of
 * its own, not the end of 推計, 集計, 累計, 会計.
 */
const TOTAL_WORD = /(?:合計|総計|総数|(?<!\p{Script=Han})計)[\s\u3000]*(?:約)?[\s\u3000]*$/u;
/** What separates the items of a list: 「、」, 「，」, 「及び」, 「と」. */
const SEPARATOR = /[、，,]|及び|と/;
/** How far back a listed sentence may run, in lines (the slides wrap sentences, with blank lines between). */
const MAX_LINES = 4;


/**
 * A stated total adds up to the items the same sentence lists before it in the same unit:
 * 「最優秀賞１事例、優秀賞３事例、…、個人表彰４事例の計27事例」, 「民間専門家（586名）、…（30名） …計616名」.
 * Needs at least two such items; a total whose items are in other units (「１都１道２府27県で計41法人」) is
 * left to declared checks.
 */
export const statedTotal: GenericRule = {
  id: 'stated-total',
  description: 'a stated total (計N) equals the items its sentence lists before it',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const b = ctx.briefing;
    const quantities = b.quantities.filter((q) => !insideDate(b, q.at));
    for (const total of quantities) {
      const before = ctx.lineText(total.at.line).slice(0, total.at.column - 1);
      if (!TOTAL_WORD.test(before)) continue;
      // the sentence: back over wrapped (and blank) lines to its bullet or to the 。 that ends the one before
      let first = total.at.line;
      let startColumn = before.lastIndexOf('。') + 2;
      if (startColumn <= 1 && !ITEM_START.test(before)) {
        for (let line = total.at.line - 1; line >= Math.max(1, total.at.line - MAX_LINES); line--) {
          const text = ctx.lineText(line);
          if (text.trim() === '') continue;
          const end = text.lastIndexOf('。');
          if (end >= 0) {
            first = line;
            startColumn = end + 2;
            break;
          }
          first = line;
          startColumn = 1;
          if (ITEM_START.test(text)) break;
        }
      }
      const inSentence = (q: Quantity) =>
        q !== total &&
        q.program === total.program &&
        q.unit === total.unit &&
        (q.at.line > first || (q.at.line === first && q.at.column >= startColumn)) &&
        (q.at.line < total.at.line || (q.at.line === total.at.line && q.at.column < total.at.column));
      // the list: items one after the other with a separator between, back from the total; one inside
      // 「（うち…）」 is a part of the item before it, not an item
      const candidates = quantities.filter(inSentence).sort((x, y) => x.at.line - y.at.line || x.at.column - y.at.column);
      const between = (a: Quantity, b: Quantity | null) => textBetween(ctx, a.at, b ? b.at : total.at);
      const items: Quantity[] = [];
      for (let k = candidates.length - 1; k >= 0; k--) {
        const q = candidates[k]!;
        const next = items[0] ?? null;
        const gap = between(q, next);
        if (insideOfWhich(textBetween(ctx, { line: first, column: startColumn }, q.at))) continue;
        if (next !== null && !SEPARATOR.test(gap)) break;
        items.unshift(q);
      }
      if (items.length < 2) continue;
      const sum = items.reduce((s, q) => s + q.value, 0);
      const shown = (n: number) => `${n.toLocaleString('en-US')}${total.unit}`;
      out.push({
        id: `stated-total:${total.id}`,
        statement: `計${total.printed}は、同じ文に並ぶ${items.length}つの${total.unit}の合計`,
        pass: Math.abs(sum - total.value) < 1e-9,
        detail: `${items.map((q) => q.printed).join(' + ')} = ${shown(sum)}; printed 計${total.printed}`,
        expected: shown(sum),
        actual: total.printed,
        figures: [fig('total', '計', total.value, total.printed, total.program, total.at), ...items.map((q) => fig('part', q.context.slice(Math.max(0, q.contextOffset - 8), q.contextOffset).trim(), q.value, q.printed, q.program, q.at))],
        at: total.at,
      });
    }
    return out;
  },
};

/** The normalized text from the end of one place (or a point) to the start of another, over lines. */
function textBetween(ctx: { lineText(line: number): string }, from: { line: number; column: number; endLine?: number; endColumn?: number }, to: { line: number; column: number }): string {
  const line = from.endLine ?? from.line;
  const start = from.endColumn ?? from.column;
  if (line === to.line) return ctx.lineText(line).slice(start - 1, to.column - 1);
  let text = ctx.lineText(line).slice(start - 1);
  for (let n = line + 1; n < to.line; n++) text += ctx.lineText(n);
  return text + ctx.lineText(to.line).slice(0, to.column - 1);
}

/** Whether text that runs up to a number leaves it inside an open 「（うち…」. */
function insideOfWhich(text: string): boolean {
  const open = Math.max(text.lastIndexOf('（うち'), text.lastIndexOf('(うち'), text.lastIndexOf('（ うち'));
  return open >= 0 && !/[）)]/.test(text.slice(open));
}
