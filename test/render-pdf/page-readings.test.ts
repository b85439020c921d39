import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pageKeys, PageReadings, readBackWhole, type PageKeys } from '../../pipeline/render-pdf/page-readings.ts';
import { readDocument, withLazyPdf, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';

/** A PDF whose pages say `words`, after `padding` unused objects (other object numbers for the same pages). */
async function pdfOf(words: readonly string[], options: { padding?: number; font?: StandardFonts; annotate?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < (options.padding ?? 0); i++) doc.context.register(doc.context.obj({ Unused: i }));
  const font = await doc.embedFont(options.font ?? StandardFonts.Helvetica);
  for (const word of words) {
    const page = doc.addPage([300, 200]);
    page.drawText(word, { x: 20, y: 20, size: 12, font });
    // what moves with a page into a pack and is not read for its text
    if (options.annotate) page.node.set(PDFName.of('StructParents'), doc.context.obj(7));
  }
  return doc.save({ useObjectStreams: false });
}

const keysOf = async (bytes: Uint8Array) => pageKeys(await PDFDocument.load(bytes, { updateMetadata: false }));
/** every page's key, in page order */
const listOf = (keys: PageKeys) => Array.from({ length: keys.count }, (_, i) => keys.of(i + 1));

describe('pageKeys', () => {
  it('gives the same page in two files the same key, whatever its object numbers, parent or place in the structure tree', async () => {
    const [a, b] = [listOf(await keysOf(await pdfOf(['Chiiki okoshi kyoryokutai', '7,200 members']))), listOf(await keysOf(await pdfOf(['Chiiki okoshi kyoryokutai', '7,200 members'], { padding: 5, annotate: true })))];
    expect(a).toHaveLength(2);
    expect(b).toEqual(a);
    expect(a[0]).not.toBe(a[1]);
  });

  it('gives a page another key when what it draws, or the font it draws with, changes', async () => {
    const base = listOf(await keysOf(await pdfOf(['R6 6', 'same'])));
    const figure = listOf(await keysOf(await pdfOf(['R6 7', 'same'])));
    const font = listOf(await keysOf(await pdfOf(['R6 6', 'same'], { font: StandardFonts.Courier })));
    expect(figure[0]).not.toBe(base[0]);
    expect(figure[1]).toBe(base[1]);
    expect(font[0]).not.toBe(base[0]);
  });

  it('takes into a page’s key the resources pdfjs merges from the nodes above it', async () => {
    // the page draws a form its parent names: another form there is another text
    const withParentForm = async (word: string) => {
      const doc = await PDFDocument.create({ updateMetadata: false });
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const page = doc.addPage([300, 200]);
      page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream('/Xp Do')));
      // resources of its own too: pdfjs merges them with its parent's, where a reader stopping at the first would not
      page.node.set(PDFName.of('Resources'), doc.context.obj({ ProcSet: ['PDF'] }));
      const form = doc.context.register(doc.context.stream(`BT /F1 12 Tf 20 20 Td (${word}) Tj ET`, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 300, 200], Resources: { Font: { F1: font.ref } } }));
      doc.catalog.Pages().set(PDFName.of('Resources'), doc.context.obj({ XObject: { Xp: form } }));
      return doc.save({ useObjectStreams: false });
    };
    const [a, b] = [await withParentForm('PARENT-A'), await withParentForm('PARENT-B')];
    const [ka, kb] = [await keysOf(a), await keysOf(b)];
    expect(ka.of(1)).not.toBe(kb.of(1));
    const readings = new PageReadings('code');
    expect((await withPdf(a, (doc) => readings.texts(doc, [1], ka)))[0]).toContain('PARENT-A');
    expect((await withPdf(b, (doc) => readings.texts(doc, [1], kb)))[0]).toContain('PARENT-B');
  });
});

describe('PageReadings', () => {
  it('reads a page once: a later run takes the pages of the same bytes, and reads the one that changed', async () => {
    const first = new PageReadings('code');
    const before = await pdfOf(['one', 'R6 6', 'three']);
    const texts = await withPdf(before, async (doc) => first.texts(doc, [1, 2, 3], await keysOf(before)));
    expect(texts.map((t) => t.trim())).toEqual(['one', 'R6 6', 'three']);
    expect(first.read()).toBe(3);

    const second = new PageReadings('code', first.kept());
    const after = await pdfOf(['one', 'R6 7', 'three']);
    const again = await withPdf(after, async (doc) => second.texts(doc, [1, 2, 3], await keysOf(after)));
    expect(again.map((t) => t.trim())).toEqual(['one', 'R6 7', 'three']);
    expect(second.read()).toBe(1);
    // what the next run may take: this run's pages only, not the page of the old figure
    expect(Object.keys(second.kept())).toHaveLength(3);
    expect(Object.values(second.kept()).map((t) => t.trim())).not.toContain('R6 6');
  });

  it('reads every page again for another reading code, and keeps fonts apart from texts', async () => {
    const bytes = await pdfOf(['one']);
    const keys = await keysOf(bytes);
    const first = new PageReadings('code');
    await withPdf(bytes, async (doc) => first.texts(doc, [1], keys));
    const other = new PageReadings('other code', first.kept());
    await withPdf(bytes, async (doc) => other.texts(doc, [1], keys));
    expect(other.read()).toBe(1);
    const fonts = await withPdf(bytes, async (doc) => other.fonts(doc, [1], keys));
    expect(fonts[0]!.map((f) => f.name)).toEqual([expect.stringMatching(/Helvetica/)]);
    expect(other.read()).toBe(2);
  });

  it('reads a page without a key every time, and a kept reading that is not one again', async () => {
    const bytes = await pdfOf(['one']);
    const keys = await keysOf(bytes);
    const first = new PageReadings('code');
    await withPdf(bytes, async (doc) => first.texts(doc, [1], { count: 1, of: () => null }));
    expect(first.kept()).toEqual({});
    await withPdf(bytes, async (doc) => first.fonts(doc, [1], keys));
    // an edited file: the fonts of the page are no list of fonts
    const edited = Object.fromEntries(Object.keys(first.kept()).map((key) => [key, '{"not": "fonts"}']));
    const second = new PageReadings('code', edited);
    const fonts = await withPdf(bytes, async (doc) => second.fonts(doc, [1], keys));
    expect(second.read()).toBe(1);
    expect(fonts[0]!.map((f) => f.name)).toEqual([expect.stringMatching(/Helvetica/)]);
  });
});

/**
 * A PDF of three pages as a pack is made: labelled i, 1, 2, an outline of two entries and named
 * destinations, after `padding` unused objects (other object numbers for the same document).
 */
async function documentOf(options: { padding?: number; title?: string; target?: number; labels?: 'r' | 'D'; word?: string; element?: boolean; elementOnly?: number; zoom?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { context } = doc;
  for (let i = 0; i < (options.padding ?? 0); i++) context.register(context.obj({ Unused: i }));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = ['cover', options.word ?? 'program 1', 'program 2'].map((word) => {
    const page = doc.addPage([300, 200]);
    page.drawText(word, { x: 20, y: 20, size: 12, font });
    return page.ref;
  });
  const dest = (page: number) => context.obj([pages[page]!, PDFName.of('XYZ'), 0, 200, 0]);
  const outlines = context.nextRef();
  const [first, second] = [context.nextRef(), context.nextRef()];
  // an outline item names the structure element it opens, as Chromium's do: pdfjs reads nothing of it
  const element = options.element ? { SE: context.register(context.obj({ Type: 'StructElem', S: 'H1', Unused: 1 })) } : {};
  // or names no destination pdfjs takes (none, or one of a zoom it does not know), only the element, whose page pdfjs opens
  const invalid = options.zoom ? { Dest: context.obj([pages[1]!, PDFName.of(options.zoom)]) } : {};
  const opens =
    options.elementOnly === undefined ? { Dest: dest(options.target ?? 1), ...element } : { SE: context.register(context.obj({ Type: 'StructElem', S: 'H1', Pg: pages[options.elementOnly]! })), ...invalid };
  context.assign(first, context.obj({ Title: PDFHexString.fromText(options.title ?? '1 地域おこし協力隊'), Parent: outlines, Next: second, ...opens }));
  context.assign(second, context.obj({ Title: PDFHexString.fromText('2 地域活性化起業人'), Parent: outlines, Prev: first, Dest: dest(2) }));
  context.assign(outlines, context.obj({ Type: 'Outlines', First: first, Last: second, Count: 2 }));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  doc.catalog.set(PDFName.of('Dests'), context.obj({ 'prog-01': dest(options.target ?? 1), 'prog-02': dest(2) }));
  doc.catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: [0, { S: 'r' }, 1, { S: options.labels ?? 'D' }] }));
  return doc.save({ useObjectStreams: false });
}

const documentKeyOf = async (bytes: Uint8Array) => (await keysOf(bytes)).document!();

describe('documentKey', () => {
  it('gives two documents the same key when pdfjs reads the same pages, labels, outline and destinations from them, whatever their object numbers', async () => {
    const [a, b] = [await documentOf(), await documentOf({ padding: 7, element: true })];
    const key = await documentKeyOf(a);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await documentKeyOf(b)).toBe(key);
    const [readA, readB] = [await withPdf(a, readDocument), await withPdf(b, readDocument)];
    expect(readA).toEqual({
      pages: 3,
      labels: ['i', '1', '2'],
      outline: [
        { title: '1 地域おこし協力隊', page: 2, children: 0 },
        { title: '2 地域活性化起業人', page: 3, children: 0 },
      ],
      destinations: [
        ['prog-01', 2],
        ['prog-02', 3],
      ],
    });
    expect(readB).toEqual(readA);
    // what a page draws is its page key's to tell, not the document's
    expect(await documentKeyOf(await documentOf({ word: 'program 1, R6 7' }))).toBe(key);
  });

  it('takes in the structure element of an outline item without a destination, which pdfjs opens the item at', async () => {
    const [toFirst, toSecond] = [await documentOf({ elementOnly: 1 }), await documentOf({ elementOnly: 2 })];
    expect((await withPdf(toFirst, readDocument)).outline[0]!.page).toBe(2);
    expect((await withPdf(toSecond, readDocument)).outline[0]!.page).toBe(3);
    expect(await documentKeyOf(toFirst)).not.toBe(await documentKeyOf(toSecond));
    // a destination of a zoom pdfjs does not know (a name that is also an object's property) is no destination
    const [badFirst, badSecond] = [await documentOf({ elementOnly: 1, zoom: 'constructor' }), await documentOf({ elementOnly: 2, zoom: 'constructor' })];
    expect((await withPdf(badSecond, readDocument)).outline[0]!.page).toBe(3);
    expect(await documentKeyOf(badFirst)).not.toBe(await documentKeyOf(badSecond));
  });

  it('gives another key when an outline title, the page a destination leads to or the page labels change', async () => {
    const key = await documentKeyOf(await documentOf());
    const others = [await documentOf({ title: '1 地域おこし協力隊（改）' }), await documentOf({ target: 2 }), await documentOf({ labels: 'r' })];
    const keys = await Promise.all(others.map(documentKeyOf));
    expect(new Set([key, ...keys]).size).toBe(4);
  });
});

describe('PageReadings of documents and files', () => {
  const unopened = () => Promise.reject(new Error('opened a PDF whose readings were all taken'));

  it('takes what a document of the same key read as, without opening it', async () => {
    const bytes = await documentOf();
    const first = new PageReadings('code');
    const read = await withLazyPdf(bytes, async (open) => first.document(open, await keysOf(bytes)));
    expect(first.read('documents')).toBe(1);
    const second = new PageReadings('code', first.kept());
    const other = await documentOf({ padding: 3 });
    expect(await second.document(unopened, await keysOf(other))).toEqual(read);
    expect([second.read('documents'), second.taken('documents')]).toEqual([0, 1]);
    // another outline: read again
    const retitled = await documentOf({ title: '1 地域おこし協力隊（改）' });
    const again = await withLazyPdf(retitled, async (open) => second.document(open, await keysOf(retitled)));
    expect(again.outline[0]!.title).toBe('1 地域おこし協力隊（改）');
    expect(second.read('documents')).toBe(1);
  });

  it('reads a document without a key every time', async () => {
    const bytes = await documentOf();
    const readings = new PageReadings('code');
    for (let i = 0; i < 2; i++) await withLazyPdf(bytes, (open) => readings.document(open, { count: 3, of: () => null }));
    expect(readings.read('documents')).toBe(2);
    expect(readings.kept()).toEqual({});
  });

  it('reads back whole a file of the same bytes as one read before from its kept readings, and keeps them for the next run', async () => {
    const bytes = await documentOf();
    const first = new PageReadings('code');
    const whole = await readBackWhole(bytes, first);
    expect(whole.pages).toBe(3);
    expect(whole.texts.map((t) => t.trim())).toEqual(['cover', 'program 1', 'program 2']);
    expect([first.read('files'), first.read('documents'), first.read('pages')]).toEqual([1, 1, 6]);

    // the same bytes: neither loaded to be keyed nor opened
    const second = new PageReadings('code', first.kept());
    expect(await readBackWhole(new Uint8Array(bytes), second)).toEqual(whole);
    expect([second.read('files'), second.read('documents'), second.read('pages')]).toEqual([0, 0, 0]);
    expect([second.taken('files'), second.taken('documents'), second.taken('pages')]).toEqual([1, 1, 6]);
    expect(Object.keys(second.kept()).sort()).toEqual(Object.keys(first.kept()).sort());
    // other bytes for the same pages and document, a run later: keyed again, nothing of it read again
    const third = new PageReadings('code', second.kept());
    expect(await readBackWhole(await documentOf({ padding: 2 }), third)).toEqual(whole);
    expect([third.read('files'), third.read('documents'), third.read('pages')]).toEqual([1, 0, 0]);
  });
});
