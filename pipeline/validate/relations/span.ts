import type { Check } from '../../../schemas/checks.ts';
import { fmt, type Relation, type RoleFigure } from './types.ts';

type Span = Extract<Check, { relation: 'span' }>;

/**
 * The length of a period. fiscal-years counts both ends (平成26年度から28年度までの3年間:
 * 28 − 26 + 1); elapsed is the time from one date to the other, in whole years or months
 * (令和6年3月31日 → 令和9年3月31日: 3年間延長).
 */
export const span: Relation<Span> = (check, resolve) => {
  const count = resolve.one(check.count, 'count', ['count']);
  const from = resolve.one(check.from, 'from', ['from']);
  const to = resolve.one(check.to, 'to', ['to']);
  const { length, how } = check.counting === 'elapsed' ? elapsed(from, to, check.unit) : { length: to.value - from.value + 1, how: `${to.value} − ${from.value} + 1` };
  return {
    pass: length === count.value,
    detail: `${how} = ${fmt(length)}; printed ${fmt(count.value)}`,
    expected: fmt(length),
    actual: fmt(count.value),
    figures: [count, from, to],
    primary: count,
  };
};

/** Whole months (or years) from one date to the other; a date without its month counts from April, the start of its fiscal year. */
function elapsed(from: RoleFigure, to: RoleFigure, unit: 'years' | 'months'): { length: number; how: string } {
  const months = (f: RoleFigure) => (f.date?.year ?? f.value) * 12 + ((f.date?.month ?? 4) - 1);
  let diff = months(to) - months(from);
  // a day of the month not yet reached does not complete the last month (3月31日 → 3月30日)
  if (from.date?.day && to.date?.day && to.date.day < from.date.day) diff -= 1;
  const length = unit === 'months' ? diff : Math.trunc(diff / 12);
  return { length, how: `${to.printed} − ${from.printed}${unit === 'years' ? ' in whole years' : ' in whole months'}` };
}
