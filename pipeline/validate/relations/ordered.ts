import type { Check } from '../../../schemas/checks.ts';
import { compare, shown, type Relation } from './types.ts';

type Ordered = Extract<Check, { relation: 'ordered' }>;

/** Values listed in order (a ranking, or a cap raised step by step) keep that order. */
export const ordered: Relation<Ordered> = (check, resolve) => {
  const values = resolve.many(check.values, 'value', ['values']);
  const up = check.order === 'increasing';
  const bad = values.findIndex((v, i) => {
    if (i === 0) return false;
    const prev = values[i - 1]!.value;
    return up ? (check.strict ? v.value <= prev : v.value < prev) : check.strict ? v.value >= prev : v.value > prev;
  });
  return {
    pass: bad === -1,
    // the signs as found: 42 > 40 where an increase was expected
    detail: `${values.map((v, i) => `${i > 0 ? ` ${compare(values[i - 1]!.value, v.value)} ` : ''}${shown(v)}`).join('')}${bad === -1 ? '' : ` (expected ${check.strict ? 'strictly ' : ''}${check.order})`}`,
    expected: `${check.strict ? 'strictly ' : ''}${check.order}`,
    actual: bad === -1 ? check.order : `${shown(values[bad - 1]!)} then ${shown(values[bad]!)}`,
    figures: values,
    primary: values[bad] ?? values[0]!,
  };
};
