/**
 * Chromium's PDF writer (Skia) gives each glyph of an embedded font the lowest code point that
 * maps to it as its text. Noto Sans JP maps rarely used code points to the glyphs of Japanese
 * text: the radicals ⼈ U+2F08 to 人, ‧ U+2027 to ・, ∕ U+2215 to ／, 〈 U+2329 to 〈. A PDF would
 * then read "⽬標" and "移住‧交流" — wrong for search, copy and screen readers. Unmapping those
 * aliases from the cmap, in place, leaves each shared glyph the code point Japanese text uses.
 */
export const JAPANESE_TEXT_RANGES: readonly (readonly [number, number])[] = [
  [0x3000, 0x30ff], // CJK symbols and punctuation, hiragana, katakana
  [0x3400, 0x4dbf], // CJK unified ideographs extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff00, 0xff9f], // full-width ASCII, half-width katakana
  [0xffe0, 0xffef], // full-width signs
  [0x20000, 0x3ffff], // CJK unified ideographs extensions B…
];

const isJapaneseText = (cp: number) => JAPANESE_TEXT_RANGES.some(([from, to]) => cp >= from && cp <= to);

interface TableRecord {
  record: number;
  offset: number;
  length: number;
}

/** A copy of a TrueType/OpenType font whose cmap has no alias of a Japanese-text glyph; all else byte for byte. */
export function withoutTextAliases(font: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(font);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = findTable(view, 'cmap');
  if (!cmap) throw new Error('the font has no cmap table');
  const subtables = cmapSubtables(view, cmap);
  const aliases = textAliases(subtables.flatMap((s) => mappings(view, s)));
  for (const at of subtables) {
    const format = view.getUint16(at);
    if (format === 4) unmapFormat4(view, at, aliases);
    else if (format === 12) unmapFormat12(view, at, aliases);
  }
  setTableChecksum(view, cmap);
  return bytes;
}

/** Code points outside Japanese text whose glyph a Japanese-text code point also maps to. */
export function textAliases(entries: readonly (readonly [codePoint: number, glyph: number])[]): Set<number> {
  const textGlyphs = new Set(entries.filter(([cp, glyph]) => glyph !== 0 && isJapaneseText(cp)).map(([, glyph]) => glyph));
  return new Set(entries.filter(([cp, glyph]) => !isJapaneseText(cp) && textGlyphs.has(glyph)).map(([cp]) => cp));
}

/** The code point → glyph pairs of one cmap subtable (formats 4 and 12; others have none to offer). */
export function mappings(view: DataView, at: number): [number, number][] {
  const out: [number, number][] = [];
  const format = view.getUint16(at);
  if (format === 12) {
    for (let g = 0, groups = view.getUint32(at + 12); g < groups; g++) {
      const group = at + 16 + 12 * g;
      const start = view.getUint32(group);
      for (let cp = start, end = view.getUint32(group + 4), glyph = view.getUint32(group + 8); cp <= end; cp++) out.push([cp, glyph + cp - start]);
    }
  } else if (format === 4) {
    forEachFormat4(view, at, (cp, glyph) => out.push([cp, glyph]));
  }
  return out;
}

export function findTable(view: DataView, tag: string): TableRecord | null {
  for (let i = 0, count = view.getUint16(4); i < count; i++) {
    const record = 12 + 16 * i;
    const name = String.fromCharCode(...[0, 1, 2, 3].map((k) => view.getUint8(record + k)));
    if (name === tag) return { record, offset: view.getUint32(record + 8), length: view.getUint32(record + 12) };
  }
  return null;
}

/** Offsets of the distinct subtables: (0,3) and (3,1) usually share one. */
export function cmapSubtables(view: DataView, cmap: TableRecord): number[] {
  const offsets = new Set<number>();
  for (let i = 0, n = view.getUint16(cmap.offset + 2); i < n; i++) offsets.add(cmap.offset + view.getUint32(cmap.offset + 8 + 8 * i));
  return [...offsets];
}

interface Format4 {
  segments: number;
  ends: number;
  starts: number;
  deltas: number;
  ranges: number;
}

function format4(view: DataView, at: number): Format4 {
  const segX2 = view.getUint16(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  return { segments: segX2 / 2, ends, starts, deltas, ranges: deltas + segX2 };
}

function forEachFormat4(view: DataView, at: number, visit: (cp: number, glyph: number, slot: number | null, segment: number) => void): void {
  const t = format4(view, at);
  for (let s = 0; s < t.segments; s++) {
    const start = view.getUint16(t.starts + 2 * s);
    const end = view.getUint16(t.ends + 2 * s);
    const delta = view.getUint16(t.deltas + 2 * s);
    const rangeOffset = view.getUint16(t.ranges + 2 * s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      if (rangeOffset === 0) {
        visit(cp, (cp + delta) & 0xffff, null, s);
        continue;
      }
      const slot = t.ranges + 2 * s + rangeOffset + 2 * (cp - start);
      const id = view.getUint16(slot);
      visit(cp, id === 0 ? 0 : (id + delta) & 0xffff, slot, s);
    }
  }
}

/**
 * A run of code points mapped to consecutive glyphs, without its aliases: trimmed at either end,
 * or null when all of it is aliases. An alias inside the run cannot be removed in place.
 */
export function trimRun(start: number, end: number, aliases: ReadonlySet<number>): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from <= to && aliases.has(from)) from++;
  while (to >= from && aliases.has(to)) to--;
  if (from > to) return null;
  for (let cp = from; cp <= to; cp++) {
    if (aliases.has(cp)) throw new Error(`cmap: U+${hex(cp)} lies inside the run U+${hex(start)}–U+${hex(end)}; it cannot be unmapped in place`);
  }
  return { start: from, end: to };
}

/**
 * Format 4: an alias read through the glyph id array gets id 0; a delta segment is trimmed of its
 * aliases, or, all aliases, shrinks to its last code point mapped to .notdef (end codes keep their order).
 */
function unmapFormat4(view: DataView, at: number, aliases: ReadonlySet<number>): void {
  const t = format4(view, at);
  const deltaSegments = new Set<number>();
  forEachFormat4(view, at, (cp, _glyph, slot, segment) => {
    if (!aliases.has(cp)) return;
    if (slot === null) deltaSegments.add(segment);
    else view.setUint16(slot, 0);
  });
  for (const s of deltaSegments) {
    const end = view.getUint16(t.ends + 2 * s);
    const kept = trimRun(view.getUint16(t.starts + 2 * s), end, aliases);
    if (kept) {
      view.setUint16(t.starts + 2 * s, kept.start);
      view.setUint16(t.ends + 2 * s, kept.end);
    } else {
      view.setUint16(t.starts + 2 * s, end);
      view.setUint16(t.deltas + 2 * s, (0x10000 - end) & 0xffff); // end + delta ≡ 0: .notdef
    }
  }
}

/** Format 12: a group is trimmed of its aliases, or, all aliases, shrinks to its first code point mapped to .notdef. */
function unmapFormat12(view: DataView, at: number, aliases: ReadonlySet<number>): void {
  for (let g = 0, groups = view.getUint32(at + 12); g < groups; g++) {
    const group = at + 16 + 12 * g;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const glyph = view.getUint32(group + 8);
    const kept = trimRun(start, end, aliases);
    if (kept && kept.start === start && kept.end === end) continue;
    view.setUint32(group, kept?.start ?? start);
    view.setUint32(group + 4, kept?.end ?? start);
    view.setUint32(group + 8, kept ? glyph + kept.start - start : 0);
  }
}

/** The table checksum (sum of big-endian uint32 words) in the table directory, as a font validator expects it. */
function setTableChecksum(view: DataView, table: TableRecord): void {
  let sum = 0;
  for (let i = 0; i < table.length; i += 4) {
    let word = 0;
    for (let k = 0; k < 4; k++) word = (word << 8) | (i + k < table.length ? view.getUint8(table.offset + i + k) : 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  view.setUint32(table.record + 4, sum);
}

function hex(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}
