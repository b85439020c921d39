import type { Check } from '../../../schemas/checks.ts';
import { shown, shownAs, type Relation } from './types.ts';

type Sum = Extract<Check, { relation: 'sum' }>;

/** total = Σ parts (within an optional tolerance). */
export const sum: Relation<Sum> = (check, resolve) => {
  const total = resolve.one(check.total, 'total', ['total']);
  const parts = resolve.many(check.parts, 'part', ['parts']);
  const computed = parts.reduce((s, p) => s + p.value, 0);
  const pass = Math.abs(computed - total.value) <= (check.tolerance ?? 0) + 1e-9;
  // Money reads best the way it was printed: 5.4兆円 + 1.8兆円 = 17兆円.
  const shownSum = shownAs(computed, [total, ...parts]);
  return {
    pass,
    detail: `${parts.map(shown).join(' + ')} = ${shownSum}; printed total ${shown(total)}`,
    expected: shownSum,
    actual: shown(total),
    figures: [total, ...parts],
    primary: total,
  };
};
