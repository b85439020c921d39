import { PDFArray, PDFDict, PDFNumber, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { deflateSync, inflateSync } from 'node:zlib';
import { AssemblyError, arrayAt, dictAt, name, replaceRefs } from './pdf-objects.ts';
import { heldGlyphs, sfntUnion } from './sfnt-union.ts';

/**
 * One font where the parts of a joined document each embedded their own subset of it. Chromium
 * embeds a subset of each font per print: a body printed in sections would carry one per section
 * and font, ten times the bytes of the body printed whole. Fonts are one when they are embedded
 * TrueType CID fonts (Identity-H, CIDToGIDMap /Identity) of the same font name and descriptor
 * flags: their programs are joined (sfntUnion), their widths (/W) and text (/ToUnicode) too, and
 * every use of the others points to the one kept, the largest (its tables and name are the
 * union's). A font of another kind is left as it is.
 * Returns how many fonts were joined into others.
 */
export function joinFonts(context: PDFContext): number {
  const groups = new Map<string, { ref: PDFRef; font: CidFont }[]>();
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(name('Subtype'))?.toString() !== '/Type0') continue;
    const font = cidFont(context, object);
    if (!font) continue;
    const group = groups.get(font.key) ?? [];
    group.push({ ref, font });
    groups.set(font.key, group);
  }
  const replaced = new Map<PDFRef, PDFRef>();
  for (const found of [...groups.values()].filter((g) => g.length > 1)) {
    // the largest subset first: the one kept, whose tables and name the union takes, so that a part
    // printed again with a few glyphs of its own (a checksum on a report's first page) leaves the union as it was
    const decodedPrograms = found.map((g) => decoded(g.font.file));
    const largest = decodedPrograms.reduce((best, program, i) => (program.length > decodedPrograms[best]!.length ? i : best), 0);
    const order = [largest, ...found.keys()].filter((i, at) => at === 0 || i !== largest);
    const [first, ...others] = order.map((i) => found[i]!);
    const fonts = order.map((i) => found[i]!.font);
    const programs = order.map((i) => decodedPrograms[i]!);
    const program = sfntUnion(programs);
    context.assign(first!.font.fileRef, flateStream(context, program, { Length1: program.length }));
    // a glyph a font leaves out of its /W has its /DW: where the kept font's differs, the others' widths are written out
    const dw = first!.font.dw;
    const held = programs.map((program) => new Set(heldGlyphs(program)));
    const all = fonts.map((f, i) => {
      const own = widths(context, f.descendant);
      if (f.dw !== dw) for (const id of held[i]!) if (!own.has(id)) own.set(id, f.dw);
      return own;
    });
    first!.font.descendant.set(name('W'), widthsArray(context, unionWidths(all, held)));
    const text = unionText(fonts.map((f) => (f.toUnicode ? cmapEntries(decoded(f.toUnicode)) : new Map())));
    first!.font.type0.set(name('ToUnicode'), context.register(flateStream(context, toUnicodeCmap(text))));
    for (const other of others) replaced.set(other.ref, first!.ref);
  }
  if (replaced.size > 0) replaceRefs(context, replaced);
  return replaced.size;
}

export interface CidFont {
  key: string;
  /** the width of a glyph /W does not list */
  dw: number;
  type0: PDFDict;
  descendant: PDFDict;
  fileRef: PDFRef;
  file: PDFStream;
  toUnicode: PDFStream | null;
}

const untagged = (font: PDFObject | undefined) => font?.toString().replace(/^\/[A-Z]{6}\+/, '/');

/** A Type0 font that can be joined with others of its name, or null. */
export function cidFont(context: PDFContext, type0: PDFDict): CidFont | null {
  const descendants = arrayAt(context, type0.get(name('DescendantFonts')));
  const descendant = descendants?.size() === 1 ? dictAt(context, descendants.get(0)) : undefined;
  const descriptor = dictAt(context, descendant?.get(name('FontDescriptor')));
  const fileRef = descriptor?.get(name('FontFile2'));
  const file = fileRef instanceof PDFRef ? context.lookup(fileRef) : undefined;
  const toUnicode = context.lookup(type0.get(name('ToUnicode')));
  if (!descendant || !descriptor || !(fileRef instanceof PDFRef) || !(file instanceof PDFStream)) return null;
  if (type0.get(name('Encoding'))?.toString() !== '/Identity-H' || descendant.get(name('Subtype'))?.toString() !== '/CIDFontType2' || descendant.get(name('CIDToGIDMap'))?.toString() !== '/Identity') return null;
  if (toUnicode !== undefined && !(toUnicode instanceof PDFStream)) return null;
  const info = dictAt(context, descendant.get(name('CIDSystemInfo')));
  const dw = descendant.has(name('DW')) ? numberOf(context, descendant.get(name('DW'))) : 1000;
  const key = [untagged(type0.get(name('BaseFont'))), untagged(descendant.get(name('BaseFont'))), info?.get(name('Registry')), info?.get(name('Ordering')), descriptor.get(name('Flags'))].join(' ');
  return { key, dw, type0, descendant, fileRef, file, toUnicode: toUnicode ?? null };
}

/** A stream's data: zlib's inflate for plain /FlateDecode (the fonts are megabytes), pdf-lib's decoders for the rest. */
export function decoded(stream: PDFStream): Uint8Array {
  if (!(stream instanceof PDFRawStream)) return stream.getContents();
  if (stream.dict.get(name('Filter'))?.toString() === '/FlateDecode' && !stream.dict.has(name('DecodeParms'))) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

/** A /FlateDecode stream of `data` (zlib's deflate: the same bytes for the same data). */
function flateStream(context: PDFContext, data: Uint8Array, extra: Record<string, number> = {}): PDFRawStream {
  return PDFRawStream.of(context.obj({ Filter: 'FlateDecode', ...extra }), deflateSync(data));
}

const numberOf = (context: PDFContext, object: PDFObject | undefined) => {
  const value = object instanceof PDFRef ? context.lookup(object) : object;
  if (!(value instanceof PDFNumber)) throw new AssemblyError('a font width is not a number');
  return value.asNumber();
};

/** The widths a CIDFont's /W gives, by CID: `c [w1 w2 …]` and `first last w`. */
function widths(context: PDFContext, descendant: PDFDict): Map<number, number> {
  const items = arrayAt(context, descendant.get(name('W')))?.asArray() ?? [];
  const found = new Map<number, number>();
  for (let i = 0; i < items.length; ) {
    const start = numberOf(context, items[i]);
    const next = items[i + 1] instanceof PDFRef ? context.lookup(items[i + 1] as PDFRef) : items[i + 1];
    if (next instanceof PDFArray) {
      next.asArray().forEach((w, k) => found.set(start + k, numberOf(context, w)));
      i += 2;
    } else {
      const last = numberOf(context, items[i + 1]);
      const width = numberOf(context, items[i + 2]);
      if (last - start > 0xffff) throw new AssemblyError('a font width range is too long');
      for (let c = start; c <= last; c++) found.set(c, width);
      i += 3;
    }
  }
  return found;
}

/**
 * The widths of all. A subset's width for a glyph it holds is the font's, and two must agree; one
 * that holds it and lists no width draws it at /DW. The width Skia lists for a glyph a subset does
 * not hold is filler (0, or its neighbour's, to make a run): taken only for a glyph no subset holds.
 */
function unionWidths(all: readonly Map<number, number>[], held: readonly ReadonlySet<number>[]): Map<number, number> {
  const union = new Map<number, number>();
  all.forEach((widths, i) => {
    for (const [cid, width] of widths) {
      if (!held[i]!.has(cid)) continue;
      const had = union.get(cid);
      if (had === undefined) union.set(cid, width);
      else if (width !== had) throw new AssemblyError(`CID ${cid} has two widths (${had}, ${width}) in two subsets of one font`);
    }
  });
  const heldByAny = new Set(held.flatMap((h) => [...h]));
  for (const widths of all) for (const [cid, width] of widths) if (!union.has(cid) && !heldByAny.has(cid)) union.set(cid, width);
  return union;
}

/** `c [w …]` for each run of consecutive CIDs. */
function widthsArray(context: PDFContext, widths: ReadonlyMap<number, number>): PDFArray {
  const cids = [...widths.keys()].sort((a, b) => a - b);
  const items: PDFObject[] = [];
  for (let i = 0; i < cids.length; ) {
    let j = i;
    while (j + 1 < cids.length && cids[j + 1] === cids[j]! + 1) j++;
    items.push(PDFNumber.of(cids[i]!), context.obj(cids.slice(i, j + 1).map((c) => widths.get(c)!)));
    i = j + 1;
  }
  return context.obj(items);
}

/** A ToUnicode CMap's mappings, code → UTF-16BE hex: bfchar, and bfrange in both forms. */
export function cmapEntries(cmap: Uint8Array): Map<number, string> {
  const text = Buffer.from(cmap).toString('latin1');
  const found = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) found.set(parseInt(m[1]!, 16), m[2]!.toUpperCase());
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const [low, high] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16)];
      if (high < low || high - low > 0xffff) throw new AssemblyError('a ToUnicode range runs backwards or is too long');
      if (m[3] !== undefined) {
        const start = m[3].toUpperCase();
        const last = parseInt(start.slice(-4), 16);
        for (let c = low; c <= high; c++) found.set(c, start.slice(0, -4) + (last + c - low).toString(16).toUpperCase().padStart(4, '0'));
      } else {
        [...m[4]!.matchAll(/<([0-9A-Fa-f]*)>/g)].forEach((d, k) => found.set(low + k, d[1]!.toUpperCase()));
      }
    }
  }
  return found;
}

/** The text of all: a code keeps the text its first subset gives it (each subset gives a glyph one text). */
function unionText(all: readonly Map<number, string>[]): Map<number, string> {
  const union = new Map<number, string>();
  for (const map of all) for (const [code, text] of map) if (!union.has(code)) union.set(code, text);
  return union;
}

/** A ToUnicode CMap as Skia writes one: two-byte codes, bfchar blocks of at most 100. */
export function toUnicodeCmap(text: ReadonlyMap<number, string>): Uint8Array {
  const codes = [...text.keys()].sort((a, b) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < codes.length; i += 100) {
    const chunk = codes.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map((c) => `<${c.toString(16).toUpperCase().padStart(4, '0')}> <${text.get(c)}>`).join('\n')}\nendbfchar`);
  }
  return Buffer.from(
    [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo',
      '<<  /Registry (Adobe)',
      '/Ordering (UCS)',
      '/Supplement 0',
      '>> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
      '',
    ].join('\n'),
    'latin1',
  );
}
