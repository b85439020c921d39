import type { Briefing, Program, Slide } from '../../schemas/briefing.ts';
import type { Breakdown, Budget, FiscalMeasure, Series } from '../../schemas/figures.ts';
import type { CheckOutcome, Finding, ValidationReport } from '../../schemas/validation.ts';

/** A check that involves the program, with the reason it was acknowledged, if it was. */
export interface ProgramCheck {
  outcome: CheckOutcome;
  acknowledgement: string | null;
}

/** Everything the briefing and the validation say about one program, in source order. */
export interface ProgramFigures {
  program: Program;
  slides: Slide[];
  budgets: Budget[];
  measures: FiscalMeasure[];
  series: Series[];
  breakdowns: Breakdown[];
  checks: ProgramCheck[];
}

export function programFigures(briefing: Briefing, report: ValidationReport, program: Program): ProgramFigures {
  const mine = <T extends { program: string | null; at: { line: number; column: number } }>(figures: readonly T[]): T[] =>
    figures.filter((f) => f.program === program.no).sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  const slideSet = new Set(program.slides);
  return {
    program,
    slides: briefing.slides.filter((s) => slideSet.has(s.index)).sort((a, b) => a.index - b.index),
    budgets: mine(briefing.budgets),
    measures: mine(briefing.measures),
    series: mine(briefing.series),
    breakdowns: mine(briefing.breakdowns),
    checks: report.checks
      .filter((c) => c.programs.includes(program.no))
      .map((outcome) => ({ outcome, acknowledgement: outcome.status === 'acknowledged' ? acknowledgement(report.findings, outcome) : null })),
  };
}

/**
 * The reason of an acknowledgement lives on the finding: a declared check names it by checkId; a
 * generic rule's finding has no checkId and carries the rule and "statement: detail" instead.
 */
function acknowledgement(findings: readonly Finding[], c: CheckOutcome): string | null {
  const f = findings.find((x) => x.checkId === c.id) ?? findings.find((x) => x.checkId === null && x.ruleId === c.relation && x.message === `${c.statement}: ${c.detail}`);
  return f?.note?.replace(/^acknowledged:\s*/, '') ?? null;
}
