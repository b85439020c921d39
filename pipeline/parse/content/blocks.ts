import type { ListItem } from '../../../schemas/content.ts';
import type { Provenance } from '../../../schemas/provenance.ts';
import { compact } from '../normalize.ts';
import type { Span } from '../span.ts';
import { locateLines, type Claim } from './tables.ts';
import type { Unit } from './units.ts';

type Unplaced = Claim['block'];

/** "実施主体：地方公共団体": a short key, a colon, a value (the key holds no clause of its own). */
const KEY_VALUE = /^([^：:、。（）()「」]{1,12}?)\s*[：:]\s*(\S[\s\S]*)$/u;
/** Text this long, or holding a full stop, is running text; anything shorter is a label. */
const PARAGRAPH_MIN = 24;

/** Span offsets of the start of each line of the slide. */
export function lineOffsets(spanOf: Span): number[] {
  const offsets: number[] = [];
  let o = 0;
  for (const l of spanOf.lines) {
    offsets.push(o);
    o += l.text.length + 1;
  }
  return offsets;
}

function unitAt(unit: Unit, spanOf: Span, offsets: readonly number[]): Provenance {
  const first = unit.pieces[0]!;
  const last = unit.pieces.at(-1)!;
  return spanOf.locate(offsets[first.li]! + first.start, offsets[last.li]! + last.end);
}

function keyValue(text: string): { label: string; text: string } | null {
  const m = KEY_VALUE.exec(text);
  if (!m || /\d{3}/.test(m[1]!) || /^https?$/i.test(m[1]!.trim())) return null;
  return { label: m[1]!.trim(), text: m[2]!.trim() };
}

/**
 * Units in blocks: items in lists (nested by marker family), notes, headings, running text in
 * paragraphs, key–value lines in fields, and the short rest (labels of diagrams) in one block of
 * its own per run — then the tables and charts, each where its first line stands.
 */
export function unitBlocks(units: readonly Unit[], claims: readonly Claim[], spanOf: Span, titleLi = -1): Unplaced[] {
  const offsets = lineOffsets(spanOf);
  const placed: { li: number; block: Unplaced }[] = [];
  let list: ListItem[] | null = null;
  let other: { text: string; at: Provenance }[] | null = null;
  let fields: { label: string; text: string; at: Provenance }[] | null = null;
  let firstLi = 0;
  const flush = () => {
    if (list) placed.push({ li: firstLi, block: { kind: 'list', items: withLevels(list), at: spanOfItems(list, spanOf) } });
    if (other) placed.push({ li: firstLi, block: { kind: 'other', items: other, at: spanOfItems(other, spanOf) } });
    if (fields) placed.push({ li: firstLi, block: { kind: 'fields', fields, at: spanOfItems(fields, spanOf) } });
    list = null;
    other = null;
    fields = null;
  };
  const claimStarts = claims.map((c) => Math.min(...c.lines));
  let lastLi = -1;
  for (const unit of units) {
    const at = unitAt(unit, spanOf, offsets);
    const li = unit.pieces[0]!.li;
    const kind = blockKind(unit);
    // a table between two items ends the list (and the run of labels) before it
    if (claimStarts.some((c) => c > lastLi && c < li)) flush();
    lastLi = unit.pieces.at(-1)!.li;
    if ((kind === 'list' && !list) || (kind === 'other' && !other) || (kind === 'fields' && !fields) || !['list', 'other', 'fields'].includes(kind)) {
      flush();
      firstLi = li;
    }
    if (kind === 'list') {
      (list ??= []).push(listItem(unit, at));
    } else if (kind === 'other') {
      (other ??= []).push({ text: unit.text, at });
    } else if (kind === 'fields') {
      (fields ??= []).push({ ...keyValue(unit.text)!, at });
    } else if (kind === 'heading') {
      placed.push({ li, block: { kind: 'heading', text: unit.text.trim(), at } });
    } else if (kind === 'note') {
      placed.push({ li, block: { kind: 'note', marker: unit.marker!.text, text: unit.text.trim(), at } });
    } else {
      placed.push({ li, block: { kind: 'paragraph', text: unit.text.trim(), at } });
    }
  }
  flush();
  for (const c of claims) placed.push({ li: Math.min(...c.lines), block: c.block });
  // a stable order: by first line, and on one line by the column the block starts at; what the
  // title's line holds besides the title comes right after the title, wherever the line stands
  return placed
    .map((p) => (p.li === titleLi ? { ...p, li: -1 } : p))
    .map((p, k) => ({ ...p, k }))
    .sort((a, b) => a.li - b.li || a.block.at.column - b.block.at.column || a.k - b.k)
    .map((p) => p.block);
}

function blockKind(unit: Unit): 'list' | 'other' | 'fields' | 'heading' | 'note' | 'paragraph' {
  if (unit.kind === 'heading') return 'heading';
  if (unit.kind === 'note') return 'note';
  if (unit.kind === 'item') return 'list';
  if (unit.kind === 'vertical') return 'other';
  if (keyValue(unit.text) && compact(unit.text).length <= 80) return 'fields';
  return compact(unit.text).length >= PARAGRAPH_MIN || /。/.test(unit.text) ? 'paragraph' : 'other';
}

/**
 * How deep a marker sits in the outlines of Japanese administrative documents: squares and
 * diamonds head sections, circles mark points, numbers enumerate, dots list details, arrows
 * draw consequences.
 */
const MARKER_RANK: Record<string, number> = { '■': 1, '□': 1, '◆': 1, '◇': 1, '◼': 1, '❖': 1, '★': 1, '☆': 1, '●': 2, '○': 2, '◎': 2, '✓': 2, '✔': 2, '➢': 2, '➤': 2, '▶': 2, '►': 2, '▷': 2, '▸': 2, 'roman': 1, 'enclosed-dark': 2, 'number-dot': 2, 'paren-number': 3, 'enclosed': 3, '・': 4, '▪': 4, '▫': 4, '◦': 4, '⇒': 5, '→': 5 };

function rankOf(family: string): number {
  return MARKER_RANK[family] ?? 4;
}

function listItem(unit: Unit, at: Provenance): ListItem {
  const kv = keyValue(unit.text);
  return { marker: unit.marker!.text, level: rankOf(unit.marker!.family), label: kv?.label ?? null, text: (kv?.text ?? unit.text).trim(), at };
}

/** Levels as an outline: an item nests under the nearest item before it of a higher rank. */
function withLevels(items: ListItem[]): ListItem[] {
  const open: number[] = [];
  return items.map((i) => {
    const rank = i.level;
    while (open.length > 0 && open.at(-1)! >= rank) open.pop();
    open.push(rank);
    return { ...i, level: Math.min(open.length, 4) };
  });
}

function spanOfItems(items: readonly { at: Provenance }[], spanOf: Span): Provenance {
  return locateLines(spanOf, items[0]!.at, items.at(-1)!.at);
}
