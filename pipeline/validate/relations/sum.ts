import type { Check } from '../../../schemas/checks.ts';
import { shown, shownAs, type Relation } from './types.ts';

type Sum = Extract<Check, { relation: 'sum' }>;

/** total = Σ parts (within an optional tolerance); with bound: at-most, Σ parts ≤ total. */
export const sum: Relation<Sum> = (check, resolve) => {
  const total = resolve.one(check.total, 'total', ['total']);
  const parts = resolve.many(check.parts, 'part', ['parts']);
  const computed = parts.reduce((s, p) => s + p.value, 0);
  const slack = (check.tolerance ?? 0) + 1e-9;
  const within = check.bound === 'at-most';
  const pass = within ? computed <= total.value + slack : Math.abs(computed - total.value) <= slack;
  // Money reads best the way it was printed: 5.4兆円 + 1.8兆円 = 17兆円.
  const shownSum = shownAs(computed, [total, ...parts]);
  return {
    pass,
    detail: within ? `${parts.map(shown).join(' + ')} = ${shownSum} ${pass ? '≤' : '>'} ${shown(total)}` : `${parts.map(shown).join(' + ')} = ${shownSum}; printed total ${shown(total)}`,
    expected: within ? `≤ ${shown(total)}` : shownSum,
    actual: within ? shownSum : shown(total),
    figures: [total, ...parts],
    primary: total,
  };
};
