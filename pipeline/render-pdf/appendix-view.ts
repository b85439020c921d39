import { MEASURE_COLUMNS, MEASURE_HEADERS, type MeasureColumn } from '../views/figure-rows.ts';
import type { ProgramView } from '../views/program-view.ts';

interface AppendixGroup<T> {
  program: string;
  rows: T[];
}

/** 付録 予算・財政措置一覧: every program's budgets and fiscal measures in two tables, grouped by program, for officials who compare terms. */
export interface AppendixView {
  budgets: AppendixGroup<{ label: string; subject: string; amount: string; notes: string }>[];
  measureHeaders: { text: string; col: string }[];
  /** columns of a measure table, the note column included: the span of a program's heading row */
  measureSpan: number;
  measures: AppendixGroup<{ cells: { text: string; num: boolean; col: string }[]; details: string }>[];
}

export function appendixView(views: readonly ProgramView[]): AppendixView {
  const columns: MeasureColumn[] = MEASURE_COLUMNS.filter((c) => views.some((v) => v.measures.rows.some((r) => r.cells[c] !== '')));
  const program = (v: ProgramView) => `${v.program.no}　${v.program.name}`;
  return {
    budgets: views
      .map((v) => ({ program: program(v), rows: [...v.budgets.own, ...v.budgets.plans].map((b) => ({ label: b.label, subject: b.subject ?? '', amount: b.amount, notes: b.notes.join('。') })) }))
      .filter((g) => g.rows.length > 0),
    measureHeaders: columns.map((c) => ({ text: MEASURE_HEADERS[c], col: c })),
    measureSpan: columns.length + 1,
    measures: views
      .map((v) => ({ program: program(v), rows: v.measures.rows.map((r) => ({ cells: columns.map((c) => ({ text: r.cells[c], num: c !== 'kind' && c !== 'item', col: c })), details: r.details.join('。') })) }))
      .filter((g) => g.rows.length > 0),
  };
}
