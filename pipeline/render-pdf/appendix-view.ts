import { MEASURE_COLUMNS, type MeasureColumn } from '../views/figure-rows.ts';
import { packMeasureColumns, type MeasureCellView } from './measure-table.ts';
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
  measures: AppendixGroup<{ cells: MeasureCellView[]; details: string }>[];
}

export function appendixView(views: readonly ProgramView[]): AppendixView {
  const columns: MeasureColumn[] = MEASURE_COLUMNS.filter((c) => views.some((v) => v.measures.rows.some((r) => r.cells[c] !== '')));
  const program = (v: ProgramView) => `${v.program.no}　${v.program.name}`;
  const table = packMeasureColumns(columns);
  return {
    budgets: views
      .map((v) => ({ program: program(v), rows: [...v.budgets.own, ...v.budgets.plans].map((b) => ({ label: b.label, subject: b.subject ?? '', amount: b.amount, notes: b.notes.join('。') })) }))
      .filter((g) => g.rows.length > 0),
    measureHeaders: table.headers,
    measureSpan: table.headers.length + 1,
    measures: views
      .map((v) => ({ program: program(v), rows: v.measures.rows.map((r) => ({ cells: table.cells(r), details: r.details.join('。') })) }))
      .filter((g) => g.rows.length > 0),
  };
}
