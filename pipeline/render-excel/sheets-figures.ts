import type { Briefing } from '../../schemas/briefing.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { formatEraYear } from '../units/era.ts';
import type { BudgetRow, MeasureRow } from '../views/figure-rows.ts';
import { programDocumentPaths } from '../views/file-names.ts';
import { programViews } from '../views/program-view.ts';
import { DOCUMENT_COLUMN } from './sheets-contacts.ts';
import type { FormattedNumber, Table, TableCell } from './table.ts';

export const FIGURES_SHEET = '予算・財政措置';
export const BUDGET = '予算';
export const PLAN = '地方債計画';
export const REFERENCE = '参考（他府省の事業）';
export const MEASURE = '財政措置';

/** Yen as a plain number, grouped, with its unit: summable, and never "300.0万円". */
export const YEN = '#,##0"円"';

// the columns a reader needs on paper first (the print area); 年度, the yen to compute with and the
// link to the program's document after
const COLUMNS = ['No.', '施策名', '区分', '種別', '項目', '記載', '措置率', '充当率', '交付税措置率', '補助率', '備考', 'スライド', '年度', '金額（円）', DOCUMENT_COLUMN] as const;
const PRINTED = COLUMNS.indexOf('スライド') + 1;
// 種別 is a short label (特別交付税措置) read whole; widths on screen; on paper the printed columns are narrowed together to one legible A4 width
const MAX_WIDTH: Partial<Record<(typeof COLUMNS)[number], number>> = { 施策名: 20, 種別: 16, 項目: 36, 記載: 20, 備考: 28, 年度: 20, '金額（円）': 18, [DOCUMENT_COLUMN]: 44 };
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, TableCell>>;

/**
 * Every budget line and every fiscal measure, program by program, as the program documents and
 * packs show them (views/figure-rows.ts): the money once, with the yen as a number and the amount
 * as the slide printed it; 【参考】 budgets of other bodies and bond plans named as such; a link to
 * the program's document.
 */
export function figuresTable(briefing: Briefing, report: ValidationReport): Table {
  const views = programViews(briefing, report);
  const documents = programDocumentPaths(views.map((v) => v.program));
  const rows: Row[] = views.flatMap((view, i) => {
    const program = { 'No.': view.program.no, 施策名: view.program.name, [DOCUMENT_COLUMN]: { text: documents[i]!, link: documents[i]! } };
    const budget = (kind: string) => (r: BudgetRow) => ({ ...program, ...budgetRow(briefing, r), 区分: kind });
    return [
      ...view.budgets.own.map(budget(BUDGET)),
      ...view.budgets.plans.map(budget(PLAN)),
      ...view.budgets.references.map(budget(REFERENCE)),
      ...view.measures.rows.map((r) => ({ ...program, ...measureRow(briefing, r) })),
    ];
  });
  return {
    name: FIGURES_SHEET,
    landscape: true,
    freezeColumns: 2,
    printColumns: PRINTED,
    columns: COLUMNS.map((header) => ({ header, text: header === 'No.', numFmt: header === '金額（円）' ? YEN : undefined, maxWidth: MAX_WIDTH[header] ?? 14, minWidth: header === '種別' ? 16 : undefined })),
    rows: rows.map((r) => COLUMNS.map((c) => r[c] ?? null)),
  };
}

function yen(value: number): FormattedNumber {
  return { value, numFmt: YEN, shown: `${value.toLocaleString('en-US')}円` };
}

function budgetRow(briefing: Briefing, r: BudgetRow): Row {
  const b = briefing.budgets.find((x) => x.id === r.id)!;
  return {
    種別: b.kind,
    項目: r.subject ? `${r.label}（${r.subject}）` : r.label,
    年度: b.fiscalYear === null ? null : `${formatEraYear(b.fiscalYear)}（${b.fiscalYear}）`,
    '金額（円）': yen(b.amount.yen),
    記載: r.amount,
    備考: r.notes.join('。') || null,
    スライド: r.slides.join('、'),
  };
}

function measureRow(briefing: Briefing, r: MeasureRow): Row {
  const m = briefing.measures.find((x) => x.id === r.id)!;
  const money = m.cap ?? m.amount;
  return {
    区分: MEASURE,
    種別: m.kind,
    項目: r.cells.item,
    '金額（円）': money && !m.formula ? yen(money.yen) : null,
    記載: r.cells.cap || null,
    措置率: r.cells.rate || null,
    充当率: r.cells.allotment || null,
    交付税措置率: r.cells.taxShare || null,
    補助率: r.cells.subsidy || null,
    備考: r.details.join('。') || null,
    スライド: String(r.slide),
  };
}
