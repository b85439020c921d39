import type { Briefing } from '../../schemas/briefing.ts';
import type { Place, TableRow } from '../../schemas/figures.ts';

/** One place in the briefing that concerns a prefecture: a list under its 【県名】 heading, or a mention in the text. */
export interface PrefectureMention {
  programNo: string | null;
  programName: string;
  slide: number;
  slideTitle: string;
  kind: Place['kind'];
  /** 松江市、邑南町 …; one list item naming several municipalities is joined by ・ */
  names: string[];
  /** lines of the source the places stand on */
  lines: number[];
  /** the numeric table row the mention is the label of (千葉県 19 2 17), if any */
  row: { label: string; cells: string[] } | null;
}

const NO_PROGRAM = '（施策の割当てなし）';

/**
 * Everything the briefing says about one prefecture or its municipalities, in slide order: each
 * 【県名】 list once with its items, each mention in the running text once per line, with the table
 * row it labels.
 */
export function prefectureMentions(briefing: Briefing, prefecture: string): PrefectureMention[] {
  const places = briefing.places.filter((p) => p.prefecture === prefecture);
  const lists = groupBy(places.filter((p) => p.kind === 'list'), (p) => `${p.program}|${p.slide}`);
  const mentions = groupBy(places.filter((p) => p.kind === 'mention'), (p) => `${p.program}|${p.slide}|${p.at.line}`);
  const entries = [
    ...[...lists.values()].map((group) => listEntry(briefing, group)),
    ...[...mentions.values()].map((group) => mentionEntry(briefing, group)),
  ];
  return entries.sort((a, b) => a.slide - b.slide || a.lines[0]! - b.lines[0]!);
}

function listEntry(briefing: Briefing, places: Place[]): PrefectureMention {
  const items = groupBy(places.filter((p) => p.municipality !== null), (p) => String(p.group));
  return {
    ...where(briefing, places[0]!),
    kind: 'list',
    names: [...items.values()].map((item) => item.map((p) => p.municipality).join('・')),
    lines: unique(places.map((p) => p.at.line)),
    row: null,
  };
}

function mentionEntry(briefing: Briefing, places: Place[]): PrefectureMention {
  const first = places[0]!;
  const row = briefing.tableRows.find((r) => r.slide === first.slide && r.at.line <= first.at.line && first.at.line <= r.at.endLine);
  return {
    ...where(briefing, first),
    kind: 'mention',
    names: unique(places.map((p) => `${p.prefecture}${p.municipality ?? ''}`)),
    lines: unique(places.map((p) => p.at.line)),
    row: row ? rowView(row) : null,
  };
}

function where(briefing: Briefing, place: Place) {
  const program = briefing.programs.find((p) => p.no === place.program);
  return {
    programNo: program?.no ?? null,
    programName: program?.name ?? NO_PROGRAM,
    slide: place.slide,
    slideTitle: briefing.slides.find((s) => s.index === place.slide)?.title ?? '',
  };
}

function rowView(row: TableRow): { label: string; cells: string[] } {
  return { label: row.label, cells: row.cells.map((c) => c.printed) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
