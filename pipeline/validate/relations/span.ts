import type { Check } from '../../../schemas/checks.ts';
import { fmt, type Relation } from './types.ts';

type Span = Extract<Check, { relation: 'span' }>;

/** "平成26年度から28年度までの3年間": count = to − from + 1. */
export const span: Relation<Span> = (check, resolve) => {
  const count = resolve.one(check.count, 'count', ['count']);
  const from = resolve.one(check.from, 'from', ['from']);
  const to = resolve.one(check.to, 'to', ['to']);
  const years = to.value - from.value + 1;
  return {
    pass: years === count.value,
    detail: `${fmt(to.value)} − ${fmt(from.value)} + 1 = ${years}; printed ${fmt(count.value)}`,
    expected: String(years),
    actual: fmt(count.value),
    figures: [count, from, to],
    primary: count,
  };
};
