import type { Breakdown, Place, ShareGroup, TableRow } from '../../../schemas/figures.ts';
import { compact } from '../normalize.ts';
import type { SlideSegment } from '../segment.ts';
import type { Span } from '../span.ts';

import { added, cell, groupBy, lineIndex, range, span, type Claim, type SlideFigures } from './claim.ts';
import { seriesTables, yearRowTables } from './series-tables.ts';

export { groupBy, lineIndex, locateLines, type Claim, type SlideFigures } from './claim.ts';

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
