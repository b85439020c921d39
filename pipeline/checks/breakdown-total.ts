import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/** A breakdown printed with its total adds up to it (JET 招致国別: 14 categories = 5,831). */
export const breakdownTotal: GenericRule = {
  id: 'breakdown-total',
  description: 'breakdowns add up to their printed total',
  run(ctx) {
    const out: RuleOutcome[] = [];
    for (const b of ctx.briefing.breakdowns) {
      if (!b.total) continue;
      const sum = b.items.reduce((s, i) => s + i.value, 0);
      out.push({
        id: `breakdown-total:${b.id}`,
        statement: `${b.label}の${b.items.length}区分の合計が記載の総数と一致`,
        pass: sum === b.total.value,
        detail: `Σ ${b.items.length} items = ${sum.toLocaleString('en-US')}; printed ${b.total.printed}`,
        expected: sum.toLocaleString('en-US'),
        actual: b.total.printed,
        figures: [fig('total', '総数', b.total.value, b.total.printed, b.program, b.total.at), ...b.items.map((i) => fig('part', i.label, i.value, i.printed, b.program, i.at))],
        at: b.total.at,
      });
    }
    return out;
  },
};
