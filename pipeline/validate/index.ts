import { Briefing } from '../../schemas/briefing.ts';
import type { CheckOutcome, Finding, ValidationReport } from '../../schemas/validation.ts';
import { displayPath } from '../lib/display-path.ts';
import { runDeclaredChecks } from './declared.ts';
import { finding, sortFindings } from './findings.ts';
import { runGenericRules } from './generic.ts';
import { onePerFigure } from './one-per-figure.ts';
import type { ValidateInput } from './input.ts';

export type { ValidateInput };

/**
 * Validate a parsed briefing: its schema, the generic rules, then the declared checks. Pure: the
 * result is a report of located findings, one per wrong figure; a checks file naming figures that
 * do not exist is an input error (exit 2), not a finding.
 */
export function validate(input: ValidateInput): ValidationReport {
  const { briefing, checks } = input;
  const source = briefing.source.file;
  const schema = Briefing.safeParse(briefing);
  const findings: Finding[] = schema.success ? [] : schema.error.issues.map((issue) => finding({ ruleId: 'schema', severity: 'error', message: `${issue.path.join('.')}: ${issue.message}`, file: source, at: null }));
  const outcomes: CheckOutcome[] = [];
  for (const run of [runGenericRules(input, checks), ...(checks ? [runDeclaredChecks(input, checks)] : [])]) {
    outcomes.push(...run.outcomes);
    findings.push(...run.findings);
  }
  const merged = onePerFigure(findings, source);
  return {
    schemaVersion: 1,
    edition: briefing.edition,
    source: { file: source, sha256: briefing.source.sha256 },
    checksFile: checks ? displayPath(checks.path) : null,
    summary: {
      errors: merged.filter((f) => f.severity === 'error').length,
      warnings: merged.filter((f) => f.severity === 'warning').length,
      checksPassed: outcomes.filter((o) => o.status === 'pass').length,
      checksFailed: outcomes.filter((o) => o.status === 'fail').length,
      acknowledged: outcomes.filter((o) => o.status === 'acknowledged').length,
    },
    checks: outcomes,
    findings: sortFindings(merged),
  };
}
