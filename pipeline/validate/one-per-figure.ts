import type { Finding } from '../../schemas/validation.ts';
import type { Provenance } from '../../schemas/provenance.ts';

const key = (at: Provenance) => `${at.line}:${at.column}`;

/**
 * One wrong figure is one finding: errors of the briefing (generic rules and declared checks) that
 * blame the same figure, or where one blames a figure the others involve, become one finding at
 * that figure, which lists every check it breaks (`breaks`). Greedily, the figure most errors share
 * first. Warnings and errors of the checks file are left as they are.
 */
export function onePerFigure(findings: readonly Finding[], source: string): Finding[] {
  const mergeable = (f: Finding) => f.severity === 'error' && f.file === source && f.at !== null && !f.ruleId.startsWith('checks-') && f.ruleId !== 'schema';
  const left = findings.filter(mergeable);
  const out = findings.filter((f) => !mergeable(f));
  while (left.length > 0) {
    // the figures blamed (each finding's own place), and how many errors involve each
    const involved = new Map<string, Finding[]>();
    for (const f of left) for (const at of [f.at!, ...f.related]) {
      const k = key(at);
      if (!involved.has(k)) involved.set(k, []);
      if (!involved.get(k)!.includes(f)) involved.get(k)!.push(f);
    }
    const blamed = new Set(left.map((f) => key(f.at!)));
    let best: Finding[] = [];
    let bestAt = '';
    for (const [k, fs] of involved) if (blamed.has(k) && fs.length > best.length) [best, bestAt] = [fs, k];
    if (best.length < 2) {
      out.push(...left);
      break;
    }
    // the finding that blames the figure leads (a declared check before a generic rule: it says more); the others are listed as broken by it
    const blaming = best.filter((f) => key(f.at!) === bestAt);
    const lead = blaming.find((f) => f.checkId !== null) ?? blaming[0]!;
    const others = best.filter((f) => f !== lead);
    out.push({
      ...lead,
      programs: [...new Set(best.flatMap((f) => f.programs))],
      breaks: [...lead.breaks, ...others.flatMap((f) => [{ ruleId: f.ruleId, checkId: f.checkId, message: f.message, expected: f.expected, actual: f.actual, at: f.at, related: f.related }, ...f.breaks])],
    });
    for (const f of best) left.splice(left.indexOf(f), 1);
  }
  return out;
}
