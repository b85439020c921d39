import { cited } from '../lib/cite.ts';
import { parseEraYear } from '../units/era.ts';
import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/**
 * A series value quoted in the text agrees with the table: "隊員数は、令和5年度は7,200人" against
 * the 隊員数 series' 令和5年度 point.
 */
export const seriesMentions: GenericRule = {
  id: 'series-mentions',
  description: 'figures quoted in the text agree with their series',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const b = ctx.briefing;
    for (const s of b.series) {
      for (const q of b.quantities) {
        if (q.program !== s.program || q.unit !== s.unit || !q.context.includes(s.label)) continue;
        const before = q.context.slice(0, q.contextOffset);
        const year = [...before.matchAll(/(令和|平成)\s*(元|\d{1,2})\s*年度/g)].at(-1);
        if (!year) continue;
        const fy = parseEraYear(year[0].replace(/度$/, ''))?.year;
        const point = s.points.find((p) => p.fiscalYear === fy);
        if (!point || point.at.line === q.at.line) continue;
        out.push({
          id: `series-mentions:${s.id}:${q.id}`,
          statement: `本文の${s.label}（${year[0]}）が表の値と一致`,
          pass: point.value === q.value,
          detail: `text ${q.printed} (${cited(q.at)}); table ${point.printed} (${cited(point.at)})`,
          expected: point.printed,
          actual: q.printed,
          figures: [fig('quoted', q.context, q.value, q.printed, q.program, q.at), fig('table', `${s.label} ${point.yearLabel}`, point.value, point.printed, s.program, point.at)],
        });
      }
    }
    return out;
  },
};
