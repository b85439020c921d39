import type { Provenance } from '../../schemas/provenance.ts';

/**
 * Where a figure stands, as a finding's message names it: "line 3037" of a text source; in a PDF,
 * whose lines are those of the text rebuilt from its pages and shown by no viewer, "page 53".
 */
export function cited(at: Provenance | null | undefined): string {
  if (!at) return 'line -';
  return at.page !== undefined ? `page ${at.page}` : `line ${at.line}`;
}
