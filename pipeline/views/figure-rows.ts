import type { Budget, FiscalMeasure } from '../../schemas/figures.ts';
import { countText } from './formats.ts';

/** One budget line as a reader sees it: the money once, every printing of it named. */
export interface BudgetRow {
  id: string;
  label: string;
  /** the grant the budget funds, when the slide names one apart from the program */
  subject: string | null;
  amount: string;
  /** 内数, another printing of the same money … */
  notes: string[];
  slides: number[];
}

/** Budgets of a program: its own, the 【参考】 budgets of other bodies' grants, and bond plans (地方債計画額). */
export interface BudgetRows {
  own: BudgetRow[];
  references: BudgetRow[];
  plans: BudgetRow[];
}

/**
 * `slideTitle` tells two lines apart that would read the same (R6当初予算額 6.0億円の内数 on two
 * slides, for two projects): such a line without a subject of its own is named after its slide.
 */
export function budgetRows(budgets: readonly Budget[], slideTitle?: (slide: number) => string): BudgetRows {
  const reprints = (b: Budget) => budgets.filter((o) => o.sameAs === b.id);
  const look = (b: Budget) => `${b.kind}|${b.label}|${b.amount.printed}|${b.subject ?? ''}|${b.reference}`;
  const twins = (b: Budget) => budgets.filter((o) => o.sameAs === null && look(o) === look(b)).length > 1;
  const row = (b: Budget): BudgetRow => ({
    id: b.id,
    label: b.label,
    subject: b.subject ?? (slideTitle && twins(b) ? slideTitle(b.slide) : null),
    amount: `${b.amount.approximate ? '約' : ''}${b.amount.printed}`,
    notes: [...(b.partOf ? [`${b.amount.printed}の内数（他の施策と共通の予算）`] : []), ...reprints(b).map((r) => `スライド${r.slide}では「${r.amount.printed}」と表記`)],
    slides: [b.slide, ...reprints(b).map((r) => r.slide)],
  });
  const shown = budgets.filter((b) => b.sameAs === null);
  return {
    own: shown.filter((b) => !b.reference && b.kind !== '計画').map(row),
    references: shown.filter((b) => b.reference).map(row),
    plans: shown.filter((b) => b.kind === '計画').map(row),
  };
}

/** The columns a measure table can have; a column empty for every row of a table is left out. */
export const MEASURE_COLUMNS = ['kind', 'item', 'cap', 'rate', 'allotment', 'taxShare', 'subsidy'] as const;
export type MeasureColumn = (typeof MEASURE_COLUMNS)[number];
export const MEASURE_HEADERS: Record<MeasureColumn, string> = {
  kind: '区分',
  item: '対象経費等',
  cap: '上限額・措置額',
  rate: '措置率',
  allotment: '充当率',
  taxShare: '交付税措置率',
  subsidy: '補助率',
};

/** One fiscal measure as a row: every value as the slide prints it. */
export interface MeasureRow {
  id: string;
  slide: number;
  cells: Record<MeasureColumn, string>;
  /** what the cap is made of, a cap raised this year, the standard local government of an amount */
  details: string[];
}

/** 520万円／人, 年間560万円／人, 100万円／団体 */
function capText(m: FiscalMeasure): string {
  if (!m.cap) return '';
  const per = m.perUnit && m.perUnit !== '年' && m.perUnit !== '人日' ? `／${m.perUnit}` : m.perUnit === '年' ? '／年' : '';
  const year = m.perYear && m.perUnit !== '年' ? '年間' : '';
  const base = m.formula ?? `${m.cap.approximate ? '約' : ''}${m.cap.printed}`;
  return `${year}${base}${m.formula ? (per ? `（${m.perUnit}あたり）` : '') : per}`;
}

function amountText(m: FiscalMeasure): string {
  if (!m.amount) return '';
  return m.formula ?? `${m.amount.approximate ? '約' : ''}${m.amount.printed}`;
}

function ratesOf(m: FiscalMeasure, names: readonly string[]): string {
  const rates = m.rates.filter((r) => names.includes(r.name));
  if (rates.length === 0 && names.includes('措置率') && m.rateRaw) return m.rateRaw;
  return rates
    .map((r) => (r.name === '元利償還措置率' ? `元利償還金の${r.printed}` : r.printed))
    .filter((t, i, all) => all.indexOf(t) === i)
    .join('、');
}

export function measureRow(m: FiscalMeasure): MeasureRow {
  const details = [
    ...(m.components.length > 0 ? [`内訳：${m.components.map((c) => `${c.label} ${c.amount.printed}`).join(' ＋ ')}`] : []),
    ...(m.previous && m.cap ? [`${m.previous.printed}から${m.cap.printed}へ引上げ`] : []),
    ...(m.basis ? [m.basis] : []),
  ];
  return {
    id: m.id,
    slide: m.slide,
    cells: {
      kind: m.kind ?? '',
      item: m.scheme ? `【${m.scheme}】${m.item}` : m.item,
      cap: capText(m) || amountText(m),
      rate: ratesOf(m, ['措置率']),
      allotment: ratesOf(m, ['充当率']),
      taxShare: ratesOf(m, ['交付税措置率', '交付税算入率', '元利償還措置率']),
      subsidy: ratesOf(m, ['補助率']),
    },
    details,
  };
}

/** The columns that hold something in at least one row, in their fixed order. */
export function usedColumns(rows: readonly MeasureRow[]): MeasureColumn[] {
  return MEASURE_COLUMNS.filter((c) => c === 'item' || rows.some((r) => r.cells[c] !== ''));
}

/** A series in one line: 隊員数 平成21年度 89人 → 令和5年度 7,200人. */
export function seriesSpan(points: readonly { yearLabel: string; value: number }[], unit: string | null): string {
  const first = points[0]!;
  const last = points.at(-1)!;
  return `${first.yearLabel} ${countText(first.value)}${unit ?? ''} → ${last.yearLabel} ${countText(last.value)}${unit ?? ''}`;
}
