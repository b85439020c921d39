import type { Briefing, Program } from '../../schemas/briefing.ts';
import type { Amount, Budget, FiscalMeasure } from '../../schemas/figures.ts';
import type { FormattedNumber, Table, TableCell } from './table.ts';
import { rateFormat, yenDisplay } from './yen-format.ts';

export const FIGURES_SHEET = '予算・財政措置';
export const BUDGET = '予算';
export const MEASURE = '財政措置';

const COLUMNS = [
  'No.', '施策名', '区分', '項目', '種別', '年度', '金額', '約', '内数', '単位', '年間', '措置率',
  '変更前の上限', '内訳', '記載', '原文', 'スライド', '行', 'ID',
] as const;
type Column = (typeof COLUMNS)[number];

/** Every budget line and every capped fiscal measure, program by program, amounts in yen as numbers. */
export function figuresTable(briefing: Briefing): Table {
  const programs = new Map(briefing.programs.map((p) => [p.no, p]));
  const figures = [
    ...briefing.budgets.map((b) => ({ sortKey: sortKey(programs, b, 0), cells: budgetRow(b, programs.get(b.program ?? '')) })),
    ...briefing.measures.map((m) => ({ sortKey: sortKey(programs, m, 1), cells: measureRow(m, programs.get(m.program ?? '')) })),
  ].sort((a, b) => compareKeys(a.sortKey, b.sortKey));
  return {
    name: FIGURES_SHEET,
    landscape: true,
    freezeColumns: 2,
    columns: COLUMNS.map((header) => ({
      header,
      text: header === 'No.' || header === 'ID',
      maxWidth: header === '施策名' ? 24 : header === '項目' ? 36 : header === '原文' || header === '内訳' ? 30 : 20,
    })),
    rows: figures.map((f) => COLUMNS.map((c) => f.cells[c] ?? null)),
  };
}

type Row = Partial<Record<Column, TableCell>>;

function budgetRow(b: Budget, program: Program | undefined): Row {
  return {
    ...common(b, program),
    区分: BUDGET,
    項目: b.label,
    種別: b.kind,
    年度: b.fiscalYear === null ? null : { value: b.fiscalYear, numFmt: '0"年度"', shown: `${b.fiscalYear}年度` },
    金額: yen(b.amount),
    約: b.amount.approximate ? '約' : null,
    内数: b.partOf ? '内数' : null,
    記載: b.amount.printed,
  };
}

function measureRow(m: FiscalMeasure, program: Program | undefined): Row {
  return {
    ...common(m, program),
    区分: MEASURE,
    項目: m.item,
    種別: m.kind,
    金額: m.cap ? yen(m.cap) : null,
    約: m.cap?.approximate ? '約' : null,
    単位: m.perUnit ? perUnit(m.perUnit) : null,
    年間: m.perYear ? '年間' : null,
    措置率: m.rate === null ? null : { value: m.rate, numFmt: rateFormat(m.rate), shown: `${Math.round(m.rate * 1000) / 10}%` },
    変更前の上限: m.previous ? yen(m.previous) : null,
    内訳: m.components.map(component).join('\n') || null,
    記載: m.cap?.printed ?? null,
  };
}

function common(f: Budget | FiscalMeasure, program: Program | undefined): Row {
  return {
    'No.': f.program,
    施策名: program?.name ?? null,
    原文: f.at.raw,
    スライド: f.slide,
    行: f.at.line,
    ID: f.id,
  };
}

function yen(amount: Amount): FormattedNumber {
  return { value: amount.yen, ...yenDisplay(amount.yen, amount.unit) };
}

function perUnit(unit: string): string {
  return `1${unit}あたり`;
}

function component(c: FiscalMeasure['components'][number]): string {
  return `${c.label} ${c.amount.printed}${c.perUnit ? `（${perUnit(c.perUnit)}）` : ''}`;
}

/** Program order of the contact list, budgets before measures, then slide and line; figures of no program last. */
function sortKey(programs: Map<string, Program>, f: Budget | FiscalMeasure, group: number): number[] {
  const order = f.program === null ? Number.MAX_SAFE_INTEGER : (programs.get(f.program)?.order ?? Number.MAX_SAFE_INTEGER);
  return [order, group, f.slide, f.at.line, f.at.column];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
