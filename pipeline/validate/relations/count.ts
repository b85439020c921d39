import type { Check } from '../../../schemas/checks.ts';
import { fmt, type Relation } from './types.ts';

type Count = Extract<Check, { relation: 'count' }>;

/** A stated count equals the number of items listed (98組合 vs the cooperatives under 【県名】). */
export const count: Relation<Count> = (check, resolve) => {
  const value = resolve.one(check.value, 'stated', ['value']);
  const items = resolve.one(check.items, 'counted', ['items']);
  return {
    pass: value.value === items.value,
    detail: `stated ${fmt(value.value)}; counted ${fmt(items.value)} (${items.label})`,
    expected: fmt(items.value),
    actual: fmt(value.value),
    figures: [value, items],
    primary: value,
  };
};
