import type { Check } from '../../../schemas/checks.ts';
import { shown, shownAs, type Relation } from './types.ts';

type AtMost = Extract<Check, { relation: 'at-most' }>;

/** value ≤ limit × factor (91名 in 88市町村 at most 2 each). */
export const atMost: Relation<AtMost> = (check, resolve) => {
  const value = resolve.one(check.value, 'value', ['value']);
  const limit = resolve.one(check.limit, 'limit', ['limit']);
  const max = limit.value * check.factor;
  const pass = value.value <= max + 1e-9;
  const bound = check.factor !== 1 ? `${shown(limit)} × ${check.factor} = ${shownAs(max, [limit])}` : shown(limit);
  return {
    pass,
    detail: `${shown(value)} ${pass ? '≤' : '>'} ${bound}`,
    expected: `≤ ${shownAs(max, [limit])}`,
    actual: shown(value),
    figures: [value, limit],
    primary: value,
  };
};
