import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pageKeys, PageReadings, type PageKeys } from '../../pipeline/render-pdf/page-readings.ts';
import { withPdf } from '../../pipeline/render-pdf/pdf-read.ts';

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
