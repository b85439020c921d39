import type { Check } from '../../../schemas/checks.ts';
import { fmt, roundTo, type Relation } from './types.ts';

type Multiplier = Extract<Check, { relation: 'multiplier' }>;

/** value = base × factors, cut to the printed digits (ふるさと融資: 13.5 × 1.25 = 16.875 → 16.8). */
export const multiplier: Relation<Multiplier> = (check, resolve) => {
  const value = resolve.one(check.value, 'value', ['value']);
  const base = resolve.one(check.base, 'base', ['base']);
  const raw = check.factors.reduce((x, f) => x * f, base.value);
  const cut = roundTo(raw, check.digits, check.round);
  return {
    pass: Math.abs(cut - value.value) < 1e-9,
    detail: `${fmt(base.value)} × ${check.factors.join(' × ')} = ${fmt(raw)} → ${check.round} to ${check.digits} digit(s): ${fmt(cut)}; printed ${fmt(value.value)}`,
    expected: fmt(cut),
    actual: fmt(value.value),
    figures: [value, base],
    primary: value,
  };
};
