import type { Program } from '../../schemas/briefing.ts';
import type { ManifestProgram } from '../../schemas/manifest.ts';
import { compact } from './normalize.ts';

export interface ProgramIdentity {
  id: string | null;
  slug: string | null;
  /** the manifest entry it was matched to, or null */
  entry: ManifestProgram | null;
}

/** Names are compared without white space and without the quotation brackets a name may lose or gain. */
const nameForm = (name: string): string => compact(name).replace(/[「」『』"“”]/g, '');

/**
 * Match the programs of the contact list to the manifest's entries by name (or a former name):
 * numbers move between editions, names mostly do not. Each entry is matched once.
 */
export function identifyPrograms(programs: readonly Pick<Program, 'no' | 'name'>[], entries: readonly ManifestProgram[]): Map<string, ProgramIdentity> {
  const byName = new Map<string, ManifestProgram>();
  for (const e of entries) for (const n of [e.name, ...(e.formerly ?? [])]) if (!byName.has(nameForm(n))) byName.set(nameForm(n), e);
  const taken = new Set<ManifestProgram>();
  const result = new Map<string, ProgramIdentity>();
  for (const p of programs) {
    const entry = byName.get(nameForm(p.name));
    if (entry && !taken.has(entry)) {
      taken.add(entry);
      result.set(p.no, { id: entry.id, slug: entry.slug ?? null, entry });
    } else result.set(p.no, { id: null, slug: null, entry: null });
  }
  return result;
}

/** The manifest's alias phrases keyed by the program number they name in this edition. */
export function aliasesByNumber(identities: ReadonlyMap<string, ProgramIdentity>): { program: string; phrases: string[] }[] {
  return [...identities].flatMap(([no, i]) => (i.entry?.aliases ? [{ program: no, phrases: i.entry.aliases.phrases }] : []));
}
