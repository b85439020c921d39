import type { Check } from '../../../schemas/checks.ts';
import { fmt, roundTo, type Relation } from './types.ts';

type Equal = Extract<Check, { relation: 'equal' }>;

/** The same figure printed in several places agrees everywhere (optionally after rounding to a unit). */
export const equal: Relation<Equal> = (check, resolve) => {
  const values = check.values.map((sel, i) => resolve.one(sel, i === 0 ? 'value' : 'repeat', ['values', i]));
  const unit = check.unit ?? 1;
  const shown = (v: number) => (check.round ? roundTo(v / unit, 0, check.round) : v / unit);
  const first = shown(values[0]!.value);
  const odd = values.find((v) => Math.abs(shown(v.value) - first) > 1e-9);
  return {
    pass: odd === undefined,
    detail: values.map((v) => `${fmt(v.value)} (line ${v.at?.line ?? '-'})`).join(' = '),
    expected: fmt(values[0]!.value),
    actual: fmt((odd ?? values[0]!).value),
    figures: values,
    primary: odd ?? values[0]!,
  };
};
