import type { Briefing } from '../../schemas/briefing.ts';
import type { Provenance } from '../../schemas/provenance.ts';

/** A figure as a generic rule reports it. */
export interface RuleFigure {
  role: string;
  label: string;
  value: number;
  printed: string;
  program: string | null;
  at: Provenance;
}

export interface RuleContext {
  briefing: Briefing;
  /** normalized text of a source line */
  lineText(line: number): string;
}

/**
 * One application of a rule, passed or not, with the figures it read and where they stand — the
 * same shape a declared relation gives (validate/relations/types.ts: pass, detail, expected,
 * actual, figures, the figure to blame).
 */
export interface RuleOutcome {
  id: string;
  statement: string;
  pass: boolean;
  detail: string;
  expected?: string;
  actual?: string;
  figures: RuleFigure[];
  /** the figure the finding points at (default: the first) */
  at?: Provenance | null;
}

/** A generic rule: applies to any edition, needs no configuration; a pure function of the briefing to its outcomes. */
export interface GenericRule {
  id: string;
  description: string;
  /** what a failure is: an error (default), or a warning for what may be intended */
  severity?: 'error' | 'warning';
  run(ctx: RuleContext): RuleOutcome[];
}


/** A line that starts an item of its own: a bullet, a note mark, a circled number (●, ・, ※, ① …). */
export const ITEM_START = /^[\s\u3000]*[●○◆■◇□・※①-⑳➊-➓]/;

export const fig = (role: string, label: string, value: number, printed: string, program: string | null, at: Provenance): RuleFigure => ({ role, label, value, printed, program, at });

/** Whether a place lies inside a date the parse found (the 5 of 令和5年度 is that date, not a quantity of its own). */
export function insideDate(b: Briefing, at: Provenance): boolean {
  return b.dates.some((d) => d.at.line === at.line && d.at.endLine === at.line && at.endLine === at.line && d.at.column <= at.column && at.endColumn <= d.at.endColumn);
}
