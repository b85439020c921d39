import type { Check } from '../../../schemas/checks.ts';
import { fmt, roundTo, type Relation } from './types.ts';

type Multiplier = Extract<Check, { relation: 'multiplier' }>;

/**
 * value = base × factors × by ÷ per, cut to the printed digits (ふるさと融資: 13.5 × 1.25 = 16.875
 * → 16.8; 融資限度額 80 × 60% ÷ 50% = 96).
 */
export const multiplier: Relation<Multiplier> = (check, resolve) => {
  const value = resolve.one(check.value, 'value', ['value']);
  const base = resolve.one(check.base, 'base', ['base']);
  const by = check.by ? resolve.many(check.by, 'by', ['by']) : [];
  const per = check.per ? resolve.many(check.per, 'per', ['per']) : [];
  const raw = per.reduce((x, f) => x / f.value, by.reduce((x, f) => x * f.value, check.factors.reduce((x, f) => x * f, base.value)));
  if (per.some((f) => f.value === 0)) {
    return { pass: false, detail: `${fmt(base.value)} ÷ ${per.map((f) => f.printed).join(' ÷ ')}: division by zero`, expected: '(no value: division by zero)', actual: fmt(value.value), figures: [value, base, ...by, ...per], primary: value };
  }
  const cut = roundTo(raw, check.digits, check.round);
  const steps = [...check.factors.map((f) => ` × ${f}`), ...by.map((f) => ` × ${f.printed}`), ...per.map((f) => ` ÷ ${f.printed}`)].join('');
  return {
    pass: Number.isFinite(raw) && Math.abs(cut - value.value) < 1e-9,
    detail: `${fmt(base.value)}${steps} = ${fmt(raw)} → ${check.round} to ${check.digits} digit(s): ${fmt(cut)}; printed ${fmt(value.value)}`,
    expected: fmt(cut),
    actual: fmt(value.value),
    figures: [value, base, ...by, ...per],
    primary: value,
  };
};
