import type { Check } from '../../../schemas/checks.ts';
import { fmt, type Relation } from './types.ts';

type AtMost = Extract<Check, { relation: 'at-most' }>;

/** value ≤ limit × factor (91名 in 88市町村 at most 2 each). */
export const atMost: Relation<AtMost> = (check, resolve) => {
  const value = resolve.one(check.value, 'value', ['value']);
  const limit = resolve.one(check.limit, 'limit', ['limit']);
  const max = limit.value * check.factor;
  return {
    pass: value.value <= max + 1e-9,
    detail: `${fmt(value.value)} ≤ ${fmt(limit.value)}${check.factor !== 1 ? ` × ${check.factor} = ${fmt(max)}` : ''}`,
    expected: `≤ ${fmt(max)}`,
    actual: fmt(value.value),
    figures: [value, limit],
    primary: value,
  };
};
