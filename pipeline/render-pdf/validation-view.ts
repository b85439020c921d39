import type { Briefing } from '../../schemas/briefing.ts';
import type { CheckOutcome, Finding, ValidationReport } from '../../schemas/validation.ts';

/** A check whose outcome a reader must see: an acknowledged inconsistency with its reason, or a failure. */
export interface NotedCheck {
  id: string;
  statement: string;
  detail: string;
  programs: string;
  reason: string;
  where: string;
}

export interface ValidationView {
  checks: number;
  passed: number;
  acknowledged: number;
  failed: number;
  errors: number;
  warnings: number;
  acknowledgedChecks: NotedCheck[];
  failedChecks: NotedCheck[];
  byProgram: { no: string; name: string; passed: number; acknowledged: number; failed: number }[];
  checksFile: string;
}

/** The validation appendix: totals, every acknowledged warning with its reason, failures, and checks per program. */
export function validationView(briefing: Briefing, report: ValidationReport): ValidationView {
  const count = (checks: readonly CheckOutcome[], status: CheckOutcome['status']) => checks.filter((c) => c.status === status).length;
  const noted = (status: CheckOutcome['status']) => report.checks.filter((c) => c.status === status).map((c) => notedCheck(briefing, report, c));
  return {
    checks: report.checks.length,
    passed: report.summary.checksPassed,
    acknowledged: report.summary.acknowledged,
    failed: report.summary.checksFailed,
    errors: report.summary.errors,
    warnings: report.summary.warnings,
    acknowledgedChecks: noted('acknowledged'),
    failedChecks: noted('fail'),
    byProgram: briefing.programs.map((p) => {
      const mine = report.checks.filter((c) => c.programs.includes(p.no));
      return { no: p.no, name: p.name, passed: count(mine, 'pass'), acknowledged: count(mine, 'acknowledged'), failed: count(mine, 'fail') };
    }),
    checksFile: report.checksFile ? baseName(report.checksFile) : '（なし）',
  };
}

function notedCheck(briefing: Briefing, report: ValidationReport, c: CheckOutcome): NotedCheck {
  const finding = findingOf(report.findings, c);
  const names = c.programs.map((no) => `${no} ${briefing.programs.find((p) => p.no === no)?.name ?? ''}`.trim());
  const at = finding?.at ?? c.figures[0]?.at ?? null;
  return {
    id: c.id,
    statement: c.statement,
    detail: c.detail,
    programs: names.join('、') || '（施策なし）',
    reason: finding?.note?.replace(/^acknowledged:\s*/, '') ?? finding?.message ?? '',
    where: at ? `${report.source.file} ${at.line}行目` : report.source.file,
  };
}

/** A declared check names its finding by checkId; a generic rule's finding carries the rule and "statement: detail". */
function findingOf(findings: readonly Finding[], c: CheckOutcome): Finding | undefined {
  return findings.find((f) => f.checkId === c.id) ?? findings.find((f) => f.checkId === null && f.ruleId === c.relation && f.message === `${c.statement}: ${c.detail}`);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).slice(-3).join('/');
}
