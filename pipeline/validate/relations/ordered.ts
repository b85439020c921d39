import type { Check } from '../../../schemas/checks.ts';
import { fmt, type Relation } from './types.ts';

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
    detail: values.map((v) => fmt(v.value)).join(up ? ' < ' : ' > '),
    expected: `${check.strict ? 'strictly ' : ''}${check.order}`,
    actual: bad === -1 ? check.order : `${fmt(values[bad - 1]!.value)} then ${fmt(values[bad]!.value)}`,
    figures: values,
    primary: values[bad] ?? values[0]!,
  };
};
