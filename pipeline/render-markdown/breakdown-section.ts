import type { RootContent } from 'mdast';
import type { Breakdown } from '../../schemas/figures.ts';
import { countText, lineRange } from '../views/formats.ts';
import { heading, paragraph, strong, table, type Inline } from './mdast.ts';

/** Each breakdown as a table of its parts, the printed total last, then its source. */
export function breakdownSection(breakdowns: readonly Breakdown[]): RootContent[] {
  return breakdowns.flatMap((b) => {
    const valueHeader = b.unit ? `数値（${b.unit}）` : '数値';
    const rows: Inline[][] = b.items.map((item) => [item.label, countText(item.value)]);
    if (b.total) rows.push([strong(b.total.label), strong(countText(b.total.value))]);
    return [
      heading(3, `${b.label}（${b.items.length}区分）`),
      table([{ header: '区分' }, { header: valueHeader, align: 'right' }], rows),
      paragraph(`出典: スライド${b.slide}・${lineRange(b.at.line, b.at.endLine)}`),
    ];
  });
}
