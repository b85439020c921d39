import type { Finding } from '../../schemas/validation.ts';
import type { Provenance } from '../../schemas/provenance.ts';

const key = (at: Provenance) => `${at.line}:${at.column}`;

/**
 * One wrong figure is one finding: errors of the briefing (generic rules and declared checks) that
 * blame the same figure become one finding at that figure, which lists every other check it breaks
 * (`breaks`, each as it would have been reported alone). A declared check leads: it says more than a
 * generic rule. Errors that blame different figures stay apart, even where they share a figure: which
 * of the figures is wrong is not known, and two findings say so. Warnings and errors of the checks
 * file are left as they are.
 */
export function onePerFigure(findings: readonly Finding[], source: string): Finding[] {
  const mergeable = (f: Finding) => f.severity === 'error' && f.file === source && f.at !== null && !f.ruleId.startsWith('checks-') && f.ruleId !== 'schema';
  const out = findings.filter((f) => !mergeable(f));
  const byFigure = new Map<string, Finding[]>();
  for (const f of findings.filter(mergeable)) {
    const k = key(f.at!);
    if (!byFigure.has(k)) byFigure.set(k, []);
    byFigure.get(k)!.push(f);
  }
  for (const group of byFigure.values()) {
    const lead = group.find((f) => f.checkId !== null) ?? group[0]!;
    const others = group.filter((f) => f !== lead);
    if (others.length === 0) {
      out.push(lead);
      continue;
    }
    out.push({
      ...lead,
      programs: [...new Set(group.flatMap((f) => f.programs))],
      breaks: [...lead.breaks, ...others.flatMap((f) => [{ ruleId: f.ruleId, checkId: f.checkId, message: f.message, expected: f.expected, actual: f.actual, at: f.at, related: f.related }, ...f.breaks])],
    });
  }
  return out;
}
