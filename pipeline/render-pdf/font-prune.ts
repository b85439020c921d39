import { concat, glyphs, i16, parseSfnt, u16, u32, writeSfnt, type Glyphs, type Sfnt } from './assemble/sfnt.ts';
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

/**
 * What pruning needs of a font, read once a process (a build prunes the same two fonts for every
 * print session): its glyphs, which glyph each character maps to, the variation sequences, the
 * glyphs no character maps to, and what each glyph can become through GSUB.
 */
interface PrunePlan {
  sfnt: Sfnt;
  glyphs: Glyphs;
  mapped: Map<number, number>;
  /** the glyphs of a base character's variation sequences */
  variants: Map<number, number[]>;
  /** .notdef and the glyphs no character or sequence maps to: kept whatever the text */
  unmapped: number[];
  substitutions: Substitutions;
}

const plans = new WeakMap<Uint8Array, PrunePlan | null>();

function planOf(font: Uint8Array): PrunePlan | null {
  let plan = plans.get(font);
  if (plan === undefined) {
    plan = readPlan(font);
    plans.set(font, plan);
  }
  return plan;
}

function readPlan(font: Uint8Array): PrunePlan | null {
  const sfnt = parseSfnt(font);
  if (!['head', 'loca', 'glyf', 'maxp'].every((tag) => sfnt.tables.has(tag))) return null; // not a TrueType font with outlines: served whole
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = findTable(view, 'cmap');
  const mapped = new Map<number, number>();
  // a variation sequence (者 U+8005 with a selector: the form of 者 U+FA5B) names its own glyph
  const variants = new Map<number, number[]>();
  if (cmap) {
    for (const at of cmapSubtables(view, cmap)) {
      if (view.getUint16(at) === 14) {
        for (const [base, , glyph] of variationSequences(view, at)) {
          const list = variants.get(base);
          if (list) list.push(glyph);
          else variants.set(base, [glyph]);
        }
      } else for (const [cp, glyph] of mappings(view, at)) if (!mapped.has(cp)) mapped.set(cp, glyph);
    }
  }
  const count = u16(sfnt.tables.get('maxp')!, 4);
  const reachable = new Uint8Array(count);
  for (const glyph of mapped.values()) if (glyph < count) reachable[glyph] = 1;
  for (const glyphs of variants.values()) for (const glyph of glyphs) if (glyph < count) reachable[glyph] = 1;
  const unmapped = [0];
  for (let id = 1; id < count; id++) if (!reachable[id]) unmapped.push(id);
  const gsub = sfnt.tables.get('GSUB');
  return { sfnt, glyphs: glyphs(sfnt), mapped, variants, unmapped, substitutions: gsub ? substitutionsOf(gsub) : { outputs: new Map(), ligatures: [] } };
}

/** `font` with the outlines of the glyphs `characters` (textCharacters) can come to, every other glyph empty (same id, same metrics). */
export function prunedFont(font: Uint8Array, characters: ReadonlySet<number>): Uint8Array {
  const plan = planOf(font);
  if (!plan) return font;
  const keep = kept(plan, characters);
  const { sfnt } = plan;
  const { count, glyf, start, end } = plan.glyphs;
  const outlines = Array.from({ length: count }, (_, id) => (keep.has(id) ? glyf.subarray(start[id]!, end[id]!) : new Uint8Array(0)));
  const offsets = new DataView(new ArrayBuffer(4 * (count + 1)));
  outlines.reduce((offset, glyph, id) => (offsets.setUint32(4 * id, offset), offset + glyph.length), 0);
  offsets.setUint32(4 * count, outlines.reduce((n, glyph) => n + glyph.length, 0));
  // long offsets, as the head now says
  const head = new Uint8Array(sfnt.tables.get('head')!);
  new DataView(head.buffer).setInt16(50, 1);
  return writeSfnt(sfnt.version, new Map([...sfnt.tables, ['glyf', concat(outlines)], ['loca', new Uint8Array(offsets.buffer)], ['head', head]]));
}

const outlines = new WeakMap<Uint8Array, Glyphs>();

/**
 * Whether the font draws glyph `id` (its outline is not empty): from its plan when it was pruned
 * from, else from its glyph offsets alone, read once a font (the glyph guard asks it of the fonts
 * as installed, which nothing prunes from).
 */
export function hasOutline(font: Uint8Array, id: number): boolean {
  let found = plans.get(font)?.glyphs ?? outlines.get(font);
  if (!found) {
    const sfnt = parseSfnt(font);
    if (!['head', 'loca', 'glyf', 'maxp'].every((tag) => sfnt.tables.has(tag))) throw new Error('the font has no TrueType outlines');
    outlines.set(font, (found = glyphs(sfnt)));
  }
  return id < found.count && found.end[id]! > found.start[id]!;
}

/** The glyphs `characters` (textCharacters) can come to: mapped characters, unmapped glyphs, their GSUB outputs and composite components, .notdef. */
export function keptGlyphs(font: Uint8Array, characters: ReadonlySet<number>): Set<number> {
  const plan = planOf(font);
  if (!plan) throw new Error('the font has no TrueType outlines to prune');
  return kept(plan, characters);
}

/**
 * The characters a text can be set with: its own, those of its composed and decomposed forms
 * (HarfBuzz sets か with U+3099 as が, and が as its parts where it must) and GENERATED. Made once
 * for a session's text and given to each of its fonts.
 */
export function textCharacters(text: string): Set<number> {
  // marked in a table of every code point, then listed: a set grown character by character takes 10 times as long over a session's megabytes
  const seen = new Uint8Array(0x110000);
  for (const chars of [text, text.normalize('NFC'), text.normalize('NFD'), GENERATED]) {
    for (let i = 0; i < chars.length; i++) {
      const unit = chars.charCodeAt(i);
      if (unit < 0xd800 || unit > 0xdbff) {
        seen[unit] = 1;
        continue;
      }
      // a high surrogate: with a low one after it, one character beyond U+FFFF; alone, itself
      const cp = chars.codePointAt(i)!;
      if (cp > 0xffff) i++;
      seen[cp] = 1;
    }
  }
  const found = new Set<number>();
  for (let cp = 0; cp < seen.length; cp++) if (seen[cp]) found.add(cp);
  return found;
}

function kept(plan: PrunePlan, characters: ReadonlySet<number>): Set<number> {
  const keep = new Set<number>(plan.unmapped);
  for (const cp of characters) {
    const glyph = plan.mapped.get(cp);
    if (glyph !== undefined) keep.add(glyph);
    // every variant of a character the text has: HarfBuzz, which cuts Chromium's subsets, keeps them all with the character
    for (const variant of plan.variants.get(cp) ?? []) keep.add(variant);
  }
  closeOverSubstitutions(plan.substitutions, keep);
  closeOverComponents(plan.glyphs, keep);
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

/**
 * What GSUB can make of each glyph: the outputs of single, multiple, alternate and reverse
 * chaining substitutions (through extensions), and the ligatures with their components.
 * Contextual lookups (5, 6) substitute only through the lookups they name, which are in the list too.
 */
interface Substitutions {
  outputs: Map<number, number[]>;
  ligatures: { components: number[]; ligature: number }[];
}

function substitutionsOf(t: Uint8Array): Substitutions {
  const outputs = new Map<number, number[]>();
  const ligatures: Substitutions['ligatures'] = [];
  const output = (glyph: number, out: number) => {
    const list = outputs.get(glyph);
    if (list) list.push(out);
    else outputs.set(glyph, [out]);
  };
  const arrayAt = (offset: number) => Array.from({ length: u16(t, offset) }, (_, k) => u16(t, offset + 2 + 2 * k));
  const lookupList = u16(t, 8);
  for (let l = 0, lookups = u16(t, lookupList); l < lookups; l++) {
    const lookup = lookupList + u16(t, lookupList + 2 + 2 * l);
    const lookupType = u16(t, lookup);
    for (let s = 0, n = u16(t, lookup + 4); s < n; s++) {
      let at = lookup + u16(t, lookup + 6 + 2 * s);
      let type = lookupType;
      // an extension holds a subtable of another type, 32 bits away
      if (type === 7) [type, at] = [u16(t, at + 2), at + u32(t, at + 4)];
      if (![1, 2, 3, 4, 8].includes(type)) continue;
      const format = u16(t, at);
      coverage(t, at + u16(t, at + 2)).forEach((glyph, index) => {
        if (type === 1 && format === 1) output(glyph, (glyph + i16(t, at + 4)) & 0xffff);
        else if (type === 1 && format === 2) output(glyph, u16(t, at + 6 + 2 * index));
        else if (type === 2 || type === 3) for (const g of arrayAt(at + u16(t, at + 6 + 2 * index))) output(glyph, g);
        else if (type === 4) {
          const set = at + u16(t, at + 6 + 2 * index);
          for (let k = 0, count = u16(t, set); k < count; k++) {
            const ligature = set + u16(t, set + 2 + 2 * k);
            const components = [glyph, ...Array.from({ length: u16(t, ligature + 2) - 1 }, (_, c) => u16(t, ligature + 4 + 2 * c))];
            ligatures.push({ components, ligature: u16(t, ligature) });
          }
        } else if (type === 8) {
          const backtrack = u16(t, at + 4);
          const lookahead = u16(t, at + 6 + 2 * backtrack);
          output(glyph, u16(t, at + 8 + 2 * backtrack + 2 * lookahead + 2 + 2 * index));
        }
      });
    }
  }
  return { outputs, ligatures };
}

/** Adds every glyph GSUB makes of kept glyphs (a ligature once all its components are kept), until none is new. */
function closeOverSubstitutions({ outputs, ligatures }: Substitutions, keep: Set<number>): void {
  const stack = [...keep];
  for (;;) {
    while (stack.length > 0) {
      for (const out of outputs.get(stack.pop()!) ?? []) {
        if (keep.has(out)) continue;
        keep.add(out);
        stack.push(out);
      }
    }
    for (const { components, ligature } of ligatures) if (!keep.has(ligature) && components.every((c) => keep.has(c))) (keep.add(ligature), stack.push(ligature));
    if (stack.length === 0) return;
  }
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
