import type { Program } from '../../schemas/briefing.ts';
import { dice } from '../lib/bigrams.ts';
import { compact } from '../parse/normalize.ts';

export interface ProgramMatch {
  before: Program;
  after: Program;
  renamed: boolean;
}

/** How alike two names are (0–1), spacing ignored. */
export function similarity(a: string, b: string): number {
  return dice(compact(a), compact(b));
}

/** A renamed program keeps most of its name and its department. */
const RENAME_THRESHOLD = 0.5;

/**
 * Pair the programs of two editions by meaning: the same stable id first, then the same name
 * (numbers change when programs come and go), then the most similar name within the same department.
 */
export function matchPrograms(before: Program[], after: Program[]): { matches: ProgramMatch[]; added: Program[]; removed: Program[] } {
  const matches: ProgramMatch[] = [];
  const leftB = new Set(before);
  const leftA = new Set(after);
  // the same stable id (from the manifests): the same program, whatever its number or name now
  for (const b of before) {
    if (b.id === null) continue;
    const a = after.find((x) => leftA.has(x) && x.id === b.id);
    if (!a) continue;
    matches.push({ before: b, after: a, renamed: compact(a.name) !== compact(b.name) });
    leftB.delete(b);
    leftA.delete(a);
  }
  for (const b of leftB) {
    const a = after.find((x) => leftA.has(x) && compact(x.name) === compact(b.name));
    if (!a) continue;
    matches.push({ before: b, after: a, renamed: false });
    leftB.delete(b);
    leftA.delete(a);
  }
  const candidates: { b: Program; a: Program; score: number }[] = [];
  for (const b of leftB) {
    for (const a of leftA) {
      const sameDept = b.departments.some((d) => a.departments.some((e) => e.name === d.name));
      const score = similarity(b.name, a.name);
      if (sameDept && score >= RENAME_THRESHOLD) candidates.push({ b, a, score });
    }
  }
  for (const c of candidates.sort((x, y) => y.score - x.score)) {
    if (!leftB.has(c.b) || !leftA.has(c.a)) continue;
    matches.push({ before: c.b, after: c.a, renamed: true });
    leftB.delete(c.b);
    leftA.delete(c.a);
  }
  return { matches, added: [...leftA], removed: [...leftB] };
}
