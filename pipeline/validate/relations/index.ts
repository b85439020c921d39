import type { Check } from '../../../schemas/checks.ts';
import { atMost } from './at-most.ts';
import { count } from './count.ts';
import { equal } from './equal.ts';
import { multiplier } from './multiplier.ts';
import { nthSince } from './nth-since.ts';
import { ordered } from './ordered.ts';
import { ratio } from './ratio.ts';
import { rowSum } from './row-sum.ts';
import { sameTerm } from './same-term.ts';
import { span } from './span.ts';
import { sum } from './sum.ts';
import type { RelationResult, Resolver } from './types.ts';

/** Evaluate a declared check: every relation has the one contract, (check, resolver, fiscal year) → result. */
export function evaluate(check: Check, resolve: Resolver, fiscalYear: number): RelationResult {
  switch (check.relation) {
    case 'sum':
      return sum(check, resolve, fiscalYear);
    case 'ratio':
      return ratio(check, resolve, fiscalYear);
    case 'multiplier':
      return multiplier(check, resolve, fiscalYear);
    case 'count':
      return count(check, resolve, fiscalYear);
    case 'equal':
      return equal(check, resolve, fiscalYear);
    case 'at-most':
      return atMost(check, resolve, fiscalYear);
    case 'ordered':
      return ordered(check, resolve, fiscalYear);
    case 'span':
      return span(check, resolve, fiscalYear);
    case 'nth-since':
      return nthSince(check, resolve, fiscalYear);
    case 'row-sum':
      return rowSum(check, resolve, fiscalYear);
    case 'same-term':
      return sameTerm(check, resolve, fiscalYear);
  }
}
