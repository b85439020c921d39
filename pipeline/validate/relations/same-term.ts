import { cited } from '../../lib/cite.ts';
import type { Check } from '../../../schemas/checks.ts';
import type { Relation } from './types.ts';

type SameTerm = Extract<Check, { relation: 'same-term' }>;

/** One group of people or things is named the same everywhere ("SEA" on one slide, "SER" on another). */
export const sameTerm: Relation<SameTerm> = (check, resolve) => {
  const found = check.terms.map((term, i) => resolve.term(term, ['terms', i]));
  const odd = found.find((f) => f.printed !== found[0]!.printed);
  return {
    pass: odd === undefined,
    detail: found.map((f) => `"${f.printed}" (${cited(f.at)})`).join(' vs '),
    expected: found[0]!.printed,
    actual: (odd ?? found[0]!).printed,
    figures: found,
    primary: odd ?? found[0]!,
  };
};
