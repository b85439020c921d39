import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFContext, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, StandardFonts } from 'pdf-lib';
import { bytesOf } from '../../pipeline/render-pdf/assemble/write-update.ts';
import { describe, expect, it } from 'vitest';
import { AssemblyError, assembledPack, assemblePack, drawStampSlot, loadPdf, namedDestinations } from '../../pipeline/render-pdf/assemble/index.ts';
import { none, part, slotted, stampsOf } from '../helpers/pdf-parts.ts';
import { pageKeys, type PageKeys } from '../../pipeline/render-pdf/page-readings.ts';

/** every page's key, in page order */
const listOf = (keys: PageKeys) => Array.from({ length: keys.count }, (_, i) => keys.of(i + 1));
import { destinationPages, pageTexts, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';

/** qpdf --check passes on the file, when qpdf is installed (pdfjs reads it in the tests anyway). */
async function expectQpdfAccepts(pdf: Uint8Array): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-assemble-'));
  try {
    await writeFile(join(dir, 'pack.pdf'), pdf);
    const run = spawnSync('qpdf', ['--check', join(dir, 'pack.pdf')], { encoding: 'utf8' });
    if (run.error) return;
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('No syntax or stream encoding errors');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('bytesOf', () => {
  it('writes what pdf-lib writes: escaped names and strings, bytes past ASCII, hex strings, reals, nested arrays, streams', () => {
    const context = PDFContext.create();
    const objects = [
      context.obj({ Type: 'Catalog', 'A B#(c)': PDFString.of('地域\\(お)こし\n'), Hex: PDFHexString.fromText('総務省 ①'), N: [0.1, -3, 1234567.5, true, null, [PDFRef.of(7), { K: PDFName.of('Ü') }]] }),
      context.obj([PDFString.of('\u00e9\u00ff'), PDFNumber.of(1e-7), PDFNumber.of(-0)]),
      PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), new Uint8Array([0x78, 0x9c, 0, 255, 10, 13, 0x25])),
      context.stream('q\n', { Length1: 2 }),
      context.flateStream('BT /F1 12 Tf (テスト) Tj ET'),
    ];
    for (const object of objects) {
      // first: a stream's /Length is set by whichever writes it first
      const written = Buffer.from(bytesOf(object)).toString('latin1');
      const expected = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(expected, 0);
      expect(written).toBe(Buffer.from(expected).toString('latin1'));
    }
  });
});

describe('assemblePack', () => {
  it('puts the front matter’s pages before the body’s, labelled i, ii … then 1, 2 …, keeping the body’s bytes as the file’s start', async () => {
    const front = await part(['cover', 'contents'], { toc: 2, 'prog-01': 1 }, { title: 'pack of Chiba' });
    const body = await part(['one', 'two', 'three'], { 'prog-01': 1, contacts: 3, 'chg-1': 2 });
    const pdf = await assemblePack({ front: { pdf: front, borrowed: new Set(['prog-01']) }, body: { pdf: body, borrowed: new Set(['chg-1']) }, stamp: null }).catch((e: Error) => e);
    // the body's stand-in for chg-1 is dropped, and nothing defines it: refused
    expect(pdf).toBeInstanceOf(AssemblyError);
    expect((pdf as Error).message).toMatch(/"chg-1", which neither part defines/);

    const ok = await assemblePack({ front: { pdf: front, borrowed: new Set(['prog-01']) }, body: { pdf: body, borrowed: none }, stamp: null });
    expect(Buffer.from(ok.subarray(0, body.base.bytes.length)).equals(Buffer.from(body.base.bytes))).toBe(true);
    await withPdf(ok, async (doc) => {
      expect(doc.numPages).toBe(5);
      expect(await doc.getPageLabels()).toEqual(['i', 'ii', '1', '2', '3']);
      expect((await pageTexts(doc)).map((t) => t.trim())).toEqual(['cover', 'contents', 'one', 'two', 'three']);
      // the front's stand-in for prog-01 (its page 1) gives way to the body's
      expect([...(await destinationPages(doc))].sort()).toEqual([['chg-1', 4], ['contacts', 5], ['prog-01', 3], ['toc', 2]]);
      expect(((await doc.getMetadata()).info as { Title?: string }).Title).toBe('pack of Chiba');
    });
    // the same parts, the same bytes
    const again = await assemblePack({ front: { pdf: front, borrowed: new Set(['prog-01']) }, body: { pdf: body, borrowed: none }, stamp: null });
    expect(Buffer.from(again).equals(Buffer.from(ok))).toBe(true);
  });

  it('stamps the body’s pages, and only them, with a page of the stamps drawn as a pagination artifact', async () => {
    const front = await part(['cover'], {});
    const stamps = await stampsOf(['national', 'Chiba']);
    const { body, slot } = await slotted(await part(['one', 'two'], {}), stamps, 0);
    // the body's slot draws nothing; a pack fills it with its edition, the pages left in the body
    await withPdf(body.base.bytes, async (doc) => expect((await pageTexts(doc)).map((t) => t.replace(/\s+/g, ''))).toEqual(['one', 'two']));
    const pdf = await assemblePack({ front: { pdf: front, borrowed: none }, body: { pdf: body, borrowed: none }, stamp: { pdf: stamps, page: 1, slot } });
    await withPdf(pdf, async (doc) => expect((await pageTexts(doc)).map((t) => t.replace(/\s+/g, ''))).toEqual(['cover', 'oneChiba', 'twoChiba']));
    const update = Buffer.from(pdf.subarray(body.base.bytes.length)).toString('latin1');
    expect(update.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    // the stamps print every edition with one font: the body's copy of it serves every pack, and the update copies only the front's
    expect(update.match(/\/Type \/Font\b/g)).toHaveLength(1);
    const assembled = await loadPdf(pdf);
    const page = assembled.doc.getPages()[1]!;
    const contents = page.node.Contents();
    expect(contents).toBeInstanceOf(PDFArray);
    const last = assembled.doc.context.lookup((contents as PDFArray).asArray().at(-1)!) as PDFRawStream;
    expect(Buffer.from(last.contents).toString('latin1')).toMatch(/\/Artifact <<\/Type \/Pagination \/Subtype \/Footer>> BDC \/BriefingPackStamp Do EMC/);
  });

  it('refuses parts it would join wrongly: a destination both define, one tagged and one not, a /Names dictionary', async () => {
    const a = await part(['a'], { x: 1 });
    const b = await part(['b'], { x: 1 });
    await expect(assemblePack({ front: { pdf: a, borrowed: none }, body: { pdf: b, borrowed: none }, stamp: null })).rejects.toThrow(/"x" is defined by both parts/);
    const tagged = await part(['t'], {}, { tagged: true });
    await expect(assemblePack({ front: { pdf: tagged, borrowed: none }, body: { pdf: await part(['u'], {}), borrowed: none }, stamp: null })).rejects.toThrow(/tagged in part/);
    const named = await part(['n'], {}, { names: true });
    await expect(assemblePack({ front: { pdf: named, borrowed: none }, body: { pdf: await part(['u'], {}), borrowed: none }, stamp: null })).rejects.toThrow(/\/Names/);
  });

  it('appends to a body written with object streams a cross-reference stream a strict reader accepts (qpdf --check, when installed)', async () => {
    const [front, stamps] = [await part(['cover'], { toc: 1 }), await part(['Chiba'], {})];
    const { body, slot } = await slotted(await part(["one", "two"], { "prog-01": 2 }), stamps);
    expect(body.base.xref).toBe('stream');
    const pdf = await assemblePack({ front: { pdf: front, borrowed: none }, body: { pdf: body, borrowed: none }, stamp: { pdf: stamps, page: 0, slot } });
    // the document kept after writing is the one the bytes hold: read again, it joins into the same pack
    const reread = await assemblePack({ front: { pdf: front, borrowed: none }, body: { pdf: await loadPdf(body.base.bytes), borrowed: none }, stamp: { pdf: stamps, page: 0, slot } });
    expect(Buffer.from(reread).equals(Buffer.from(pdf))).toBe(true);
    expect(Buffer.from(pdf.subarray(pdf.length - 1000)).toString("latin1")).toMatch(/\/Type \/XRef [^]*\/Prev \d+[^]*%%EOF\n$/);
    await withPdf(pdf, async (doc) => {
      expect(await doc.getPageLabels()).toEqual(['i', '1', '2']);
      expect((await pageTexts(doc)).map((t) => t.replace(/\s+/g, ''))).toEqual(['cover', 'oneChiba', 'twoChiba']);
      expect([...(await destinationPages(doc))].sort()).toEqual([['prog-01', 3], ['toc', 1]]);
    });
    await expectQpdfAccepts(pdf);
  });

  it('tells the content hash of each page as the pack holds it: a front page as printed, a body page by its edition', async () => {
    const stamps = await part(['Chiba', 'Shimane'], {});
    const { body, slot } = await slotted(await part(['one', 'two'], {}), stamps, 1);
    const front = await part(['cover'], {});
    const pack = (page: number) => assembledPack({ front: { pdf: front, borrowed: none }, body: { pdf: body, borrowed: none }, stamp: { pdf: stamps, page, slot } });
    const [chiba, again, shimane] = [await pack(0), await pack(0), await pack(1)];
    const keys = listOf(chiba.pageKeys);
    expect(keys).toHaveLength(3);
    // read from the pack itself, the same keys
    expect(listOf(pageKeys((await loadPdf(chiba.pdf)).doc))).toEqual(keys);
    expect(keys[0]).toBe(pageKeys(front.doc).of(1));
    expect(keys.slice(1)).not.toEqual(listOf(pageKeys(body.doc)));
    expect(listOf(again.pageKeys)).toEqual(keys);
    expect(shimane.pageKeys.of(1)).toBe(keys[0]);
    expect(shimane.pageKeys.of(2)).not.toBe(keys[1]);
    expect(listOf(shimane.pageKeys).slice(1)).not.toEqual(listOf(pageKeys(body.doc)));
  });

  it('refuses a body of another page size than the stamp', async () => {
    const stamps = await part(['Chiba'], {}, { size: [400, 200] });
    const body = await part(['one'], {});
    expect(() => drawStampSlot(body.doc, stamps.doc, 0)).toThrow(/stamp's size/);
  });

  it('fills the slot with a stamp page of other resources than the slot’s, copying its font into the pack', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage([300, 200]).drawText('Helvetica', { x: 20, y: 20, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    doc.addPage([300, 200]).drawText('Courier', { x: 20, y: 20, size: 12, font: await doc.embedFont(StandardFonts.Courier) });
    const stamps = await loadPdf(await doc.save({ useObjectStreams: false }));
    const { body, slot } = await slotted(await part(['one'], {}), stamps, 0);
    const pdf = await assemblePack({ front: { pdf: await part(['cover'], {}), borrowed: none }, body: { pdf: body, borrowed: none }, stamp: { pdf: stamps, page: 1, slot } });
    await withPdf(pdf, async (read) => expect((await pageTexts(read)).map((t) => t.replace(/\s+/g, ''))).toEqual(['cover', 'oneCourier']));
    expect(Buffer.from(pdf.subarray(body.base.bytes.length)).toString('latin1')).toMatch(/\/BaseFont \/Courier/);
  });

  it('writes an update a strict reader accepts: every number below /Size has an entry (qpdf --check, when qpdf is installed)', async () => {
    const front = await part(['cover', 'contents'], { toc: 2 });
    const stamps = await part(['Chiba'], {});
    const { body, slot } = await slotted(await part(['one', 'two'], { 'prog-01': 1 }), stamps);
    await expectQpdfAccepts(await assemblePack({ front: { pdf: front, borrowed: none }, body: { pdf: body, borrowed: none }, stamp: { pdf: stamps, page: 0, slot } }));
  });

  it('reads where a part’s named destinations lead, as pdfjs does', async () => {
    const p = await part(['a', 'b', 'c'], { mentions: 3, cover: 1 });
    expect([...namedDestinations(p)].sort()).toEqual([['cover', 1], ['mentions', 3]]);
    await withPdf(p.base.bytes, async (doc) => expect([...(await destinationPages(doc))].sort()).toEqual([['cover', 1], ['mentions', 3]]));
  });
});
