import { AssemblyError } from './pdf-objects.ts';
import { concat, glyphs, i16, parseSfnt, table, u16, u32, writeSfnt, type Glyphs, type Sfnt } from './sfnt.ts';

/**
 * Chromium (Skia) embeds a subset of each font a print uses, cut by HarfBuzz with the glyph ids
 * retained: glyph N of a subset is glyph N of the font, and the glyphs a print does not use are
 * empty. Two prints of the same font thus hold the same glyphs at the same ids, each only its
 * own, and a content stream's codes (CIDs, CIDToGIDMap /Identity) are those ids. The union of such
 * subsets is one font that draws every code of every print as its own subset did.
 */

/** The tables a union keeps: those of a HarfBuzz subset of a TrueType font. Any other is refused, not dropped unseen. */
const KEPT = new Set(['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'OS/2', 'name', 'post', 'cmap', 'GSUB', 'GPOS', 'GDEF', 'BASE', 'STAT', 'gasp', 'prep', 'fpgm', 'cvt ', 'vhea', 'vmtx']);

/** Each glyph's advance and side bearing from hmtx (hhea) or vmtx (vhea): [advance, bearing] at 2·id. */
function metrics(font: Sfnt, header: string, body: string, count: number): Int32Array | null {
  if (!font.tables.has(header) && !font.tables.has(body)) return null;
  const long = u16(table(font, header), 34);
  const data = table(font, body);
  if (long === 0 || data.length < 4 * long + 2 * Math.max(0, count - long)) throw new AssemblyError(`an embedded font's ${body} table is short`);
  const out = new Int32Array(2 * count);
  for (let i = 0; i < count; i++) {
    out[2 * i] = u16(data, 4 * Math.min(i, long - 1));
    out[2 * i + 1] = i < long ? i16(data, 4 * i + 2) : i16(data, 4 * long + 2 * (i - long));
  }
  return out;
}

/** The same glyph: the same bytes, but for the zeros a subset pads a glyph with (to an even offset, or not). */
function same(a: Glyphs, b: Glyphs, id: number): boolean {
  const [x, y] = [a.end[id]! - a.start[id]!, b.end[id]! - b.start[id]!];
  const [short, long] = x <= y ? [a, b] : [b, a];
  const [n, m] = [Math.min(x, y), Math.max(x, y)];
  if (m - n >= 4) return false;
  for (let i = 0; i < n; i++) if (short.glyf[short.start[id]! + i] !== long.glyf[long.start[id]! + i]) return false;
  for (let i = n; i < m; i++) if (long.glyf[long.start[id]! + i] !== 0) return false;
  return true;
}

const sameMetrics = (a: Int32Array | null, b: Int32Array | null, id: number) => !a || !b || (a[2 * id] === b[2 * id] && a[2 * id + 1] === b[2 * id + 1]);

/** The glyph ids a subset holds: an outline, or (a space) an advance. */
export function heldGlyphs(font: Uint8Array): number[] {
  const parsed = parseSfnt(font);
  const g = glyphs(parsed);
  const advances = metrics(parsed, 'hhea', 'hmtx', g.count);
  const held: number[] = [];
  for (let id = 0; id < g.count; id++) if (g.end[id]! > g.start[id]! || (advances && advances[2 * id]! > 0)) held.push(id);
  return held;
}

/**
 * The union of subsets of one TrueType font whose glyph ids were retained: each glyph from the
 * subsets that hold it (which must hold it alike), its metrics with it; glyph count, bounds and
 * maxima over all; the other tables (cmap, layout, names) from the first, where every glyph they
 * name is. Refused (AssemblyError) when the subsets disagree on a glyph or its metrics, or carry
 * a table the union does not know.
 */
export function sfntUnion(fonts: readonly Uint8Array[]): Uint8Array {
  if (fonts.length === 0) throw new AssemblyError('no font to join');
  const parsed = fonts.map(parseSfnt);
  for (const font of parsed) for (const tag of font.tables.keys()) if (!KEPT.has(tag)) throw new AssemblyError(`an embedded font has a ${tag} table, which a union of subsets does not join`);
  const outlines = parsed.map(glyphs);
  const count = Math.max(...outlines.map((g) => g.count));
  const horizontal = parsed.map((f, i) => metrics(f, 'hhea', 'hmtx', outlines[i]!.count));
  const vertical = parsed.map((f, i) => metrics(f, 'vhea', 'vmtx', outlines[i]!.count));
  if (horizontal.some((m) => m === null)) throw new AssemblyError('an embedded font has no horizontal metrics');
  if (vertical.some((m) => m === null) && !vertical.every((m) => m === null)) throw new AssemblyError('the subsets differ in having vertical metrics');

  // which subset each glyph comes from (-1: none holds it): its outline, else (a space) an advance
  const from = new Int32Array(count).fill(-1);
  for (let id = 0; id < count; id++) {
    for (let i = 0; i < parsed.length; i++) {
      const g = outlines[i]!;
      if (id >= g.count || (g.end[id] === g.start[id] && horizontal[i]![2 * id] === 0)) continue;
      const first = from[id]!;
      if (first === -1) from[id] = i;
      else if (!same(outlines[first]!, g, id) || !sameMetrics(horizontal[first]!, horizontal[i]!, id) || !sameMetrics(vertical[first]!, vertical[i]!, id)) throw new AssemblyError(`glyph ${id} differs between two subsets of one font`);
    }
  }
  const glyf: Uint8Array[] = [];
  const hmtx: [number, number][] = [];
  const vmtx: [number, number][] = [];
  for (let id = 0; id < count; id++) {
    const i = from[id]!;
    const g = outlines[i] ?? null;
    glyf.push(g ? g.glyf.subarray(g.start[id]!, g.end[id]!) : new Uint8Array(0));
    hmtx.push(g ? [horizontal[i]![2 * id]!, horizontal[i]![2 * id + 1]!] : [0, 0]);
    if (vertical[0]) vmtx.push(g ? [vertical[i]![2 * id]!, vertical[i]![2 * id + 1]!] : [0, 0]);
  }

  const base = parsed[0]!;
  const out = new Map(base.tables);
  // glyf with long offsets, each glyph on an even offset as TrueType wants
  const padded = glyf.map((g) => (g.length % 2 === 0 ? g : concat([g, new Uint8Array(1)])));
  const loca = new DataView(new ArrayBuffer(4 * (count + 1)));
  let offset = 0;
  padded.forEach((g, i) => {
    loca.setUint32(4 * i, offset);
    offset += g.length;
  });
  loca.setUint32(4 * count, offset);
  out.set('glyf', concat(padded));
  out.set('loca', new Uint8Array(loca.buffer));
  out.set('hmtx', metricsTable(hmtx));
  if (vertical[0]) out.set('vmtx', metricsTable(vmtx));

  const head = copy(table(base, 'head'));
  const headView = view(head);
  headView.setInt16(36, Math.min(...parsed.map((f) => i16(table(f, 'head'), 36))));
  headView.setInt16(38, Math.min(...parsed.map((f) => i16(table(f, 'head'), 38))));
  headView.setInt16(40, Math.max(...parsed.map((f) => i16(table(f, 'head'), 40))));
  headView.setInt16(42, Math.max(...parsed.map((f) => i16(table(f, 'head'), 42))));
  headView.setInt16(50, 1);
  out.set('head', head);

  const maxp = copy(table(base, 'maxp'));
  view(maxp).setUint16(4, count);
  // version 1.0: the maxima of the glyphs (points, contours, components …), over all subsets
  if (u32(maxp, 0) === 0x00010000) for (let at = 6; at + 2 <= Math.min(32, maxp.length); at += 2) view(maxp).setUint16(at, Math.max(...parsed.map((f) => u16(table(f, 'maxp'), at))));
  out.set('maxp', maxp);

  out.set('hhea', lineHeader(parsed, 'hhea', count, hmtx));
  if (vertical[0]) out.set('vhea', lineHeader(parsed, 'vhea', count, vmtx));

  // glyph names (post 2.0) are per glyph count: the union names none (3.0), as a CID font needs none
  const post = table(base, 'post');
  if (u32(post, 0) !== 0x00030000) {
    const header = copy(post.subarray(0, 32));
    view(header).setUint32(0, 0x00030000);
    out.set('post', header);
  }
  return writeSfnt(base.version, out);
}

function lineHeader(fonts: readonly Sfnt[], tag: 'hhea' | 'vhea', count: number, metrics: readonly [number, number][]): Uint8Array {
  const header = copy(table(fonts[0]!, tag));
  const v = view(header);
  v.setUint16(10, Math.max(...metrics.map(([advance]) => advance)));
  v.setInt16(12, Math.min(...fonts.map((f) => i16(table(f, tag), 12))));
  v.setInt16(14, Math.min(...fonts.map((f) => i16(table(f, tag), 14))));
  v.setInt16(16, Math.max(...fonts.map((f) => i16(table(f, tag), 16))));
  v.setUint16(34, count);
  return header;
}

function metricsTable(metrics: readonly [number, number][]): Uint8Array {
  const v = new DataView(new ArrayBuffer(4 * metrics.length));
  metrics.forEach(([advance, bearing], i) => {
    v.setUint16(4 * i, advance);
    v.setInt16(4 * i + 2, bearing);
  });
  return new Uint8Array(v.buffer);
}

const copy = (data: Uint8Array) => new Uint8Array(data);
const view = (data: Uint8Array) => new DataView(data.buffer, data.byteOffset, data.byteLength);
