import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/** A cap printed with its parts equals their sum (520万円 = 報償費等 320万円 + その他活動経費 200万円). */
export const capComponents: GenericRule = {
  id: 'cap-components',
  description: 'caps equal the sum of their components',
  run(ctx) {
    const out: RuleOutcome[] = [];
    for (const m of ctx.briefing.measures) {
      if (!m.cap || m.components.length === 0) continue;
      const total = m.components.reduce((s, c) => s + c.amount.yen, 0);
      out.push({
        id: `cap-components:${m.id}`,
        statement: `${m.item}の上限 ${m.cap.printed} = ${m.components.map((c) => `${c.label} ${c.amount.printed}`).join(' + ')}`,
        pass: total === m.cap.yen,
        detail: `${m.components.map((c) => c.amount.printed).join(' + ')} = ${total.toLocaleString('en-US')}円; cap ${m.cap.yen.toLocaleString('en-US')}円`,
        expected: `${total.toLocaleString('en-US')}円`,
        actual: `${m.cap.yen.toLocaleString('en-US')}円`,
        figures: [fig('total', m.item, m.cap.yen, m.cap.printed, m.program, m.at), ...m.components.map((c) => fig('part', c.label, c.amount.yen, c.amount.printed, m.program, c.at))],
      });
    }
    return out;
  },
};
