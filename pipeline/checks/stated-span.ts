import type { DateMention } from '../../schemas/figures.ts';
import { compact } from '../parse/normalize.ts';
import { fig, insideDate, type GenericRule, type RuleOutcome } from './rule.ts';

/** What joins the two ends of a period: 「から」「～」「→」. */
const RANGE = /^[（(]?(?:から|～|~|〜|→|－|-)$/;

/**
 * A period stated as a length beside its two ends on the same line holds: 「平成27年度から平成29年度
 * までの3年間」 counts fiscal years with both ends (29 − 27 + 1); 「３年間延長（令和６年３月３１日 →
 * 令和９年３月３１日）」 measures whole years from one day to the other, the last day included or not
 * (「令和６年４月１日～令和９年３月３１日」 is 3年間 too). Ends of other kinds (a year and a day) are left
 * to declared checks.
 */
export const statedSpan: GenericRule = {
  id: 'stated-span',
  description: 'a stated length (N年間) matches the period its line gives',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const b = ctx.briefing;
    for (const q of b.quantities) {
      if (q.unit !== '年間' || insideDate(b, q.at)) continue;
      const dates = b.dates.filter((d) => d.at.line === q.at.line && d.at.endLine === q.at.line).sort((x, y) => x.at.column - y.at.column);
      if (dates.length !== 2) continue;
      const [from, to] = dates as [DateMention, DateMention];
      const between = compact(ctx.lineText(q.at.line).slice(from.at.endColumn - 1, to.at.column - 1));
      if (!RANGE.test(between)) continue;
      const days = from.day !== null && to.day !== null && from.month !== null && to.month !== null;
      const years = from.fiscal && to.fiscal && from.month === null && to.month === null;
      if (!days && !years) continue;
      let length: number;
      let how: string;
      if (years) {
        length = to.year - from.year + 1;
        how = `${to.printed} − ${from.printed} + 1（両端の年度を含む）`;
      } else {
        // a period ends on its last day or the day after: 4月1日～3月31日 is as many years as 3月31日 → 3月31日
        const whole = (end: Date) => {
          const start = new Date(Date.UTC(from.year, from.month! - 1, from.day!));
          let months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + (end.getUTCMonth() - start.getUTCMonth());
          if (end.getUTCDate() < start.getUTCDate()) months -= 1;
          return Math.trunc(months / 12);
        };
        const last = new Date(Date.UTC(to.year, to.month! - 1, to.day!));
        const after = new Date(last.getTime() + 86_400_000);
        const lengths = [...new Set([whole(last), whole(after)])];
        length = lengths.includes(q.value) ? q.value : lengths.at(-1)!;
        how = `${from.printed} → ${to.printed}（満年数${lengths.length > 1 ? '、終わりの日を含めて' : ''}）`;
      }
      out.push({
        id: `stated-span:${q.id}`,
        statement: `${q.printed}は${from.printed}から${to.printed}までの期間`,
        pass: length === q.value,
        detail: `${how} = ${length}; printed ${q.printed}`,
        expected: `${length}年間`,
        actual: q.printed,
        figures: [fig('count', '期間', q.value, q.printed, q.program, q.at), fig('from', from.printed, from.year, from.printed, from.program, from.at), fig('to', to.printed, to.year, to.printed, to.program, to.at)],
        at: q.at,
      });
    }
    return out;
  },
};
