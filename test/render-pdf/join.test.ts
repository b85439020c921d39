import { PDFArray, PDFDict, PDFName, PDFString, PDFRef, PDFStream, decodePDFRawStream, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPdf, namedDestinations, withObjectStreams, type LoadedPdf } from '../../pipeline/render-pdf/assemble/index.ts';
import { cmapEntries } from '../../pipeline/render-pdf/assemble/font-union.ts';
import { joinParts } from '../../pipeline/render-pdf/assemble/join.ts';
import { AssemblyError } from '../../pipeline/render-pdf/assemble/pdf-objects.ts';
import { heldGlyphs, sfntUnion } from '../../pipeline/render-pdf/assemble/sfnt-union.ts';
import { assetUrls, contentSecurityPolicy } from '../../pipeline/render-pdf/assets.ts';
import { crossLinks, withCrossLinks } from '../../pipeline/render-pdf/cross-links.ts';
import { folioCss } from '../../pipeline/render-pdf/page-css.ts';
import { outlineEntries, pageTexts, pdfFonts, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';
import { PrintSession } from '../../pipeline/render-pdf/print-session.ts';
import { compileTemplates } from '../../pipeline/render-pdf/templates.ts';
import { compact } from '../../pipeline/render-pdf/verify.ts';
import { chromiumDescendants } from './processes.ts';

// two sections as the body's are printed: the pack's stylesheet and fonts, a heading each (the outline), links across
const page = (body: string) => `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}"><link rel="stylesheet" href="${assetUrls().css}"><style>@page { @bottom-center { content: none; } }</style></head><body>${body}</body></html>`;
const table = (amount: string) => `<table><thead><tr><th>区分</th><th>金額</th></tr></thead><tbody><tr><td>予算</td><td>${amount}</td></tr></tbody></table>`;
const FIRST = page(`<section id="one"><h1>一　地域おこし協力隊</h1><p>隊員数は7,200人。<a href="#two">次の施策</a></p>${table('248百万円')}</section>`);
const SECOND = page(`<section id="two"><h1>二　地域活性化起業人</h1><p>上限 <b>560万円／人</b>。<a href="#one">前の施策</a>、<a href="#toc">目次</a></p>${table('46百万円')}</section>`);

let first: LoadedPdf;
let second: LoadedPdf;
let folios: LoadedPdf;
let borrowed: ReadonlySet<string>[];

beforeAll(async () => {
  const session = await PrintSession.prepare({ timeoutMs: 60_000, tabs: 1 });
  try {
    const links = crossLinks([FIRST, SECOND]);
    borrowed = links.map((l) => l.borrowed);
    const print = async (html: string, draft = false) => loadPdf((await session.pages[0]!.print(html, draft)).pdf);
    first = await print(withCrossLinks(FIRST, links[0]!));
    second = await print(withCrossLinks(SECOND, links[1]!));
    const templates = compileTemplates();
    folios = await print(templates.stamps({ title: 'folios', csp: contentSecurityPolicy(), assets: assetUrls(), pageCss: folioCss(), pages: ['folio', 'folio'] }), true);
  } finally {
    await session.close();
  }
}, 120_000);

afterAll(() => {
  expect(chromiumDescendants()).toEqual([]);
});

const joined = () => joinParts([{ pdf: first, borrowed: borrowed[0]! }, { pdf: second, borrowed: borrowed[1]! }], folios);

function type0Fonts(doc: PDFDocument): PDFDict[] {
  return doc.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFDict && o.get(PDFName.of('Subtype'))?.toString() === '/Type0' ? [o] : []));
}

/** The embedded program of each Type0 font of a document, by its name without the subset tag. */
function programs(doc: PDFDocument): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
  const at = (o: unknown) => (o instanceof PDFRef ? doc.context.lookup(o) : o) as PDFDict;
  for (const font of type0Fonts(doc)) {
    const descendant = at((at(font.get(PDFName.of('DescendantFonts'))) as unknown as { get(i: number): unknown }).get(0));
    const file = doc.context.lookup(at(descendant.get(PDFName.of('FontDescriptor'))).get(PDFName.of('FontFile2'))) as PDFStream;
    found.set(font.get(PDFName.of('BaseFont'))!.toString().replace(/^\/[A-Z]{6}\+/, ''), decodePDFRawStream(file as PDFRawStream).decode());
  }
  return found;
}

describe('a document joined from parts printed apart (the body from its sections)', () => {
  it('has their pages in order, each numbered by its folio, their text as printed', async () => {
    const { doc, borrowed: left } = await joined();
    expect(doc.getPageCount()).toBe(2);
    const pdf = (await withObjectStreams(doc)).base.bytes;
    const texts = await withPdf(pdf, (d) => pageTexts(d));
    expect(compact(texts[0]!)).toContain('一地域おこし協力隊隊員数は7,200人。');
    expect(compact(texts[0]!)).toContain('予算248百万円');
    expect(texts[0]).toContain('1 / 2');
    expect(compact(texts[1]!)).toContain('560万円／人');
    expect(texts[1]).toContain('2 / 2');
    // a link to what neither part defines is left to the document the body is joined to next
    expect([...left]).toEqual(['toc']);
    expect(namedDestinations({ doc, base: null as never })).toEqual(new Map([['one', 1], ['two', 2]]));
    expect((await withPdf(pdf, outlineEntries)).map((e) => e.title)).toEqual(['一　地域おこし協力隊', '二　地域活性化起業人']);
  });

  it('numbers its pages one after the other, after every other object: a reader of the page tree inflates one object stream for them', async () => {
    const { doc } = await joined();
    const pages = doc.getPages().map((p) => p.ref.objectNumber);
    expect(pages).toEqual(pages.map((_, i) => pages[0]! + i));
    const others = doc.context.enumerateIndirectObjects().map(([ref]) => ref.objectNumber).filter((n) => !pages.includes(n));
    expect(Math.max(...others)).toBeLessThan(pages[0]!);
    // every reference followed them: the page tree, the destinations, the outline
    const written = await withObjectStreams(doc);
    await withPdf(written.base.bytes, async (read) => {
      expect(read.numPages).toBe(2);
      expect((await outlineEntries(read)).map((e) => e.page)).toEqual([1, 2]);
    });
  });

  it('embeds one font where each part (and the folios) embedded a subset of it: one regular, one bold', async () => {
    const before = [first, second, folios].reduce((n, p) => n + type0Fonts(p.doc).length, 0);
    const { doc } = await joined();
    expect(before).toBe(5);
    expect(type0Fonts(doc)).toHaveLength(2);
    const pdf = (await withObjectStreams(doc)).base.bytes;
    const fonts = await withPdf(pdf, (d) => pdfFonts(d));
    expect(new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))).toEqual(new Set(['NotoSansJP-Regular', 'NotoSansJP-Bold']));
    // the joined program holds every glyph of every part's
    const union = programs(doc).get('NotoSansJP-Regular')!;
    const parts = [first, second, folios].map((p) => programs(p.doc).get('NotoSansJP-Regular')!);
    expect(heldGlyphs(union)).toEqual([...new Set(parts.flatMap(heldGlyphs))].sort((a, b) => a - b));
  });

  it('has one structure tree: every part’s elements under one Document, ids by part, parent-tree keys after one another', async () => {
    const { doc } = await joined();
    const c = doc.context;
    const root = c.lookup(doc.catalog.get(PDFName.of('StructTreeRoot'))) as PDFDict;
    const document = root.get(PDFName.of('K')) as PDFRef;
    const kids = (c.lookup((c.lookup(document) as PDFDict).get(PDFName.of('K'))) as unknown as { asArray(): PDFRef[] }).asArray();
    expect(kids.length).toBeGreaterThanOrEqual(2);
    for (const kid of kids) expect((c.lookup(kid) as PDFDict).get(PDFName.of('P'))).toBe(document);
    const nums = (c.lookup((c.lookup(root.get(PDFName.of('ParentTree'))) as PDFDict).get(PDFName.of('Nums'))) as unknown as { asArray(): { toString(): string }[] }).asArray();
    const keys = nums.filter((_, i) => i % 2 === 0).map((k) => Number(k.toString()));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(new Set(keys).size).toBe(keys.length);
    const pages = doc.getPages().map((p) => Number(p.node.get(PDFName.of('StructParents'))?.toString()));
    expect(pages[1]).toBeGreaterThan(pages[0]!);
    const ids = (c.lookup((c.lookup(root.get(PDFName.of('IDTree'))) as PDFDict).get(PDFName.of('Names'))) as unknown as { asArray(): { decodeText(): string }[] }).asArray().filter((_, i) => i % 2 === 0).map((k) => k.decodeText());
    expect(ids.some((id) => id.startsWith('p1-'))).toBe(true);
    expect(ids.some((id) => id.startsWith('p2-'))).toBe(true);
    // a cell's /Headers name the ids of its part's header cells, renamed with them
    const headers = c.enumerateIndirectObjects().flatMap(([, o]) => {
      const attributes = o instanceof PDFDict && o.get(PDFName.of('S'))?.toString() === '/TD' ? c.lookup(o.get(PDFName.of('A'))) : undefined;
      const dicts = attributes instanceof PDFArray ? attributes.asArray().map((a) => c.lookup(a)) : [attributes];
      return dicts.flatMap((d) => {
        const list = d instanceof PDFDict ? (c.lookup(d.get(PDFName.of('Headers'))) as PDFArray | undefined) : undefined;
        return list ? list.asArray().map((h) => (h as PDFString).decodeText()) : [];
      });
    });
    expect(headers.length).toBeGreaterThanOrEqual(4);
    for (const header of headers) expect(ids).toContain(header);
  });

  it('refuses a destination two parts define, and folios that do not match the pages', async () => {
    await expect(joinParts([{ pdf: first, borrowed: new Set() }, { pdf: first, borrowed: new Set() }], null)).rejects.toThrow(AssemblyError);
    await expect(joinParts([{ pdf: first, borrowed: borrowed[0]! }], folios)).rejects.toThrow(/folios have 2 pages for 1 pages/);
  });
});

describe('the union of font subsets that kept their glyph ids', () => {
  it('refuses subsets that disagree on a glyph', () => {
    const [a, b] = [programs(first.doc).get('NotoSansJP-Regular')!, programs(second.doc).get('NotoSansJP-Regular')!];
    expect(() => sfntUnion([a, b])).not.toThrow();
    const tampered = new Uint8Array(b);
    const view = new DataView(tampered.buffer);
    for (let i = 0; i < view.getUint16(4); i++) {
      if (String.fromCharCode(...tampered.subarray(12 + 16 * i, 16 + 16 * i)) !== 'glyf') continue;
      const [offset, length] = [view.getUint32(20 + 16 * i), view.getUint32(24 + 16 * i)];
      for (let k = offset; k < offset + length; k++) tampered[k] = tampered[k]! ^ 0x5a;
    }
    expect(() => sfntUnion([a, tampered])).toThrow(/glyph \d+ differs/);
  });

  it('reads a ToUnicode CMap’s bfchar and both forms of bfrange', () => {
    const cmap = Buffer.from('2 beginbfchar\n<0003> <0020>\n<0920> <4E00>\nendbfchar\n2 beginbfrange\n<0010> <0012> <0030>\n<0473> <0474> [<3001> <3002>]\nendbfrange\n', 'latin1');
    expect([...cmapEntries(cmap)]).toEqual([
      [3, '0020'],
      [0x920, '4E00'],
      [0x10, '0030'],
      [0x11, '0031'],
      [0x12, '0032'],
      [0x473, '3001'],
      [0x474, '3002'],
    ]);
  });
});
