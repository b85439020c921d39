import { cited } from '../lib/cite.ts';
import { fig, type GenericRule, type RuleFigure, type RuleOutcome } from './rule.ts';

/** The edition's own budgets: 当初予算 and 計画額 (補正 and plain 予算額 are often last year's, for comparison). */
const OWN_BUDGET = new Set(['当初', '計画']);

/**
 * The edition's own budgets (当初予算額, 計画額) name the edition's fiscal year. A briefing copied
 * from last year whose labels were not all updated (「R6当初予算額」 in a FY2025 edition) gets one
 * warning listing every label that names another year.
 */
export const budgetYear: GenericRule = {
  id: 'budget-year',
  description: "当初予算 and 計画額 labels name the edition's fiscal year",
  severity: 'warning',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const { budgets, fiscalYear } = ctx.briefing;
    // the parse reads each budget's kind and year from its label: 「R6当初予算額」 → 当初, 2024
    const own = budgets.flatMap((b) => (OWN_BUDGET.has(b.kind) && b.fiscalYear !== null ? [{ b, year: b.fiscalYear, printed: b.label.slice(0, b.label.indexOf(b.kind)) }] : []));
    if (own.length === 0) return out;
    const other = own.filter((x) => x.year !== fiscalYear);
    // the labels that name another year; none when all agree (the rule pins no amount)
    const figures: RuleFigure[] = other.map((x) => fig('label', x.b.label, x.year, x.b.amount.printed, x.b.program, x.b.at));
    out.push({
      id: `budget-year:FY${fiscalYear}`,
      statement: '当初予算額・計画額のラベルの年度が版の年度と一致',
      pass: other.length === 0,
      detail:
        other.length === 0
          ? `${own.length} labels name FY${fiscalYear}`
          : `${other.length} of ${own.length} 当初/計画 labels name another year than this FY${fiscalYear} edition: ${other.map((x) => `${x.b.label} (${cited(x.b.at)})`).join(', ')}`,
      expected: `FY${fiscalYear}`,
      actual: other.length === 0 ? `FY${fiscalYear}` : [...new Set(other.map((x) => x.printed))].join(', '),
      figures,
      at: other[0]?.b.at ?? null,
    });
    return out;
  },
};
