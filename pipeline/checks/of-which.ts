import type { Quantity } from '../../schemas/figures.ts';
import { formatYen } from '../units/number.ts';
import { fig, insideDate, type GenericRule } from './rule.ts';

/** 「総額 約18.3兆円。うち、…」: a total, then 「うち」 and the parts of it. */
const OF_WHICH = /^[。、\s\u3000]*うち[、，,\s\u3000]*/;
/** How far a list of parts may wrap, in lines. */
const MAX_LINES = 3;


/**
 * A total printed with the parts 「うち」 it names stays at least their sum: 「総額 約18.3兆円。うち、
 * 地方単独事業分等 約5.4兆円、物価高騰対応1.8兆円、…」 (the parts listed are some of the total, not
 * necessarily all of it). The parts: the amounts in the same unit after 「うち」, to the closing bracket
 * or the end of the sentence.
 */
export const ofWhich: GenericRule = {
  id: 'of-which',
  description: 'the parts listed after 「うち」 stay within their total',
  run(ctx) {
    const b = ctx.briefing;
    const quantities = b.quantities.filter((q) => !insideDate(b, q.at));
    for (const total of quantities) {
      const line = ctx.lineText(total.at.line);
      const rest = line.slice(total.at.endColumn - 1);
      const lead = OF_WHICH.exec(rest);
      if (!lead) continue;
      // the text of the parts: from 「うち」 on, over wrapped lines, to a closing bracket or 。

      const parts: Quantity[] = [];
      for (let n = total.at.line; n <= total.at.line + MAX_LINES; n++) {
        // on the total's line, after 「。うち、」
        const skip = n === total.at.line ? lead[0].length : 0;
        const text = n === total.at.line ? rest.slice(skip) : ctx.lineText(n);
        const from = n === total.at.line ? total.at.endColumn - 1 + skip : 0;
        const stop = text.search(/[）)。]/);
        const end = stop >= 0 ? stop : text.length;
        parts.push(...quantities.filter((q) => q.at.line === n && q !== total && q.unit === total.unit && q.at.column - 1 >= from && q.at.column - 1 < from + end));

        if (stop >= 0) break;
      }
      if (parts.length < 2) continue;
      const sum = parts.reduce((s, q) => s + q.value, 0);
      const yen = total.unit === '円';
      const shown = (n: number) => (yen ? formatYen(n) : `${n.toLocaleString('en-US')}${total.unit}`);
      ctx.outcome({
        id: `of-which:${total.id}`,
        statement: `${total.printed}の「うち」に挙げた${parts.length}つの内訳の合計は${total.printed}を超えない`,
        pass: sum <= total.value + 1e-6,
        detail: `${parts.map((q) => q.printed).join(' + ')} = ${shown(sum)} ${sum <= total.value + 1e-6 ? '≤' : '>'} ${total.printed}`,
        expected: `≤ ${total.printed}`,
        actual: shown(sum),
        figures: [fig('total', '総額', total.value, total.printed, total.program, total.at), ...parts.map((q) => fig('part', 'うち', q.value, q.printed, q.program, q.at))],
        at: total.at,
      });
    }
  },
};
