import type { RootContent } from 'mdast';
import type { BudgetRow } from '../views/figure-rows.ts';
import { MEASURE_HEADERS } from '../views/figure-rows.ts';
import type { ContactLine, ProgramView } from '../views/program-view.ts';
import { heading, list, paragraph, table } from './mdast.ts';

const slides = (ns: readonly number[]) => ns.map((n) => `スライド${n}`).join('、');

type Column = { header: string; align?: Parameters<typeof table>[0][number]['align'] };

/** A summary table without the columns that are empty on every row (備考 where nothing is noted). */
function compactTable(columns: readonly Column[], rows: readonly string[][], optional: ReadonlySet<string>): RootContent {
  const kept = columns.flatMap((c, i) => (optional.has(c.header) && rows.every((r) => (r[i] ?? '') === '') ? [] : [i]));
  return table(
    kept.map((i) => columns[i]!),
    rows.map((r) => kept.map((i) => r[i] ?? '')),
  );
}

function budgetTable(rows: readonly BudgetRow[], subjectHeader: string): RootContent {
  return compactTable(
    [{ header: '区分' }, { header: subjectHeader }, { header: '金額', align: 'right' }, { header: '備考' }, { header: '出典' }],
    rows.map((r) => [r.label, r.subject ?? '', r.amount, r.notes.join('。'), slides(r.slides)]),
    new Set([subjectHeader, '備考']),
  );
}

/**
 * 予算・財政措置のまとめ: the program's budgets, the 【参考】 budgets of other bodies apart, bond
 * plans, every fiscal measure with the columns it fills, and the series shown in the figures.
 */
export function summaryNodes(view: ProgramView): RootContent[] {
  const { own, references, plans } = view.budgets;
  const nodes: RootContent[] = [];
  nodes.push(heading(3, '予算'));
  nodes.push(own.length > 0 ? budgetTable(own, '対象') : paragraph('スライドに予算額の記載はありません。'));
  if (plans.length > 0) nodes.push(heading(3, '地方債計画額'), budgetTable(plans, '地方債'));
  if (references.length > 0) nodes.push(heading(3, '参考：他府省所管の事業の予算'), budgetTable(references, '事業（所管）'));
  if (view.measures.rows.length > 0) {
    const columns = view.measures.columns;
    nodes.push(heading(3, '財政措置'));
    nodes.push(
      compactTable(
        [...columns.map((c) => ({ header: MEASURE_HEADERS[c], align: c === 'cap' || c === 'rate' || c === 'allotment' || c === 'taxShare' || c === 'subsidy' ? ('right' as const) : null })), { header: '備考' }, { header: '出典' }],
        view.measures.rows.map((r) => [...columns.map((c) => r.cells[c]), r.details.join('。'), `スライド${r.slide}`]),
        new Set(['備考']),
      ),
    );
  }
  if (view.series.length > 0) {
    nodes.push(heading(3, '推移'));
    nodes.push(list(view.series.map((s) => `${s.label}：${s.span}（${s.figure}、スライド${s.slide}）`)));
  }
  return nodes;
}

/** 担当: the contact list's departments, people and phones, and offices the slides give a number for. */
export function contactNodes(contacts: readonly ContactLine[]): RootContent[] {
  return [
    table(
      [{ header: '担当課室' }, { header: '担当者' }, { header: '電話番号' }],
      contacts.map((c) => [c.note ? `${c.department}（${c.note}）` : c.department, c.people.join('、'), c.phones.join('、')]),
    ),
  ];
}
