import { MEASURE_COLUMNS, MEASURE_HEADERS, type MeasureColumn } from '../views/figure-rows.ts';
import type { ProgramView } from '../views/program-view.ts';

/** 付録 予算・財政措置一覧: every program's budgets and fiscal measures in two tables, for officials who compare terms. */
export interface AppendixView {
  budgets: { no: string; name: string; label: string; subject: string; amount: string; notes: string }[];
  measureHeaders: string[];
  measures: { no: string; name: string; cells: { text: string; num: boolean }[]; details: string }[];
}

export function appendixView(views: readonly ProgramView[]): AppendixView {
  const columns: MeasureColumn[] = MEASURE_COLUMNS.filter((c) => views.some((v) => v.measures.rows.some((r) => r.cells[c] !== '')));
  return {
    budgets: views.flatMap((v) =>
      [...v.budgets.own, ...v.budgets.plans].map((b) => ({ no: v.program.no, name: v.program.name, label: b.label, subject: b.subject ?? '', amount: b.amount, notes: b.notes.join('。') })),
    ),
    measureHeaders: columns.map((c) => MEASURE_HEADERS[c]),
    measures: views.flatMap((v) =>
      v.measures.rows.map((r) => ({ no: v.program.no, name: v.program.name, cells: columns.map((c) => ({ text: r.cells[c], num: c !== 'kind' && c !== 'item' })), details: r.details.join('。') })),
    ),
  };
}
