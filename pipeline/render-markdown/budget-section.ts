import type { RootContent } from 'mdast';
import type { Budget } from '../../schemas/figures.ts';
import { formatYen } from '../units/number.ts';
import { fiscalYearText, sourceRef } from '../views/formats.ts';
import { table, type Column } from './mdast.ts';

export const PART_OF = '内数';

const COLUMNS: Column[] = [
  { header: '予算' },
  { header: '種別' },
  { header: '年度' },
  { header: '金額', align: 'right' },
  { header: '資料の表記', align: 'right' },
  { header: PART_OF },
  { header: '出典' },
];

/** Budget lines (予算額) as a table; exact yen stay in the front matter. */
export function budgetTable(budgets: readonly Budget[]): RootContent[] {
  if (budgets.length === 0) return [];
  return [
    table(
      COLUMNS,
      budgets.map((b) => [
        b.label,
        b.kind,
        fiscalYearText(b.fiscalYear),
        `${b.amount.approximate ? '約' : ''}${formatYen(b.amount.yen)}`,
        b.amount.printed,
        b.partOf ? PART_OF : '',
        sourceRef(b.slide, b.at.line),
      ]),
    ),
  ];
}

/** Budgets in one line: R6当初予算額 2.48億円、…6億円（内数）; the same 内数 line printed on two slides is one budget. */
export function budgetSummaries(budgets: readonly Budget[]): string {
  const summary = (b: Budget) => `${b.label} ${b.amount.approximate ? '約' : ''}${formatYen(b.amount.yen)}${b.partOf ? `（${PART_OF}）` : ''}`;
  return [...new Set(budgets.map(summary))].join('、');
}
