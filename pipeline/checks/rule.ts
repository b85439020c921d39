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
  /** record one application of the rule: passed or not */
  outcome(o: { id: string; statement: string; pass: boolean; detail: string; expected?: string; actual?: string; figures: RuleFigure[]; at?: Provenance | null }): void;
}

/** A generic rule: applies to any edition, needs no configuration. */
export interface GenericRule {
  id: string;
  description: string;
  /** what a failure is: an error (default), or a warning for what may be intended */
  severity?: 'error' | 'warning';
  run(ctx: RuleContext): void;
}


export const fig = (role: string, label: string, value: number, printed: string, program: string | null, at: Provenance): RuleFigure => ({ role, label, value, printed, program, at });

/** Whether a place lies inside a date the parse found (the 5 of 令和5年度 is that date, not a quantity of its own). */
export function insideDate(b: Briefing, at: Provenance): boolean {
  return b.dates.some((d) => d.at.line === at.line && d.at.endLine === at.line && at.endLine === at.line && d.at.column <= at.column && at.endColumn <= d.at.endColumn);
}
