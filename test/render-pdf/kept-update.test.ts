import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, ParseSpeeds } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assembledPack, loadPdf, withObjectStreams, type LoadedPdf, type StampSlot } from '../../pipeline/render-pdf/assemble/index.ts';
import { decodeUpdate, keptPack, type UpdateStore } from '../../pipeline/render-pdf/assemble/kept-update.ts';
import { readsOf } from '../../pipeline/render-pdf/assemble/reads.ts';
import { pageTexts, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';
import { partBytes } from '../../pipeline/render-pdf/two-pass.ts';
import { part, slotted, stampsOf } from '../helpers/pdf-parts.ts';

/** the front matter's pages and the body's first, as the packs' check reads them */
const keyed = (frontPages: number) => Array.from({ length: frontPages + 1 }, (_, i) => i + 1);
/** a store of these updates, for the code named 'test' (or `salt`) */
const storeOf = (...kept: { key: string; bytes: Uint8Array }[]): UpdateStore => saltedStore('test', ...kept);
const saltedStore = (salt: string, ...kept: { key: string; bytes: Uint8Array }[]): UpdateStore => {
  const held = new Map(kept.map((k) => [k.key, k.bytes]));
  return { salt, get: async (key) => held.get(key) ?? null };
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
  const { body, slot } = await slotted(await richBody(words), stamps);
  const front = await part(['cover', 'contents'], { toc: 2, 'prog-01': 1 }, { tagged: true, title: 'pack of Chiba' });
  return { front: front.base.bytes, stamps, slot, body };
}

/**
 * A body with what the assembly reads of one: structure elements under its Document (with ids,
 * a parent tree and an ID tree), an outline whose entries lead to a page and to a name, named
 * destinations, a language — besides its pages.
 */
async function richBody(words: readonly string[]): Promise<LoadedPdf> {
  const loaded = await part(words, { 'prog-01': 1, contacts: 3 }, { tagged: true });
  const { doc } = loaded;
  const c = doc.context;
  const pages = doc.getPages();
  const rootRef = doc.catalog.get(PDFName.of('StructTreeRoot')) as PDFRef;
  const root = c.lookup(rootRef, PDFDict);
  const documentRef = root.get(PDFName.of('K')) as PDFRef;
  const element = (id: string, page: number) => c.register(c.obj({ Type: 'StructElem', S: 'P', P: documentRef, Pg: pages[page]!.ref, K: 0, ID: PDFString.of(id) }));
  const [first, last] = [element('node-1', 0), element('node-2', 2)];
  c.lookup(documentRef, PDFDict).set(PDFName.of('K'), c.obj([first, last]));
  pages[0]!.node.set(PDFName.of('StructParents'), PDFNumber.of(0));
  pages[2]!.node.set(PDFName.of('StructParents'), PDFNumber.of(1));
  root.set(PDFName.of('ParentTree'), c.register(c.obj({ Nums: [0, c.register(c.obj([first])), 1, c.obj([last])] })));
  root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(2));
  root.set(PDFName.of('IDTree'), c.register(c.obj({ Names: [PDFString.of('node-1'), first, PDFString.of('node-2'), last] })));
  const outlineRef = c.nextRef();
  const [one, three] = [c.nextRef(), c.nextRef()];
  c.assign(one, c.obj({ Title: PDFString.of('one'), Parent: outlineRef, Next: three, Dest: [pages[0]!.ref, 'XYZ', 0, 200, 0], SE: first }));
  c.assign(three, c.obj({ Title: PDFString.of('three'), Parent: outlineRef, Prev: one, Dest: PDFString.of('contacts') }));
  c.assign(outlineRef, c.obj({ Type: 'Outlines', First: one, Last: three, Count: 2 }));
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('ja'));
  return loadPdf(await doc.save({ useObjectStreams: false }));
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

/** `body` read again from its bytes, `change` made to the object `ref`, written as a build writes a body (object streams) and read back; null when it cannot be written or read so. */
async function changed(body: LoadedPdf, ref: PDFRef | null, change: Change = mark): Promise<LoadedPdf | null> {
  const doc = await PDFDocument.load(body.base.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  if (ref) change(doc.context, ref);
  // read back from what was written: the document is what its bytes hold
  return withObjectStreams(doc)
    .then((written) => loadPdf(written.base.bytes))
    .catch(() => null);
}

type Change = (context: PDFContext, ref: PDFRef) => void;

/** Something added to an object that changes what it holds. */
const mark: Change = (context, ref) => {
  const object = context.lookup(ref);
  if (object instanceof PDFStream) object.dict.set(PDFName.of('BriefingPackTest'), PDFNumber.of(1));
  else if (object instanceof PDFDict) object.set(PDFName.of('BriefingPackTest'), PDFNumber.of(1));
  else if (object instanceof PDFArray) object.push(PDFNumber.of(0));
  else context.assign(ref, PDFNumber.of(7));
};
/** The object gone. */
const drop: Change = (context, ref) => void context.delete(ref);
/** A stream's bytes other (a byte more), or a dictionary's entry of another value. */
const alter: Change = (context, ref) => {
  const object = context.lookup(ref);
  if (object instanceof PDFRawStream) context.assign(ref, PDFRawStream.of(object.dict, Buffer.concat([object.contents, Buffer.from(' ')])));
  else if (object instanceof PDFDict) object.set(PDFName.of(object.keys()[0]?.decodeText() ?? 'X'), PDFNumber.of(0));
  else mark(context, ref);
};

/** What each object of a document holds, as text: to tell that an assembly left it as it was. */
const holdings = (doc: PDFDocument) =>
  doc.context.enumerateIndirectObjects().map(([ref, object]) => `${ref.toString()} ${object instanceof PDFRawStream ? `${object.dict.toString()} ${Buffer.from(object.contents).toString('hex')}` : object.toString()}`);

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
    const first = await keptPack(parts(f), storeOf(), keyed);
    expect(first.taken).toBe(false);
    expect(Buffer.from(first.pdf).equals(Buffer.from((await madeAnew(f, f.body)).pdf))).toBe(true);
    // the last page says something longer: its content stream is not read by the update
    const longer = (await fixture(['one', 'two', 'three and more'])).body;
    expect(longer.base.bytes.length).not.toBe(f.body.base.bytes.length);
    const second = await keptPack(parts(f, longer), storeOf(first.kept), keyed);
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
    const first = await keptPack(parts(f), storeOf(), keyed);
    const other = (await fixture(['uno', 'two', 'three'])).body;
    const again = await keptPack(parts(f, other), storeOf(first.kept), keyed);
    expect(again.taken).toBe(false);
    expect(Buffer.from(again.pdf).equals(Buffer.from((await madeAnew(f, other)).pdf))).toBe(true);
    const front = (await part(['cover', 'contents!'], { toc: 2, 'prog-01': 1 }, { tagged: true, title: 'pack of Chiba' })).base.bytes;
    expect((await keptPack(parts({ ...f, front }), storeOf(first.kept), keyed)).taken).toBe(false);
    // another salt (other code) is another key
    expect((await keptPack(parts(f), saltedStore('other code', first.kept), keyed)).taken).toBe(false);
  });

  it('is right for every object of the body and every change to it: one the update read makes it again; one it did not leaves it taken, the pack and its page keys as made anew', async () => {
    const f = await fixture();
    const before = holdings(f.body.doc);
    const first = await keptPack(parts(f), storeOf(), keyed);
    // the assembly only reads the body
    expect(holdings(f.body.doc)).toEqual(before);
    const reads = new Set(decodeUpdate(first.kept.bytes)!.reads.map(([n, g]) => PDFRef.of(n, g)));
    const objects = f.body.doc.context.enumerateIndirectObjects().map(([ref]) => ref);
    const catalog = objects.find((ref) => f.body.doc.context.lookup(ref) === f.body.doc.catalog)!;
    expect(reads.size).toBeGreaterThan(15);
    const unread = new Set<string>();
    let refused = 0;
    for (const change of [mark, drop, alter]) {
      for (const ref of objects) {
        const body = await changed(f.body, ref, change);
        if (!body) continue;
        const anew = await madeAnew(f, body).catch((err: Error) => err);
        const kept = await keptPack(parts(f, body), storeOf(first.kept), keyed).catch((err: Error) => err);
        const what = `${change === mark ? 'marked' : change === drop ? 'dropped' : 'altered'} ${ref.toString()}`;
        if (anew instanceof Error) {
          // a body the assembly refuses (a key of the catalog or of the structure root it does not join, an element or the catalog gone) is refused, taken or not
          expect(kept, what).toBeInstanceOf(Error);
          refused++;
          continue;
        }
        if (kept instanceof Error) throw kept;
        expect(Buffer.from(kept.pdf).equals(Buffer.from(anew.pdf)), what).toBe(true);
        for (const page of keyed(2)) expect(kept.pageKeys.of(page), `${what}: page ${page}`).toBe(anew.pageKeys.of(page));
        expect(kept.pageKeys.document?.(), what).toBe(anew.pageKeys.document?.());
        // the catalog is part of the key; every other object read is listed
        const read = reads.has(ref) || ref === catalog;
        expect(kept.taken, `${what}: ${read ? 'read' : 'not read'}`).toBe(!read);
        if (!read) unread.add(ref.toString());
      }
    }
    expect(refused).toBeGreaterThan(0);
    // what the update does not read: the content of the body's pages but the first's (whose key it keeps), the stamp slot it fills, the parent tree's values
    const ownContent = (page: number) => (f.body.doc.getPages()[page]!.node.Contents() as PDFArray).asArray()[1];
    const parentTree = f.body.doc.context.lookup(f.body.doc.context.lookup(f.body.doc.catalog.get(PDFName.of('StructTreeRoot')) as PDFRef, PDFDict).get(PDFName.of('ParentTree')) as PDFRef, PDFDict);
    const values = parentTree.lookup(PDFName.of('Nums'), PDFArray).asArray().filter((v) => v instanceof PDFRef);
    expect([...unread].sort()).toEqual([ownContent(1), ownContent(2), f.slot.ref, ...values].map(String).sort());
  });

  it('makes again an update kept altered: not JSON, no reads listed, an object cut short, past the bytes kept or numbered twice, a /Size below the body’s', async () => {
    const f = await fixture();
    const first = await keptPack(parts(f), storeOf(), keyed);
    const text = Buffer.from(first.kept.bytes);
    const newline = text.indexOf(0x0a);
    const header = () => JSON.parse(text.subarray(0, newline).toString('utf8')) as { reads: unknown[]; entries: [number, number, number][]; size: number };
    const withHeader = (edit: (h: ReturnType<typeof header>) => void, objects = text.subarray(newline)) => {
      const h = header();
      edit(h);
      return Buffer.concat([Buffer.from(JSON.stringify(h)), objects]);
    };
    const altered = [
      Buffer.from('not an update'),
      withHeader((h) => (h.reads = [])),
      withHeader(() => undefined, text.subarray(newline, text.length - 40)),
      withHeader((h) => (h.entries[0]![1] = text.length)),
      withHeader((h) => h.entries.push([...h.entries[0]!])),
      withHeader((h) => (h.entries[0]![2] = 0x10000)),
    ];
    for (const bytes of altered) {
      expect(decodeUpdate(bytes)).toBeNull();
      const again = await keptPack(parts(f), storeOf({ key: first.kept.key, bytes }), keyed);
      expect(again.taken).toBe(false);
      expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    }
    // a /Size below the body's: decoded, but not taken onto it
    const small = withHeader((h) => ((h.size = 1), (h.entries = []), (h.reads = [[1, 0, 'x']])), Buffer.from('\n'));
    expect((await keptPack(parts(f), storeOf({ key: first.kept.key, bytes: small }), keyed)).taken).toBe(false);
  });
});
