import type { Check } from '../../../schemas/checks.ts';
import { fmt, type Relation } from './types.ts';

type NthSince = Extract<Check, { relation: 'nth-since' }>;

/**
 * 「昭和58年度から実施 … 令和6年度で42回目」: nth = year − since + 1, where year is `year` if the
 * check gives one, else the year printed just before the count (令和6年度), else the briefing's
 * fiscal year — so a text that still counts to last year is read as it says.
 */
export const nthSince: Relation<NthSince> = (check, resolve, fiscalYear) => {
  const nth = resolve.one(check.nth, 'nth', ['nth']);
  const since = resolve.one(check.since, 'since', ['since']);
  const printed = check.year === undefined ? resolve.printedYear(nth) : null;
  const year = check.year ?? printed?.value ?? fiscalYear;
  const expected = year - since.value + 1;
  return {
    pass: expected === nth.value,
    // years read as years (1983, not 1,983)
    detail: `${year}${printed ? ` (${printed.printed})` : ''} − ${since.value} + 1 = ${expected}; printed ${fmt(nth.value)}`,
    expected: String(expected),
    actual: fmt(nth.value),
    figures: [nth, since, ...(printed ? [printed] : [])],
    primary: nth,
  };
};
