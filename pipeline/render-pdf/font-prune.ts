import { concat, glyphs, i16, parseSfnt, u16, u32, writeSfnt, type Sfnt } from './assemble/sfnt.ts';
import { cmapSubtables, findTable, mappings } from './font-cmap.ts';

/**
 * The fonts are 5 MB each, 17,000 glyphs, and Chromium reads a font whole in every tab that
 * loads it (half a second of a print's time each). A print uses a few thousand of its glyphs. The
 * font a print session serves keeps the outlines of every glyph the session's text can come to —
 * its characters through the cmap, whatever the layout features (GSUB) turn them into, the
 * glyphs no character maps to (alternates reached only through features), the components of
 * composites — and leaves every other glyph empty, at its id, with its metrics: the cmap, the
 * layout tables and the metrics are the font's own, so the text is set as with the whole font,
 * glyph for glyph, and a subset Chromium embeds holds the same glyphs.
 */

/** Characters a print may show that its HTML does not spell: counters, list markers, hyphens, ellipses, quotes. */
const GENERATED = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00a0•◦▪‐‑–—…“”‘’「」';

/** `font` with the outlines of the glyphs `text` can come to, every other glyph empty (same id, same metrics). */
export function prunedFont(font: Uint8Array, text: string): Uint8Array {
  const sfnt = parseSfnt(font);
  if (!['head', 'loca', 'glyf', 'maxp'].every((tag) => sfnt.tables.has(tag))) return font; // not a TrueType font with outlines: served whole
  const keep = kept(font, sfnt, text);
  const { count, glyf, start, end } = glyphs(sfnt);
  const outlines = Array.from({ length: count }, (_, id) => (keep.has(id) ? glyf.subarray(start[id]!, end[id]!) : new Uint8Array(0)));
  const offsets = new DataView(new ArrayBuffer(4 * (count + 1)));
  outlines.reduce((offset, glyph, id) => (offsets.setUint32(4 * id, offset), offset + glyph.length), 0);
  offsets.setUint32(4 * count, outlines.reduce((n, glyph) => n + glyph.length, 0));
  // long offsets, as the head now says
  const head = new Uint8Array(sfnt.tables.get('head')!);
  new DataView(head.buffer).setInt16(50, 1);
  return writeSfnt(sfnt.version, new Map([...sfnt.tables, ['glyf', concat(outlines)], ['loca', new Uint8Array(offsets.buffer)], ['head', head]]));
}

/** The glyphs the text can come to: mapped characters, unmapped glyphs, their GSUB outputs and composite components, .notdef. */
export function keptGlyphs(font: Uint8Array, text: string): Set<number> {
  return kept(font, parseSfnt(font), text);
}

function kept(font: Uint8Array, sfnt: Sfnt, text: string): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = findTable(view, 'cmap');
  const mapped = new Map<number, number>();
  // a variation sequence (者 U+8005 with a selector: the form of 者 U+FA5B) names its own glyph
  const variants: [base: number, selector: number, glyph: number][] = [];
  if (cmap) {
    for (const at of cmapSubtables(view, cmap)) {
      if (view.getUint16(at) === 14) variants.push(...variationSequences(view, at));
      else for (const [cp, glyph] of mappings(view, at)) if (!mapped.has(cp)) mapped.set(cp, glyph);
    }
  }
  const count = u16(sfnt.tables.get('maxp')!, 4);
  const reachable = new Set([...mapped.values(), ...variants.map(([, , glyph]) => glyph)]);
  const keep = new Set<number>([0]);
  for (let id = 0; id < count; id++) if (!reachable.has(id)) keep.add(id);
  const chars = new Set([...text, ...GENERATED].map((ch) => ch.codePointAt(0)!));
  for (const cp of chars) {
    const glyph = mapped.get(cp);
    if (glyph !== undefined) keep.add(glyph);
  }
  // every variant of a character the text has: HarfBuzz, which cuts Chromium's subsets, keeps them all with the character
  for (const [base, , glyph] of variants) if (chars.has(base)) keep.add(glyph);
  const gsub = sfnt.tables.get('GSUB');
  if (gsub) closeOverSubstitutions(gsub, keep);
  if (sfnt.tables.has('glyf') && sfnt.tables.has('loca')) closeOverComponents(glyphs(sfnt), keep);
  return keep;
}

/** The non-default variation sequences of a cmap format 14 subtable: base, selector, glyph (the default ones are the base's glyph). */
function variationSequences(view: DataView, at: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  const u24 = (p: number) => (view.getUint8(p) << 16) | view.getUint16(p + 1);
  for (let r = 0, n = view.getUint32(at + 6); r < n; r++) {
    const record = at + 10 + 11 * r;
    const selector = u24(record);
    const nonDefault = view.getUint32(record + 7);
    if (nonDefault === 0) continue;
    const table = at + nonDefault;
    for (let m = 0, count = view.getUint32(table); m < count; m++) out.push([u24(table + 4 + 5 * m), selector, view.getUint16(table + 7 + 5 * m)]);
  }
  return out;
}

/** Adds every glyph a GSUB lookup (single, multiple, alternate, ligature, reverse chaining; through extensions) makes of kept glyphs, until none is new. */
function closeOverSubstitutions(gsub: Uint8Array, keep: Set<number>): void {
  const lookupList = u16(gsub, 8);
  const lookups = u16(gsub, lookupList);
  const subtables: [type: number, at: number][] = [];
  for (let l = 0; l < lookups; l++) {
    const lookup = lookupList + u16(gsub, lookupList + 2 + 2 * l);
    const type = u16(gsub, lookup);
    for (let s = 0, n = u16(gsub, lookup + 4); s < n; s++) {
      const at = lookup + u16(gsub, lookup + 6 + 2 * s);
      // an extension holds a subtable of another type, 32 bits away
      subtables.push(type === 7 ? [u16(gsub, at + 2), at + u32(gsub, at + 4)] : [type, at]);
    }
  }
  for (let size = -1; size !== keep.size; ) {
    size = keep.size;
    for (const [type, at] of subtables) substitute(gsub, type, at, keep);
  }
}

function substitute(t: Uint8Array, type: number, at: number, keep: Set<number>): void {
  // contextual lookups (5, 6) substitute only through the lookups they name, which are in the list too
  if (![1, 2, 3, 4, 8].includes(type)) return;
  const format = u16(t, at);
  const covered = coverage(t, at + u16(t, at + 2));
  const arrayAt = (offset: number) => Array.from({ length: u16(t, offset) }, (_, k) => u16(t, offset + 2 + 2 * k));
  covered.forEach((glyph, index) => {
    if (!keep.has(glyph)) return;
    if (type === 1 && format === 1) keep.add((glyph + i16(t, at + 4)) & 0xffff);
    else if (type === 1 && format === 2) keep.add(u16(t, at + 6 + 2 * index));
    else if (type === 2 || type === 3) for (const g of arrayAt(at + u16(t, at + 6 + 2 * index))) keep.add(g);
    else if (type === 4) {
      const set = at + u16(t, at + 6 + 2 * index);
      for (let k = 0, n = u16(t, set); k < n; k++) {
        const ligature = set + u16(t, set + 2 + 2 * k);
        const components = Array.from({ length: u16(t, ligature + 2) - 1 }, (_, c) => u16(t, ligature + 4 + 2 * c));
        if (components.every((c) => keep.has(c))) keep.add(u16(t, ligature));
      }
    } else if (type === 8) {
      const backtrack = u16(t, at + 4);
      const lookahead = u16(t, at + 6 + 2 * backtrack);
      keep.add(u16(t, at + 8 + 2 * backtrack + 2 * lookahead + 2 + 2 * index));
    }
  });
}

/** The glyphs of a coverage table, in coverage-index order. */
function coverage(t: Uint8Array, at: number): number[] {
  const format = u16(t, at);
  if (format === 1) return Array.from({ length: u16(t, at + 2) }, (_, k) => u16(t, at + 4 + 2 * k));
  const glyphs: number[] = [];
  for (let r = 0, n = u16(t, at + 2); r < n; r++) for (let g = u16(t, at + 4 + 6 * r); g <= u16(t, at + 6 + 6 * r); g++) glyphs.push(g);
  return glyphs;
}

/** Adds the components of kept composite glyphs, and theirs. */
function closeOverComponents({ glyf, start, end }: { glyf: Uint8Array; start: Uint32Array; end: Uint32Array }, keep: Set<number>): void {
  const stack = [...keep];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (end[id]! - start[id]! < 10 || i16(glyf, start[id]!) >= 0) continue;
    for (let p = start[id]! + 10, more = true; more; ) {
      const flags = u16(glyf, p);
      const component = u16(glyf, p + 2);
      if (!keep.has(component)) {
        keep.add(component);
        stack.push(component);
      }
      p += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
      more = (flags & 0x0020) !== 0;
    }
  }
}
