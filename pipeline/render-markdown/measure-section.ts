import type { RootContent } from 'mdast';
import type { FiscalMeasure } from '../../schemas/figures.ts';
import { formatYen } from '../units/number.ts';
import { amountWithYen, perUnitText, rateText, sourceRef } from '../views/formats.ts';
import { table, type Column } from './mdast.ts';

const COLUMNS: Column[] = [
  { header: '項目' },
  { header: '上限', align: 'right' },
  { header: '単位' },
  { header: '措置率', align: 'right' },
  { header: '種別' },
  { header: '内訳' },
  { header: '出典' },
];

/** Fiscal measures (財政措置) with their caps, one row each, in source order. */
export function measureTable(measures: readonly FiscalMeasure[]): RootContent[] {
  if (measures.length === 0) return [];
  return [
    table(
      COLUMNS,
      measures.map((m) => [
        m.item,
        capText(m),
        perUnitText(m.perUnit, m.perYear),
        rateText(m.rate, m.rateRaw),
        m.kind ?? '',
        m.components.map((c) => `${c.label} ${formatYen(c.amount.yen)}`).join(' + '),
        sourceRef(m.slide, m.at.line),
      ]),
    ),
  ];
}

/** 320万円（3,200,000円）、改定前 280万円: a raised cap keeps the cap it replaced. */
function capText(m: FiscalMeasure): string {
  if (!m.cap) return '';
  const previous = m.previous ? `、改定前 ${formatYen(m.previous.yen)}` : '';
  return `${amountWithYen(m.cap)}${previous}`;
}
