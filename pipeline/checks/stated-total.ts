import type { Quantity } from '../../schemas/figures.ts';
import { fig, insideDate, type GenericRule } from './rule.ts';

/** What a stated total is introduced by: 「…の計27事例」, 「合計200万円」, 「総数5,831人」. */
const TOTAL_WORD = /(?:計|合計|総計|総数)[\s\u3000]*(?:約)?[\s\u3000]*$/;
/** Where the sentence that lists the items starts: a bullet, or the end of the sentence before. */
const SENTENCE_START = /^[\s\u3000]*[●○◆■◇□・※①-⑳➊-➓]/;
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
    const b = ctx.briefing;
    const quantities = b.quantities.filter((q) => !insideDate(b, q.at));
    for (const total of quantities) {
      const before = ctx.lineText(total.at.line).slice(0, total.at.column - 1);
      if (!TOTAL_WORD.test(before)) continue;
      // the sentence: back over wrapped (and blank) lines to its bullet or to the 。 that ends the one before
      let first = total.at.line;
      let startColumn = before.lastIndexOf('。') + 2;
      if (startColumn <= 1 && !SENTENCE_START.test(before)) {
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
          if (SENTENCE_START.test(text)) break;
        }
      }
      const inSentence = (q: Quantity) =>
        q !== total &&
        q.program === total.program &&
        q.unit === total.unit &&
        (q.at.line > first || (q.at.line === first && q.at.column >= startColumn)) &&
        (q.at.line < total.at.line || (q.at.line === total.at.line && q.at.column < total.at.column));
      const items = quantities.filter(inSentence);
      if (items.length < 2) continue;
      const sum = items.reduce((s, q) => s + q.value, 0);
      const shown = (n: number) => `${n.toLocaleString('en-US')}${total.unit}`;
      ctx.outcome({
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
  },
};
