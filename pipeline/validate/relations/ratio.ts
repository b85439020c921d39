import type { Check } from '../../../schemas/checks.ts';
import { fmt, roundTo, type Relation } from './types.ts';

type Ratio = Extract<Check, { relation: 'ratio' }>;

/** value = Σ numerator / Σ denominator, rounded the way the document rounds (92% = 1,647 / 1,788). */
export const ratio: Relation<Ratio> = (check, resolve) => {
  const value = resolve.one(check.value, 'value', ['value']);
  const num = resolve.many(check.numerator, 'numerator', ['numerator']);
  const den = resolve.many(check.denominator, 'denominator', ['denominator']);
  const n = num.reduce((s, f) => s + f.value, 0);
  const d = den.reduce((s, f) => s + f.value, 0);
  const raw = d === 0 ? NaN : (n / d) * (check.percent ? 100 : 1);
  const rounded = roundTo(raw, check.digits, check.round);
  const unit = check.percent ? '%' : '';
  return {
    pass: Number.isFinite(raw) && Math.abs(rounded - value.value) < 1e-9,
    detail: `(${num.map((f) => fmt(f.value)).join(' + ')}) / (${den.map((f) => fmt(f.value)).join(' + ')}) = ${raw.toFixed(check.digits + 2)}${unit} → ${check.round} to ${check.digits} digit(s): ${fmt(rounded)}${unit}; printed ${fmt(value.value)}${unit}`,
    expected: `${fmt(rounded)}${unit}`,
    actual: `${fmt(value.value)}${unit}`,
    figures: [value, ...num, ...den],
    primary: value,
  };
};
