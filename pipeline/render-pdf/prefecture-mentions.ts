import type { Briefing } from '../../schemas/briefing.ts';
import type { Block } from '../../schemas/content.ts';
import type { Place } from '../../schemas/figures.ts';
import { holds } from '../parse/content/block-text.ts';
import { slideAnchor } from '../views/program-view.ts';

/** One place in the briefing that concerns a prefecture: a list under its 【県名】 heading, or a mention in the text. */
export interface PrefectureMention {
  programNo: string | null;
  programName: string;
  /** the anchor of the slide in the pack ("prog-11-s27"), or of the program when the slide has none */
  anchor: string;
  slide: number;
  slideTitle: string;
  kind: Place['kind'];
  /** 松江市、邑南町 …; one list item naming several municipalities is joined by ・ */
  names: string[];
  /** what the slide says there: the sentence, the list item, the table row, or the list itself */
  quote: string;
  /** the numeric table row the mention is the label of (千葉県 19 2 17), if any */
  row: { label: string; cells: string[] } | null;
  /** the place is only a venue or an address ("都市センターホテル（東京都内）", "東京都中央区京橋…") */
  venue: boolean;
}

const NO_PROGRAM = '（施策の割当てなし）';
/** A place named as where something is held or located, not as a party concerned. */
const VENUE = /会場|所在地|住所|[（(](?:東京都|大阪府|.{2,3}[県府都])内[）)]|表彰式|開催地|アクセス|徒歩\d/u;

/**
 * Everything the briefing says about one prefecture or its municipalities, in slide order: each
 * 【県名】 list once with its items; each text (sentence, list item, table row) that names it once,
 * however many times it names it; venues and addresses marked as such.
 */
export function prefectureMentions(briefing: Briefing, prefecture: string): PrefectureMention[] {
  const places = briefing.places.filter((p) => p.prefecture === prefecture);
  const lists = groupBy(places.filter((p) => p.kind === 'list'), (p) => `${p.program}|${p.slide}`);
  const mentions = groupBy(places.filter((p) => p.kind === 'mention'), (p) => `${p.slide}|${quoteOf(briefing, p).text}`);
  const entries = [...[...lists.values()].map((group) => listEntry(briefing, group)), ...[...mentions.values()].map((group) => mentionEntry(briefing, group))];
  return entries.sort((a, b) => a.slide - b.slide || a.names.join().localeCompare(b.names.join()));
}

/** The text of the block item a place stands in: a list item, a field, a paragraph, a table row. */
function quoteOf(briefing: Briefing, place: Place): { text: string; row: { label: string; cells: string[] } | null } {
  const blocks = briefing.slides[place.slide - 1]?.blocks ?? [];
  const index = blocks.findIndex((b) => b.id === place.block);
  const block = blocks[index];
  if (!block) return { text: place.at.raw.replace(/\s+/g, ' '), row: null };
  // a place in a heading (＜島根県邑南町（H30モデル事業）＞) is quoted with the first item of what it heads
  const next = blocks[index + 1];
  if (block.kind === 'heading' && next && next.kind !== 'heading') return { text: `${block.text} ${textAt(next, () => false).text}`, row: null };
  return textAt(block, (at) => holds(at, place.at));
}

function textAt(block: Block, holds: (at: Place['at']) => boolean): { text: string; row: { label: string; cells: string[] } | null } {
  switch (block.kind) {
    case 'list': {
      const item = block.items.find((i) => holds(i.at)) ?? block.items[0]!;
      return { text: `${item.marker}${item.label ? `${item.label}：` : ''}${item.text}`, row: null };
    }
    case 'fields': {
      const f = block.fields.find((x) => holds(x.at)) ?? block.fields[0]!;
      return { text: `${f.label}：${f.text}`, row: null };
    }
    case 'other':
      return { text: (block.items.find((i) => holds(i.at)) ?? block.items[0]!).text, row: null };
    case 'table': {
      const row = block.rows.find((r) => r.some((c) => c.at && holds(c.at))) ?? block.rows[0]!;
      return { text: row.map((c) => c.text).join(' '), row: { label: row[0]!.text, cells: row.slice(1).map((c) => c.text) } };
    }
    case 'chart':
      return { text: block.items.map((i) => `${i.printed} ${i.label}`).join('、'), row: null };
    case 'note':
      return { text: `${block.marker}${block.text}`, row: null };
    default:
      return { text: block.text, row: null };
  }
}

function listEntry(briefing: Briefing, places: Place[]): PrefectureMention {
  const items = groupBy(places.filter((p) => p.municipality !== null), (p) => String(p.group));
  const names = [...items.values()].map((item) => item.map((p) => p.municipality).join('・'));
  return { ...where(briefing, places[0]!), kind: 'list', names, quote: `【${places[0]!.prefecture}】${names.join('、')}`, row: null, venue: false };
}

function mentionEntry(briefing: Briefing, places: Place[]): PrefectureMention {
  const first = places[0]!;
  const quote = quoteOf(briefing, first);
  const names = unique(places.map((p) => `${p.prefecture}${p.municipality ?? ''}`));
  return { ...where(briefing, first), kind: 'mention', names, quote: quote.text, row: quote.row, venue: VENUE.test(quote.text) };
}

function where(briefing: Briefing, place: Place) {
  const program = briefing.programs.find((p) => p.no === place.program);
  return {
    programNo: program?.no ?? null,
    programName: program?.name ?? NO_PROGRAM,
    anchor: program ? slideAnchor(program.order, place.slide) : '',
    slide: place.slide,
    slideTitle: briefing.slides.find((s) => s.index === place.slide)?.title ?? '',
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
