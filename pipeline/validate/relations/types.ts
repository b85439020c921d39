import type { Check } from '../../../schemas/checks.ts';
import type { FigureSelector } from '../../../schemas/checks.ts';
import { formatYen } from '../../units/number.ts';
import type { Figure, RowFigures } from '../select.ts';

export interface RoleFigure extends Figure {
  role: string;
}

export interface RelationResult {
  pass: boolean;
  /** what was computed, e.g. "5,355 + 468 + 8 = 5,831" */
  detail: string;
  expected: string;
  actual: string;
  figures: RoleFigure[];
  /** the figure the finding points at (the total, the stated value) */
  primary: RoleFigure;
}

/** Resolve one selector (exactly one figure) or a list of selectors (any number of figures each). */
export interface Resolver {
  one(sel: FigureSelector, role: string, path: (string | number)[]): RoleFigure;
  many(sels: FigureSelector[], role: string, path: (string | number)[]): RoleFigure[];
  /** the rows of tables, for rules that hold in every row */
  rows(sel: { program?: string; slide?: string; row?: string | string[]; sheet?: boolean }, path: (string | number)[]): RowFigures[];
  /** the year printed just before a figure on its line (「令和6年度で42回目」: 令和6年度), if any */
  printedYear(figure: Figure): RoleFigure | null;
  /** the first place a term's pattern matches on its program's slides (same-term) */
  term(term: { program?: string; pattern: string }, path: (string | number)[]): RoleFigure;
}

export type Relation<C extends Check> = (check: C, resolve: Resolver, fiscalYear: number) => RelationResult;

export const fmt = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(Number(n.toFixed(6))));

/** A figure as the briefing prints it when it is an amount or a percentage (5,000万円, not 50,000,000; 86%, not 0.86), else its number. */
export const shown = (f: Figure): string => (/[円%％]$/.test(f.printed) ? f.printed : fmt(f.value));

/** A computed value in the unit of the figures it comes from: yen as the briefing writes amounts (5,000万円), percentages with %. */
export const shownAs = (value: number, like: readonly Figure[]): string => {
  if (like.length > 0 && like.every((f) => f.printed.endsWith('円'))) return formatYen(value);
  if (like.length > 0 && like.every((f) => /[%％]$/.test(f.printed))) return `${fmt(value)}%`;
  return fmt(value);
};

/** The sign between two values as they are: <, = or >. */
export const compare = (a: number, b: number): '<' | '=' | '>' => (Math.abs(a - b) < 1e-9 ? '=' : a < b ? '<' : '>');

export { roundTo } from '../../units/number.ts';
