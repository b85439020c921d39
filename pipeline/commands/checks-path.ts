import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ResolvedSource } from '../source.ts';

/** The checks file of a run: --checks, or checks.yaml next to the manifest (a bare source has none). */
export async function checksPathOf(explicit: string | undefined, resolved: ResolvedSource): Promise<string | null> {
  if (explicit) return explicit;
  const next = join(dirname(resolved.manifestPath ?? resolved.sourcePath), 'checks.yaml');
  return (await stat(next).catch(() => null)) && resolved.manifestPath ? next : null;
}
