import type { Quantity } from '../../schemas/figures.ts';
import { formatYen } from '../units/number.ts';
import { fig, insideDate, ITEM_START, type GenericRule, type RuleOutcome } from './rule.ts';

/** 「総額 約18.3兆円。うち、…」: a total, then 「うち」 and the parts of it. */
const OF_WHICH = /^[。、\s\u3000]*うち[、，,\s\u3000]*/;
/** How far a list of parts may wrap, in lines. */
const MAX_LINES = 3;


/**
 * A total printed with the parts 「うち」 it names stays at least their sum: 「総額 約18.3兆円。うち、
 * 地方単独事業分等 約5.4兆円、物価高騰対応1.8兆円、…」 (the parts listed are some of the total, not
 * necessarily all of it). The parts: the amounts in the same unit after 「うち」, to the closing bracket
 * or the end of the sentence, not into the next bullet; the parts of a part 「（うち…）」 are not counted.
 */
export const ofWhich: GenericRule = {
  id: 'of-which',
  description: 'the parts listed after 「うち」 stay within their total',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const b = ctx.briefing;
    const quantities = b.quantities.filter((q) => !insideDate(b, q.at));
    for (const total of quantities) {
      const line = ctx.lineText(total.at.line);
      const rest = line.slice(total.at.endColumn - 1);
      const lead = OF_WHICH.exec(rest);
      if (!lead) continue;
      // the text of the parts: from 「うち」 on, over wrapped lines, to a closing bracket or 。

      // the parts at the top level of the list: a 「（うち…）」 inside it names parts of a part
      const parts: Quantity[] = [];
      let depth = 0;
      let ended = false;
      for (let n = total.at.line; n <= total.at.line + MAX_LINES && !ended; n++) {
        // on the total's line, after 「。うち、」; a line that starts a bullet of its own ends the list
        const from = n === total.at.line ? total.at.endColumn - 1 + lead[0].length : 0;
        const text = ctx.lineText(n);
        if (n > total.at.line && (text.trim() === '' ? false : ITEM_START.test(text))) break;
        for (let c = from; c < text.length; c++) {
          const ch = text[c]!;
          if (ch === '（' || ch === '(') depth++;
          else if (ch === '）' || ch === ')') {
            if (depth === 0) {
              ended = true;
              break;
            }
            depth--;
          } else if (ch === '。' && depth === 0) {
            ended = true;
            break;
          }
          if (depth > 0) continue;
          const part = quantities.find((q) => q.at.line === n && q.at.column - 1 === c && q !== total && q.unit === total.unit);
          if (part) parts.push(part);
        }
      }
      if (parts.length < 2) continue;
      const sum = parts.reduce((s, q) => s + q.value, 0);
      const yen = total.unit === '円';
      const shown = (n: number) => (yen ? formatYen(n) : `${n.toLocaleString('en-US')}${total.unit}`);
      out.push({
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
    return out;
  },
};
