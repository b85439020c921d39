import type { Series } from '../../../schemas/figures.ts';
import { compact } from '../normalize.ts';
import type { SlideSegment } from '../segment.ts';
import type { Span } from '../span.ts';

import { added, cell, groupBy, lineIndex, locateLines, range, span, type Claim } from './claim.ts';

/** The cell text of a value: as printed, with the series' unit where the slide set it on another line. */
function valueText(printed: string, unit: string | null): string {
  return unit && !printed.endsWith(unit) ? `${printed}${unit}` : printed;
}

/**
 * Series printed with the years across ("年度 21年度 22年度 …" over rows "隊員数 89人 257人 …"):
 * one table from the header line to the last value, the wrapped cells ("1,061\n団体") included.
 */
export function seriesTables(slide: SlideSegment, spanOf: Span, series: readonly Series[]): Claim[] {
  const index = lineIndex(slide);
  const claims: Claim[] = [];
  const across = series.filter((s) => new Set(s.points.map((p) => p.at.line)).size < s.points.length);
  const groups = groupBy(across, (s) => s.points.map((p) => p.yearLabel).join(' '));
  for (const group of groups) {
    const firstLine = Math.min(...group.map((s) => s.points[0]!.at.line));
    const header = headerLine(slide, firstLine, group[0]!.points.map((p) => p.yearLabel));
    if (header === null) continue;
    const headerText = slide.lines[header]!.text;
    const lead = headerText.slice(0, headerText.indexOf(group[0]!.points[0]!.yearLabel.slice(0, 1))).trim() || '年度';
    const lastLine = unitLinesAfter(slide, Math.max(...group.flatMap((s) => s.points.map((p) => p.at.endLine))), group.map((s) => s.unit));
    const headerAt = spanOf.locateLine(header);
    claims.push({
      lines: range(index, slide.lines[header]!.no, lastLine),
      block: {
        kind: 'table',
        role: 'series',
        header: [[cell(compact(lead), headerAt), ...group[0]!.points.map((p) => cell(p.yearLabel, headerAt))]],
        rows: group.map((s) => [cell(s.label, s.at), ...s.points.map((p) => cell(valueText(p.printed, s.unit), p.at))]),
        series: group.map((s) => s.id),
        copies: [],
        at: locateLines(spanOf, headerAt, span(group.flatMap((s) => s.points.map((p) => p.at)), spanOf)),
      },
    });
  }
  return claims;
}

/** The last value's unit may stand on a line of its own after it ("1,164" / "団体"). */
function unitLinesAfter(slide: SlideSegment, lastLine: number, units: (string | null)[]): number {
  let last = lastLine;
  for (let li = slide.lines.findIndex((l) => l.no === lastLine) + 1; li < slide.lines.length; li++) {
    const t = slide.lines[li]!.text.trim();
    if (t === '') continue;
    if (!units.includes(t)) break;
    last = slide.lines[li]!.no;
  }
  return last;
}

/** The line above `firstLine` that prints the years of the series. */
function headerLine(slide: SlideSegment, firstLine: number, yearLabels: string[]): number | null {
  const first = compact(yearLabels[0]!);
  const last = compact(yearLabels.at(-1)!);
  for (let li = slide.lines.findIndex((l) => l.no === firstLine); li >= 0; li--) {
    const t = compact(slide.lines[li]!.text);
    if (t.includes(first) && t.includes(last) && t.includes('年度')) return li;
  }
  return null;
}

/**
 * Series printed one year per row ("平成27年度 16,687 7,593 206") under column names: one table,
 * from the line naming the first column (up to the line with 年度) to the last row.
 */
export function yearRowTables(slide: SlideSegment, spanOf: Span, series: readonly Series[]): Claim[] {
  const index = lineIndex(slide);
  const down = series.filter((s) => new Set(s.points.map((p) => p.at.line)).size === s.points.length);
  const groups = groupBy(down, (s) => s.points.map((p) => `${p.yearLabel}@${p.at.line}`).join(' '));
  return groups.map((group) => {
    const rows = group[0]!.points.map((_, k) => group.map((s) => s.points[k]!));
    const firstRow = rows[0]![0]!.at.line;
    let top = index.get(firstRow)!;
    for (let li = top - 1; li >= 0 && li >= top - 12; li--) {
      const t = slide.lines[li]!.text.trim();
      if (t === '') continue;
      top = li;
      if (/年度/.test(t)) break;
    }
    const headerAt = locateLines(spanOf, spanOf.locateLine(top), spanOf.locateLine(index.get(firstRow)! - 1));
    const lastAt = rows.at(-1)!.at(-1)!.at;
    return {
      lines: range(index, slide.lines[top]!.no, lastAt.endLine),
      block: {
        kind: 'table',
        role: 'year-rows',
        header: [[added('年度'), ...group.map((s) => added(s.unit ? `${s.label}（${s.unit}）` : s.label))].map((c) => ({ ...c, at: headerAt }))],
        rows: rows.map((points, k) => [cell(group[0]!.points[k]!.yearLabel, group[0]!.points[k]!.at), ...points.map((p) => cell(p.printed, p.at))]),
        series: group.map((s) => s.id),
        copies: [],
        at: locateLines(spanOf, headerAt, lastAt),
      },
    } satisfies Claim;
  });
}
