import type { RootContent } from 'mdast';
import type { Series } from '../../schemas/figures.ts';
import { formatEraYear } from '../units/era.ts';
import { chartSource } from './file-names.ts';
import { countText, lineRange } from '../views/formats.ts';
import { image, paragraph, table, type Column } from './mdast.ts';

/** Series printed on one slide for the same years (隊員数 and 自治体数) share one table. */
export function seriesGroups(series: readonly Series[]): Series[][] {
  const groups = new Map<string, Series[]>();
  for (const s of series) {
    const key = `${s.slide}:${s.points.map((p) => p.fiscalYear).join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
}

/** The alt text of a chart: 隊員数の推移. */
export function chartAlt(s: Series): string {
  return `${s.label}の推移`;
}

/** A table per group of series (年度, 西暦, one column a series), then the chart of each series and its source. */
export function seriesSection(series: readonly Series[], stem: string): RootContent[] {
  return seriesGroups(series).flatMap((group) => {
    const columns: Column[] = [
      { header: '年度' },
      { header: '西暦', align: 'right' },
      ...group.map((s): Column => ({ header: s.unit ? `${s.label}（${s.unit}）` : s.label, align: 'right' })),
    ];
    const rows = group[0]!.points.map((p, i) => [
      formatEraYear(p.fiscalYear),
      String(p.fiscalYear),
      ...group.map((s) => countText(s.points[i]!.value)),
    ]);
    const charts = group.map((s) => paragraph(image(chartAlt(s), chartSource(stem, s.id), s.id)));
    const source = `出典: スライド${group[0]!.slide}・${group.map((s) => `${s.label} ${lineRange(s.at.line, s.at.endLine)}`).join('、')}`;
    return [table(columns, rows), ...charts, paragraph(source)];
  });
}
