import type { Finding } from '../../schemas/validation.ts';

/** The other checks one wrong figure breaks, for a finding's note: null when it breaks only its own. */
export function breaksNote(f: Pick<Finding, 'breaks'>): string | null {
  if (f.breaks.length === 0) return null;
  return `the same figure also breaks: ${f.breaks.map((b) => b.message).join('; ')}`;
}
