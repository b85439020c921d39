import { AssemblyError } from './pdf-objects.ts';

/** A TrueType (sfnt) font's tables, read and written: what a union of subsets and a pruned font are made of. */

export interface Sfnt {
  version: number;
  tables: Map<string, Uint8Array>;
}

export function parseSfnt(font: Uint8Array): Sfnt {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.length < 12) throw new AssemblyError('an embedded font is shorter than its header');
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new AssemblyError('an embedded font is not TrueType');
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    if (at + 16 > font.length) throw new AssemblyError('an embedded font has a truncated table directory');
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > font.length) throw new AssemblyError(`the ${tag} table of an embedded font runs past its end`);
    tables.set(tag, font.subarray(offset, offset + length));
  }
  return { version, tables };
}

export const u16 = (t: Uint8Array, at: number) => (t[at]! << 8) | t[at + 1]!;
export const i16 = (t: Uint8Array, at: number) => (u16(t, at) << 16) >> 16;
export const u32 = (t: Uint8Array, at: number) => ((t[at]! << 24) | (t[at + 1]! << 16) | (t[at + 2]! << 8) | t[at + 3]!) >>> 0;

export function table(font: Sfnt, tag: string): Uint8Array {
  const found = font.tables.get(tag);
  if (!found) throw new AssemblyError(`an embedded font has no ${tag} table`);
  return found;
}

/** Where each glyph's bytes are in the glyf table, by id. */
export interface Glyphs {
  count: number;
  glyf: Uint8Array;
  start: Uint32Array;
  end: Uint32Array;
}

export function glyphs(font: Sfnt): Glyphs {
  const count = u16(table(font, 'maxp'), 4);
  const long = i16(table(font, 'head'), 50) === 1;
  const loca = table(font, 'loca');
  const glyf = table(font, 'glyf');
  if (loca.length < (long ? 4 : 2) * (count + 1)) throw new AssemblyError('an embedded font has a short loca table');
  const at = (i: number) => (long ? u32(loca, 4 * i) : 2 * u16(loca, 2 * i));
  const start = new Uint32Array(count);
  const end = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    start[i] = at(i);
    end[i] = at(i + 1);
    if (end[i]! < start[i]! || end[i]! > glyf.length) throw new AssemblyError(`glyph ${i} of an embedded font lies outside its glyf table`);
  }
  return { count, glyf, start, end };
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum = (sum + (((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))) >>> 0;
  return sum;
}

/** An sfnt file: the tables in tag order, each on a 4-byte boundary with its checksum; head's checkSumAdjustment last. */
export function writeSfnt(version: number, given: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tables = new Map(given);
  const givenHead = given.get('head');
  if (givenHead) {
    // checksums are taken with checkSumAdjustment 0
    const head = new Uint8Array(givenHead);
    view(head).setUint32(8, 0);
    tables.set('head', head);
  }
  const tags = [...tables.keys()].sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  const header = view(new Uint8Array(12 + 16 * tags.length));
  header.setUint32(0, version);
  header.setUint16(4, tags.length);
  header.setUint16(6, power * 16);
  header.setUint16(8, Math.log2(power));
  header.setUint16(10, tags.length * 16 - power * 16);
  const parts: Uint8Array[] = [new Uint8Array(header.buffer)];
  let offset = header.byteLength;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) header.setUint8(at + k, tag.charCodeAt(k));
    header.setUint32(at + 4, checksum(data));
    header.setUint32(at + 8, offset);
    header.setUint32(at + 12, data.length);
    const pad = (4 - (data.length % 4)) % 4;
    parts.push(data, new Uint8Array(pad));
    offset += data.length + pad;
  });
  const font = concat(parts);
  const head = tags.indexOf('head');
  if (head >= 0) view(font).setUint32(header.getUint32(12 + 16 * head + 8) + 8, (0xb1b0afba - checksum(font)) >>> 0);
  return font;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const view = (data: Uint8Array) => new DataView(data.buffer, data.byteOffset, data.byteLength);

/**
 * The font's PostScript name (name ID 6), as FreeType reads it for the PDF's BaseFont: the Windows
 * Unicode record (US English first), else the Macintosh Roman one; null without a non-empty one.
 */
export function postScriptName(font: Sfnt): string | null {
  const names = font.tables.get('name');
  if (!names || names.length < 6) return null;
  const strings = u16(names, 4);
  const found: { rank: number; text: string }[] = [];
  for (let i = 0, count = u16(names, 2); i < count && 6 + 12 * (i + 1) <= names.length; i++) {
    const record = 6 + 12 * i;
    const [platform, encoding, language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((k) => u16(names, record + k)) as [number, number, number, number, number, number];
    const bytes = names.subarray(strings + offset, strings + offset + length);
    if (nameId !== 6 || length === 0 || bytes.length !== length) continue;
    if (platform === 3 && encoding === 1) found.push({ rank: language === 0x409 ? 0 : 1, text: new TextDecoder('utf-16be').decode(bytes) });
    else if (platform === 1 && encoding === 0) found.push({ rank: 2, text: Buffer.from(bytes).toString('latin1') });
  }
  return found.sort((x, y) => x.rank - y.rank)[0]?.text ?? null;
}
