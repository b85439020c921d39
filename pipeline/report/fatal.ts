import type { Finding, ValidationReport } from '../../schemas/validation.ts';
import type { InputError } from '../lib/errors.ts';

/**
 * The report of a validation that could not run: the input (or its checks file) was refused.
 * Machine formats still get a whole document — a CI step that uploads SARIF or reads JSON sees
 * the refusal as an error finding at its place, never an empty file.
 */
export function fatalReport(err: InputError, context: { edition: string; source: string }): ValidationReport {
  const findings: Finding[] = err.all().map((e) => ({
    ruleId: e.ruleId,
    checkId: null,
    severity: 'error',
    message: [e.message, ...e.hints].join('\n'),
    expected: null,
    actual: null,
    note: 'the validation could not run: nothing else was checked',
    programs: [],
    file: e.file,
    at: e.line ? { line: e.line, column: e.column ?? 1, endLine: e.line, endColumn: e.column ?? 1, raw: '' } : null,
    related: [],
    breaks: [],
  }));
  return {
    schemaVersion: 1,
    edition: context.edition,
    source: { file: context.source, sha256: '' },
    checksFile: null,
    summary: { errors: findings.length, warnings: 0, checksPassed: 0, checksFailed: 0, acknowledged: 0 },
    checks: [],
    findings,
  };
}
