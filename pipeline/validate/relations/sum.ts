import type { Check } from '../../../schemas/checks.ts';
import { formatYen } from '../../units/number.ts';
import { fmt, type Relation } from './types.ts';

type Sum = Extract<Check, { relation: 'sum' }>;

/** total = Σ parts (within an optional tolerance). */
export const sum: Relation<Sum> = (check, resolve) => {
  const total = resolve.one(check.total, 'total', ['total']);
  const parts = resolve.many(check.parts, 'part', ['parts']);
  const computed = parts.reduce((s, p) => s + p.value, 0);
  const pass = Math.abs(computed - total.value) <= (check.tolerance ?? 0) + 1e-9;
  // Money reads best the way it was printed: 5.4兆円 + 1.8兆円 = 17兆円.
  const money = [total, ...parts].every((f) => f.printed.endsWith('円'));
  const show = (f: { value: number; printed: string }) => (money ? f.printed : fmt(f.value));
  const shownSum = money ? formatYen(computed) : fmt(computed);
  return {
    pass,
    detail: `${parts.map(show).join(' + ')} = ${shownSum}; printed total ${show(total)}`,
    expected: shownSum,
    actual: show(total),
    figures: [total, ...parts],
    primary: total,
  };
};
