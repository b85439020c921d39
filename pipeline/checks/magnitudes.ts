import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/** Units and magnitudes are plausible: a percentage is 0–100, a rate 0–1, a cap or budget above 0. */
export const magnitudes: GenericRule = {
  id: 'magnitudes',
  description: 'percentages ≤ 100, rates in (0, 1], caps and budgets > 0',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const b = ctx.briefing;
    for (const q of b.quantities.filter((x) => x.unit === '%')) {
      if (q.value >= 0 && q.value <= 100) continue;
      out.push({ id: `magnitudes:${q.id}`, statement: '割合は0%から100%の間', pass: false, detail: `${q.printed} is not a share`, expected: '0–100%', actual: q.printed, figures: [fig('value', q.context, q.value, q.printed, q.program, q.at)] });
    }
    for (const r of b.rates) {
      if (r.value > 0 && r.value <= 1) continue;
      out.push({ id: `magnitudes:${r.id}`, statement: `${r.name}は0より大きく1以下`, pass: false, detail: `${r.name} ${r.printed} = ${r.value}`, expected: '0 < rate ≤ 1', actual: r.printed, figures: [fig('value', r.name, r.value, r.printed, r.program, r.at)] });
    }
    for (const m of b.measures) {
      if (!m.cap || m.cap.yen > 0) continue;
      out.push({ id: `magnitudes:${m.id}`, statement: '上限額は0円より大きい', pass: false, detail: `${m.item}: ${m.cap.printed}`, expected: '> 0円', actual: m.cap.printed, figures: [fig('value', m.item, m.cap.yen, m.cap.printed, m.program, m.at)] });
    }
    for (const x of b.budgets) {
      if (x.amount.yen > 0) continue;
      out.push({ id: `magnitudes:${x.id}`, statement: '予算額は0円より大きい', pass: false, detail: `${x.label}: ${x.amount.printed}`, expected: '> 0円', actual: x.amount.printed, figures: [fig('value', x.label, x.amount.yen, x.amount.printed, x.program, x.at)] });
    }
    return out;
  },
};
