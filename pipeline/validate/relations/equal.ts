import { cited } from '../../lib/cite.ts';
import type { Check } from '../../../schemas/checks.ts';
import { roundTo, shown, type Relation, type RoleFigure } from './types.ts';

type Equal = Extract<Check, { relation: 'equal' }>;

/**
 * The same figure printed in several places agrees everywhere (optionally after rounding to a
 * unit). A value that disagrees is blamed when the others agree among themselves — the majority
 * is taken as right — so changing the first of three equal caps points at the first.
 */
export const equal: Relation<Equal> = (check, resolve) => {
  const values = check.values.map((sel, i) => resolve.one(sel, i === 0 ? 'value' : 'repeat', ['values', i]));
  const unit = check.unit ?? 1;
  const key = (v: RoleFigure) => (check.round ? roundTo(v.value / unit, 0, check.round) : v.value / unit);
  const same = (a: RoleFigure, b: RoleFigure) => Math.abs(key(a) - key(b)) < 1e-9;
  // the value most others share; on a tie, the first value stands and a later one is blamed
  const agreed = values.reduce((best, v) => (values.filter((w) => same(w, v)).length > values.filter((w) => same(w, best)).length ? v : best), values[0]!);
  const odd = values.find((v) => !same(v, agreed));
  return {
    pass: odd === undefined,
    detail: values.map((v, i) => `${i > 0 ? (same(values[i - 1]!, v) ? ' = ' : ' ≠ ') : ''}${shown(v)} (${cited(v.at)})`).join(''),
    expected: shown(agreed),
    actual: shown(odd ?? agreed),
    figures: values,
    primary: odd ?? values[0]!,
  };
};
