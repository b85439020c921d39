import type { Check } from '../../schemas/checks.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import type { CheckOutcome, Finding } from '../../schemas/validation.ts';
import { InputError } from '../lib/errors.ts';
import { figureCatalog, type CatalogEntry } from './catalog.ts';
import { runCheck, type CheckRun } from './check-run.ts';
import type { LoadedChecks } from './checks-file.ts';
import { figureLines, finding, point, toChecked, unique } from './findings.ts';
import type { ValidateInput } from './input.ts';
import type { SelectContext } from './select.ts';
import { renderStatement, writtenOutFigures } from './statement.ts';

/**
 * Run the declared checks of the checks file. Every selector that matches nothing is collected and
 * thrown at once (exit 2): a new edition's checks file is fixed in one pass.
 */
export function runDeclaredChecks(input: ValidateInput, checks: LoadedChecks): { outcomes: CheckOutcome[]; findings: Finding[] } {
  const { briefing } = input;
  const ctx: SelectContext = { briefing, constants: checks.checks.constants, lineText: input.lineText, rawLine: input.rawLine, pageOf: input.pageOf, locate: input.locate };
  const unknown: InputError[] = [];
  let listed: CatalogEntry[] | null = null;
  const catalog = () => (listed ??= figureCatalog(ctx));
  const outcomes: CheckOutcome[] = [];
  const findings: Finding[] = [];
  checks.checks.checks.forEach((check, i) => {
    const run = runCheck(check, i, { ctx, checks, unknown, catalog });
    const reported = reportCheck(check, i, run, checks, briefing.source.file);
    if (reported.outcome) outcomes.push(reported.outcome);
    findings.push(...run.findings, ...reported.findings);
  });
  if (unknown.length > 0) throw InputError.together(unknown);
  return { outcomes, findings };
}

/** The outcome of one check and its findings: a failure at its primary figure, or why it did not run. */
function reportCheck(check: Check, i: number, run: CheckRun, checks: LoadedChecks, source: string): { outcome: CheckOutcome | null; findings: Finding[] } {
  // the statement as this edition's figures fill it
  const statement = renderStatement(check.statement, run.filled);
  if (run.gone.length > 0) {
    // the text lost a figure the check names: an error of the briefing, at its line; the check cannot hold
    return {
      outcome: { id: check.id, statement, relation: check.relation, status: 'fail', programs: [], figures: [], detail: 'a figure it names is gone from the briefing' },
      findings: run.gone.map((g) => finding({ ...g, checkId: check.id, message: `${check.id}: ${statement} — ${g.message}` })),
    };
  }
  const result = run.result;
  if (!result) return { outcome: null, findings: [] };
  const programs = unique(result.figures.map((f) => f.program));
  const ack = check.acknowledged;
  // An acknowledgement pins the inconsistency it accepts: other figures are a new error.
  const pinned = ack !== undefined && (ack.expected === undefined || ack.expected === result.expected) && (ack.actual === undefined || ack.actual === result.actual);
  const status = result.pass ? 'pass' : pinned ? 'acknowledged' : 'fail';
  const outcome: CheckOutcome = { id: check.id, statement, relation: check.relation, status, programs, figures: result.figures.map(toChecked), detail: result.detail };
  const placeOf = (field: string) => checks.locate(['checks', i, field]);
  const findings = writtenOutFigures(check.statement, run.filled).map((w) => {
    const place = placeOf('statement');
    return finding({ ruleId: 'checks-statement-figure', checkId: check.id, severity: 'warning', message: `${check.id}: the statement writes out 「${w.written}」, the figure ${w.printed} of the check: write {${w.field}} instead, so that next year's statement shows next year's figure`, file: checks.path, at: place ? point(place) : null });
  });
  const primaryAt = result.primary.at ?? result.figures.find((f) => f.at)?.at ?? null;
  const related = result.figures.map((f) => f.at).filter((p): p is Provenance => p !== null && p !== primaryAt);
  if (!result.pass) {
    const note = pinned ? `acknowledged: ${ack!.reason}` : ack ? `acknowledged for expected ${ack.expected} / actual ${ack.actual}, but the figures changed; ${figureLines(result.figures)}` : figureLines(result.figures);
    findings.push(finding({ ruleId: check.relation, checkId: check.id, severity: pinned ? 'warning' : 'error', message: `${check.id}: ${statement} — ${result.detail}`, expected: result.expected, actual: result.actual, note, programs, file: source, at: primaryAt, related }));
  } else if (check.acknowledged) {
    const place = placeOf('acknowledged');
    findings.push(finding({ ruleId: 'checks-stale-acknowledgement', checkId: check.id, severity: 'warning', message: `${check.id} is acknowledged as inconsistent but now holds: remove "acknowledged"`, file: checks.path, at: place ? point(place) : null, programs }));
  }
  return { outcome, findings };
}
