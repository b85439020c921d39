import type { GenericRule, RuleOutcome } from './rule.ts';

/** A year series has one value per year, in order. */
export const seriesYears: GenericRule = {
  id: 'series-years',
  description: 'year series have one value per year, in order',
  run(ctx) {
    const out: RuleOutcome[] = [];
    for (const s of ctx.briefing.series) {
      const years = s.points.map((p) => p.fiscalYear);
      const bad = years.findIndex((y, i) => i > 0 && y <= years[i - 1]!);
      out.push({
        id: `series-years:${s.id}`,
        statement: `${s.label}は年度ごとに1つの値で、年度順`,
        pass: bad === -1,
        detail: s.points.map((p) => `${p.yearLabel}=${p.printed}`).join(' '),
        expected: 'strictly increasing years',
        actual: bad === -1 ? 'in order' : `${s.points[bad]!.yearLabel} after ${s.points[bad - 1]!.yearLabel}`,
        figures: [], // the rule is about the years of the series, not its values
        at: bad === -1 ? s.at : s.points[bad]!.at,
      });
    }
    return out;
  },
};
