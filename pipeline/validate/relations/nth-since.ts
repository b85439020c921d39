import type { Check } from '../../../schemas/checks.ts';
import { fmt, type Relation } from './types.ts';

type NthSince = Extract<Check, { relation: 'nth-since' }>;

/** "昭和58年度から実施 … 令和6年度で42回目": nth = year − since + 1. */
export const nthSince: Relation<NthSince> = (check, resolve, fiscalYear) => {
  const nth = resolve.one(check.nth, 'nth', ['nth']);
  const since = resolve.one(check.since, 'since', ['since']);
  const year = check.year ?? fiscalYear;
  const expected = year - since.value + 1;
  return {
    pass: expected === nth.value,
    // years read as years (1983, not 1,983)
    detail: `${year} − ${since.value} + 1 = ${expected}; printed ${fmt(nth.value)}`,
    expected: String(expected),
    actual: fmt(nth.value),
    figures: [nth, since],
    primary: nth,
  };
};
