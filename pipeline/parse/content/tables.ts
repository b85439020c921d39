import type { Program } from '../../../schemas/briefing.ts';
import type { Block, TableCell } from '../../../schemas/content.ts';
import type { Breakdown, Place, Series, ShareGroup, TableRow } from '../../../schemas/figures.ts';
import type { Provenance } from '../../../schemas/provenance.ts';
import { compact } from '../normalize.ts';
import type { SlideSegment } from '../segment.ts';
import type { Span } from '../span.ts';

type Unplaced<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A block the figures of a slide already describe, and the lines of the slide it takes. */
export interface Claim {
  lines: Set<number>;
  block: Unplaced<Block>;
}

/** What the tables of a slide are rebuilt from: the figures extracted from it. */
export interface SlideFigures {
  series: readonly Series[];
  tableRows: readonly TableRow[];
  places: readonly Place[];
  shareGroups: readonly ShareGroup[];
  breakdowns: readonly Breakdown[];
  /** contact rows printed on this slide, when it is part of the contact list */
  contacts: readonly Pick<Program, 'no' | 'name' | 'departments' | 'at'>[];
}

/** Index of each source line in the slide's lines. */
export function lineIndex(slide: SlideSegment): Map<number, number> {
  return new Map(slide.lines.map((l, li) => [l.no, li]));
}

const cell = (text: string, at: Provenance | null): TableCell => ({ text, at });
const added = (text: string): TableCell => cell(text, null);

function range(index: Map<number, number>, from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (let n = from; n <= to; n++) {
    const li = index.get(n);
    if (li !== undefined) out.add(li);
  }
  return out;
}

function span(ats: readonly Provenance[], spanOf: Span): Provenance {
  const first = ats.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.column < a.column) ? b : a));
  const last = ats.reduce((a, b) => (b.endLine > a.endLine || (b.endLine === a.endLine && b.endColumn > a.endColumn) ? b : a));
  return locateLines(spanOf, first, last);
}

/** Provenance from the start of `first` to the end of `last`, raw text included. */
export function locateLines(spanOf: Span, first: Provenance, last: Provenance): Provenance {
  const lines = spanOf.lines;
  const a = lines.findIndex((l) => l.no === first.line);
  const b = lines.findIndex((l) => l.no === last.endLine);
  if (a < 0 || b < 0) return { ...first, endLine: last.endLine, endColumn: last.endColumn };
  const raw = a === b ? lines[a]!.raw.slice(first.column - 1, last.endColumn - 1) : [lines[a]!.raw.slice(first.column - 1), ...lines.slice(a + 1, b).map((l) => l.raw), lines[b]!.raw.slice(0, last.endColumn - 1)].join('\n');
  return { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn, raw, ...(first.page !== undefined ? { page: first.page } : {}) };
}

/** The cell text of a value: as printed, with the series' unit where the slide set it on another line. */
function valueText(printed: string, unit: string | null): string {
  return unit && !printed.endsWith(unit) ? `${printed}${unit}` : printed;
}

/**
 * Series printed with the years across ("年度 21年度 22年度 …" over rows "隊員数 89人 257人 …"):
 * one table from the header line to the last value, the wrapped cells ("1,061\n団体") included.
 */
function seriesTables(slide: SlideSegment, spanOf: Span, series: readonly Series[]): Claim[] {
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
function yearRowTables(slide: SlideSegment, spanOf: Span, series: readonly Series[]): Claim[] {
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

/** Rows of a label and numbers ("千葉県 19 2 17") that stand together: one table. */
function numericTables(slide: SlideSegment, spanOf: Span, rows: readonly TableRow[], taken: ReadonlySet<number>): Claim[] {
  const index = lineIndex(slide);
  const free = rows.filter((r) => !taken.has(index.get(r.at.line) ?? -1));
  const tables: TableRow[][] = [];
  for (const r of free) {
    const current = tables.at(-1);
    if (current && r.at.line - current.at(-1)!.at.endLine <= 3) current.push(r);
    else tables.push([r]);
  }
  return tables.map((t) => {
    const width = Math.max(...t.map((r) => r.cells.length));
    return {
      lines: new Set(t.flatMap((r) => [...range(index, r.at.line, r.at.endLine)])),
      block: {
        kind: 'table',
        role: 'numeric',
        header: [],
        rows: t.map((r) => [cell(r.label, r.at), ...r.cells.map((c) => cell(c.printed, c.at)), ...Array.from({ length: width - r.cells.length }, () => added(''))]),
        series: [],
        copies: [],
        at: span(t.map((r) => r.at), spanOf),
      },
    } satisfies Claim;
  });
}

/** Municipalities listed under 【県名】 headings: one row per prefecture, items as listed. */
function placeTable(slide: SlideSegment, spanOf: Span, places: readonly Place[]): Claim[] {
  const listed = places.filter((p) => p.kind === 'list');
  if (listed.length === 0 || !listed.some((p) => p.municipality)) return [];
  const index = lineIndex(slide);
  const byPrefecture = groupBy(listed, (p) => p.prefecture);
  const lines = new Set<number>();
  for (const p of listed) for (const li of range(index, p.at.line, p.at.endLine)) lines.add(li);
  const rows = byPrefecture
    .filter((ps) => ps.some((p) => p.municipality))
    .map((ps) => {
      const heading = ps.find((p) => !p.municipality) ?? ps[0]!;
      const items = groupBy(
        ps.filter((p) => p.municipality),
        (p) => String(p.group),
      ).map((g) => g.map((p) => p.municipality).join('・'));
      const members = ps.filter((p) => p.municipality);
      return [cell(heading.prefecture, heading.at), cell(items.join('、'), span(members.map((p) => p.at), spanOf))];
    });
  return [
    {
      lines,
      block: { kind: 'table', role: 'places', header: [[added('都道府県'), added('市町村')]], rows, series: [], copies: [], at: span(listed.map((p) => p.at), spanOf) },
    },
  ];
}

/** A funding picture (½ 国費 ¼ 特別交付税 ¼ 実質的な地方負担): its shares, and the lines of their labels. */
function shareCharts(slide: SlideSegment, groups: readonly ShareGroup[], spanOf: Span): Claim[] {
  const index = lineIndex(slide);
  return groups.map((g) => {
    const lines = new Set<number>();
    for (const s of g.shares) {
      const li = index.get(s.at.line);
      if (li === undefined) continue;
      lines.add(li);
      // a label the share took from the lines below its number ("1/8" / "実質的な" / "地方負担")
      let rest = compact(s.label);
      for (let k = li + 1; k < slide.lines.length && k <= li + 3 && rest; k++) {
        const t = compact(slide.lines[k]!.text);
        if (t === '') continue;
        if (!rest.includes(t) || compact(slide.lines[li]!.text).includes(t)) break;
        lines.add(k);
        rest = rest.replace(t, '');
      }
    }
    return {
      lines,
      block: { kind: 'chart', role: 'shares', items: g.shares.map((s) => ({ label: s.label, printed: s.printed, value: s.value, at: s.at })), at: span(g.shares.map((s) => s.at), spanOf) },
    } satisfies Claim;
  });
}

/** The contact list: 施策名 / 担当課室 / 担当者 / 電話番号, one row per department of each program. */
function contactTable(slide: SlideSegment, spanOf: Span, contacts: SlideFigures['contacts']): Claim[] {
  if (contacts.length === 0) return [];
  const lines = new Set<number>();
  slide.lines.forEach((l, li) => {
    if (!/担当者一覧/.test(compact(l.text))) lines.add(li);
  });
  const headerLi = slide.lines.findIndex((l) => /施策名.*担当課室/.test(compact(l.text)));
  const headerAt = headerLi >= 0 ? spanOf.locateLine(headerLi) : null;
  const rows = contacts.flatMap((p) =>
    p.departments.map((d, k) => [
      k === 0 ? cell(`${p.no}　${p.name}`, p.at) : added(''),
      cell(d.name, p.at),
      cell(d.people.join('、'), p.at),
      cell(d.phones.join('、'), p.at),
    ]),
  );
  return [
    {
      lines,
      block: {
        kind: 'table',
        role: 'contacts',
        header: [['施策名', '担当課室', '担当者', '電話番号'].map((t) => cell(t, headerAt))],
        rows,
        series: [],
        copies: [],
        at: span(contacts.map((p) => p.at), spanOf),
      },
    },
  ];
}

/** A breakdown printed as label–value pairs around a chart ("アメリカ合衆国, 3,042"): one table, its total last. */
function breakdownTables(slide: SlideSegment, spanOf: Span, breakdowns: readonly Breakdown[]): Claim[] {
  const index = lineIndex(slide);
  return breakdowns.map((b) => {
    const items = [...b.items, ...(b.total ? [b.total] : [])];
    const lines = new Set(items.flatMap((i) => [...range(index, i.at.line, i.at.endLine)]));
    return {
      lines,
      block: {
        kind: 'table',
        role: 'breakdown',
        header: [[added(b.label), added(b.unit ? `（単位：${b.unit}）` : '')]],
        rows: [...b.items.map((i) => [cell(i.label, i.at), cell(i.printed, i.at)]), ...(b.total ? [[added('総数'), cell(b.total.printed, b.total.at)]] : [])],
        series: [],
        copies: [],
        at: span(items.map((i) => i.at), spanOf),
      },
    } satisfies Claim;
  });
}

/** Every table and chart of a slide its figures describe, in no particular order. */
export function slideClaims(slide: SlideSegment, spanOf: Span, figures: SlideFigures): Claim[] {
  const claims = [...seriesTables(slide, spanOf, figures.series), ...yearRowTables(slide, spanOf, figures.series)];
  const taken = new Set(claims.flatMap((c) => [...c.lines]));
  const more = [
    ...breakdownTables(slide, spanOf, figures.breakdowns),
    ...numericTables(slide, spanOf, figures.tableRows, taken),
    ...placeTable(slide, spanOf, figures.places),
    ...shareCharts(slide, figures.shareGroups, spanOf),
    ...contactTable(slide, spanOf, figures.contacts),
  ];
  // a line belongs to one block: the first claim that takes it keeps it
  for (const c of more) {
    for (const li of [...c.lines]) if (taken.has(li)) c.lines.delete(li);
    for (const li of c.lines) taken.add(li);
  }
  return [...claims, ...more].filter((c) => c.lines.size > 0);
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return [...groups.values()];
}
