import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream, ParseSpeeds } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assembledPack, loadPdf, withObjectStreams, type LoadedPdf, type StampSlot } from '../../pipeline/render-pdf/assemble/index.ts';
import { decodeUpdate, keptPack, type UpdateStore } from '../../pipeline/render-pdf/assemble/kept-update.ts';
import { readsOf } from '../../pipeline/render-pdf/assemble/reads.ts';
import { pageTexts, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';
import { partBytes } from '../../pipeline/render-pdf/two-pass.ts';
import { part, slotted, stampsOf } from '../helpers/pdf-parts.ts';

/** the front matter's pages and the body's first, as the packs' check reads them */
const keyed = (frontPages: number) => Array.from({ length: frontPages + 1 }, (_, i) => i + 1);
const storeOf = (...kept: { key: string; bytes: Uint8Array }[]): UpdateStore => {
  const held = new Map(kept.map((k) => [k.key, k.bytes]));
  return { salt: 'test', get: async (key) => held.get(key) ?? null };
};

interface Fixture {
  front: Uint8Array;
  stamps: LoadedPdf;
  slot: StampSlot;
  body: LoadedPdf;
}

/** A tagged front matter and body with links between them, the body slotted for the stamps: what a pack is made of. */
async function fixture(words = ['one', 'two', 'three']): Promise<Fixture> {
  const stamps = await stampsOf(['national', 'Chiba']);
  const { body, slot } = await slotted(await part(words, { 'prog-01': 1, contacts: 3 }, { tagged: true }), stamps);
  const front = await part(['cover', 'contents'], { toc: 2, 'prog-01': 1 }, { tagged: true, title: 'pack of Chiba' });
  return { front: front.base.bytes, stamps, slot, body };
}

const parts = (f: Fixture, body = f.body) => ({
  front: { pdf: partBytes(f.front), borrowed: new Set(['prog-01']) },
  body: { pdf: body, borrowed: new Set<string>() },
  stamp: { pdf: f.stamps, page: 1, slot: f.slot },
});

/** The pack made anew from the same parts: the front matter read again. */
async function madeAnew(f: Fixture, body: LoadedPdf) {
  return assembledPack({ front: { pdf: await loadPdf(f.front), borrowed: new Set(['prog-01']) }, body: { pdf: body, borrowed: new Set() }, stamp: { pdf: f.stamps, page: 1, slot: f.slot } });
}

/** `body` read again from its bytes, `change` made to the object `ref`, and written as a build writes a body (object streams). */
async function changed(body: LoadedPdf, ref: PDFRef | null, change: (object: unknown) => void = mark): Promise<LoadedPdf> {
  const doc = await PDFDocument.load(body.base.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  if (ref) change(doc.context.lookup(ref));
  return withObjectStreams(doc);
}

/** Something added to an object that changes what it holds and not what a reader makes of the pack. */
function mark(object: unknown): void {
  if (object instanceof PDFStream) object.dict.set(PDFName.of('BriefingPackTest'), PDFNumber.of(1));
  else if (object instanceof PDFDict) object.set(PDFName.of('BriefingPackTest'), PDFNumber.of(1));
  else if (object instanceof PDFArray) object.push(PDFNumber.of(0));
  else throw new Error(`no test change for ${String(object)}`);
}

describe('readsOf', () => {
  it('notes every object looked up by reference, by any path of pdf-lib, and only while it runs', async () => {
    const { body } = await fixture();
    const context = body.doc.context;
    const pagesRef = body.doc.catalog.get(PDFName.of('Pages')) as PDFRef;
    const { value, reads } = readsOf(context, () => body.doc.catalog.Pages().Kids().size());
    expect(value).toBe(3);
    expect(reads).toContain(pagesRef);
    // a dictionary's own lookup goes through the context too
    const first = (body.doc.catalog.Pages().Kids().asArray()[0] as PDFRef);
    expect(readsOf(context, () => body.doc.catalog.Pages().lookup(PDFName.of('Kids'), PDFArray).lookupMaybe(0, PDFDict)).reads).toContain(first);
    expect(Object.hasOwn(context, 'lookup')).toBe(false);
    expect(() => readsOf(context, () => Promise.resolve(1))).toThrow(/synchronous/);
    expect(Object.hasOwn(context, 'lookup')).toBe(false);
    expect(() => readsOf(context, () => readsOf(context, () => 1))).toThrow(/already/);
  });
});

describe('keptPack', () => {
  it('takes an update kept by an earlier run onto a body of another length that holds what it read: the bytes made anew', async () => {
    const f = await fixture();
    const first = await keptPack(parts(f), undefined, 'test', keyed);
    expect(first.taken).toBe(false);
    expect(Buffer.from(first.pdf).equals(Buffer.from((await madeAnew(f, f.body)).pdf))).toBe(true);
    // the last page says something longer: its content stream is not read by the update
    const longer = (await fixture(['one', 'two', 'three and more'])).body;
    expect(longer.base.bytes.length).not.toBe(f.body.base.bytes.length);
    const second = await keptPack(parts(f, longer), storeOf(first.kept), 'test', keyed);
    expect(second.taken).toBe(true);
    const anew = await madeAnew(f, longer);
    expect(Buffer.from(second.pdf).equals(Buffer.from(anew.pdf))).toBe(true);
    expect(Buffer.from(second.kept.bytes).equals(Buffer.from(first.kept.bytes))).toBe(true);
    for (const page of keyed(2)) expect(second.pageKeys.of(page)).toBe(anew.pageKeys.of(page));
    expect(second.pageKeys.document?.()).toBe(anew.pageKeys.document?.());
    await withPdf(second.pdf, async (doc) => expect((await pageTexts(doc)).map((t) => t.replace(/\s+/g, ''))).toEqual(['cover', 'contents', 'oneChiba', 'twoChiba', 'threeandmoreChiba']));
  });

  it('makes the update again when the body’s first page, whose key it keeps, draws otherwise, or when the front matter is another', async () => {
    const f = await fixture();
    const first = await keptPack(parts(f), undefined, 'test', keyed);
    const other = (await fixture(['uno', 'two', 'three'])).body;
    const again = await keptPack(parts(f, other), storeOf(first.kept), 'test', keyed);
    expect(again.taken).toBe(false);
    expect(Buffer.from(again.pdf).equals(Buffer.from((await madeAnew(f, other)).pdf))).toBe(true);
    const front = (await part(['cover', 'contents!'], { toc: 2, 'prog-01': 1 }, { tagged: true, title: 'pack of Chiba' })).base.bytes;
    expect((await keptPack(parts({ ...f, front }), storeOf(first.kept), 'test', keyed)).taken).toBe(false);
    // another salt (other code) is another key
    expect((await keptPack(parts(f), storeOf(first.kept), 'other code', keyed)).taken).toBe(false);
  });

  it('is right for every object of the body: one the update read, changed, makes it again; one it did not, changed, leaves it taken and the pack as made anew', async () => {
    const f = await fixture();
    const first = await keptPack(parts(f), undefined, 'test', keyed);
    const reads = new Set(decodeUpdate(first.kept.bytes)!.reads.map(([n, g]) => PDFRef.of(n, g)));
    const objects = f.body.doc.context.enumerateIndirectObjects().map(([ref]) => ref);
    expect(reads.size).toBeGreaterThan(5);
    const unread: PDFRef[] = [];
    let refused = 0;
    for (const ref of objects) {
      const body = await changed(f.body, ref);
      const anew = await madeAnew(f, body).catch((err: Error) => err);
      const kept = await keptPack(parts(f, body), storeOf(first.kept), 'test', keyed).catch((err: Error) => err);
      if (anew instanceof Error) {
        // a change the assembly refuses (a key of the catalog or of the structure root it does not join) is refused taken or not
        expect(kept, `object ${ref.toString()}`).toEqual(anew);
        refused++;
        continue;
      }
      if (kept instanceof Error) throw kept;
      expect(Buffer.from(kept.pdf).equals(Buffer.from(anew.pdf)), `object ${ref.toString()}`).toBe(true);
      // the catalog is part of the key; every other object read is listed
      const read = reads.has(ref) || body.doc.catalog === body.doc.context.lookup(ref);
      expect(kept.taken, `object ${ref.toString()} ${read ? 'read' : 'not read'}`).toBe(!read);
      if (!read) unread.push(ref);
    }
    expect(refused).toBeLessThan(3);
    // what the update does not read: the content of the body's pages but the first's (whose key it keeps), and the stamp slot it fills
    const ownContent = (page: number) => (f.body.doc.getPages()[page]!.node.Contents() as PDFArray).asArray()[1];
    expect(unread.map(String).sort()).toEqual([ownContent(1), ownContent(2), f.slot.ref].map(String).sort());
  });

  it('makes again an update kept altered: not JSON, an object past the bytes kept', async () => {
    const f = await fixture();
    const first = await keptPack(parts(f), undefined, 'test', keyed);
    const text = Buffer.from(first.kept.bytes);
    const newline = text.indexOf(0x0a);
    const header = JSON.parse(text.subarray(0, newline).toString('utf8')) as { entries: [number, number, number][] };
    header.entries[0]![1] = text.length;
    for (const altered of [Buffer.from('not an update'), Buffer.concat([Buffer.from(JSON.stringify(header)), text.subarray(newline)])]) {
      expect(decodeUpdate(altered)).toBeNull();
      const again = await keptPack(parts(f), storeOf({ key: first.kept.key, bytes: altered }), 'test', keyed);
      expect(again.taken).toBe(false);
      expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    }
  });
});
