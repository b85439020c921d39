import type { CheckOutcome, Finding } from '../../schemas/validation.ts';
import { GENERIC_RULES } from '../checks/index.ts';
import type { LoadedChecks } from './checks-file.ts';
import { finding, point, toChecked, unique } from './findings.ts';
import { programNo } from './program-key.ts';
import type { ValidateInput } from './input.ts';

/**
 * Run the generic rules (any edition, no configuration). A failure the checks file acknowledges
 * (by rule, program and printed value) is a warning with its reason; an acknowledgement that
 * matches no failure is a warning of the checks file.
 */
export function runGenericRules(input: ValidateInput, checks: LoadedChecks | null): { outcomes: CheckOutcome[]; findings: Finding[] } {
  const { briefing } = input;
  const source = briefing.source.file;
  const outcomes: CheckOutcome[] = [];
  const findings: Finding[] = [];
  const acks = checks?.checks.acknowledge ?? [];
  const usedAcks = new Set<number>();
  for (const rule of GENERIC_RULES) {
    for (const o of rule.run({ briefing, lineText: input.lineText })) {
      const programs = unique(o.figures.map((f) => f.program));
      const ackIndex = o.pass ? -1 : acks.findIndex((a) => a.rule === rule.id && (a.program === undefined || programs.includes(programNo(briefing, a.program))) && (a.printed === undefined || o.figures.some((f) => f.printed === a.printed)));
      if (ackIndex >= 0) usedAcks.add(ackIndex);
      const status = o.pass ? 'pass' : ackIndex >= 0 ? 'acknowledged' : 'fail';
      outcomes.push({ id: o.id, statement: o.statement, relation: rule.id, status, programs, figures: o.figures.map(toChecked), detail: o.detail });
      if (o.pass) continue;
      const at = o.at ?? o.figures[0]?.at ?? null;
      findings.push(
        finding({
          ruleId: rule.id,
          severity: ackIndex >= 0 ? 'warning' : (rule.severity ?? 'error'),
          message: `${o.statement}: ${o.detail}`,
          expected: o.expected ?? null,
          actual: o.actual ?? null,
          note: ackIndex >= 0 ? `acknowledged: ${acks[ackIndex]!.reason}` : null,
          programs,
          file: source,
          at,
          related: o.figures.map((f) => f.at).filter((p) => p !== at),
        }),
      );
    }
  }
  acks.forEach((a, i) => {
    if (usedAcks.has(i)) return;
    const place = checks!.locate(['acknowledge', i]);
    findings.push(finding({ ruleId: 'checks-stale-acknowledgement', severity: 'warning', message: `the acknowledgement of ${a.rule}${a.printed ? ` ${a.printed}` : ''} matches no finding: remove it`, file: checks!.path, at: place ? point(place) : null }));
  });
  return { outcomes, findings };
}
