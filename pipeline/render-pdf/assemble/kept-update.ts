import { PDFRef } from 'pdf-lib';
import { z } from 'zod';
import { hashOf } from '../../build/build-state.ts';
import { sha256Once } from '../../lib/checksums.ts';
import type { PageKeys } from '../page-readings.ts';
import { assembledUpdate, type AssembledPack, type LoadedPdf, type PackParts } from './index.ts';
import { objectDigest, readsOf } from './reads.ts';
import { appendSection, type Entry, type UpdateSection } from './write-update.ts';

/** A printed part known by its bytes, read for assembly only when it must be (load: once). */
export interface PartBytes {
  bytes: Uint8Array;
  load(): Promise<LoadedPdf>;
}

/** A pack's parts, its front matter known by its bytes. */
export interface KeptPackParts extends Omit<PackParts, 'front'> {
  front: { pdf: PartBytes; borrowed: ReadonlySet<string> };
}

/** Where updates made by an earlier run are found, by key; `salt` names the code that made them, and is part of every key (none without a store). */
export interface UpdateStore {
  salt: string;
  get(key: string): Promise<Uint8Array | null>;
}

export interface KeptPack extends AssembledPack {
  /** the update as kept, for the store of the next run */
  kept: { key: string; bytes: Uint8Array };
  /** whether it was taken from the store (not made in this run) */
  taken: boolean;
}

/**
 * A pack assembled (assembledPack), or its update taken from an earlier run and put after this
 * run's body. An update is kept with what it was made from: its key names the front matter's and
 * the stamps' bytes, the stamp slot, the links each part borrows, the body's catalog, /Size,
 * cross-reference kind and /ID; and it lists every object of the body the assembly looked up, with
 * the digest of what it held (readsOf). It is taken when the key is this pack's and every object
 * it lists holds the same in this body: the assembly would then read the same and write the same
 * bytes. Only the offsets move with the body's length: its cross-reference section is written
 * again (appendSection). The content hashes of the pages `keyed` names (given the front matter's
 * page count) and of the document are kept with it, made while the reads were noted; a page not
 * named has no key when the update is taken (it is read every time). The front matter is read
 * only when its update is made.
 */
export async function keptPack(parts: KeptPackParts, store: UpdateStore | undefined, keyed: (frontPages: number) => readonly number[]): Promise<KeptPack> {
  const key = updateKey(store?.salt ?? '', parts);
  const body = parts.body.pdf;
  const earlier = await store?.get(key);
  const record = earlier ? decodeUpdate(earlier) : null;
  if (record && record.section.size >= body.base.size && record.reads.every(([n, g, digest]) => objectDigest(body.doc.context, PDFRef.of(n, g)) === digest)) {
    return { pdf: appendSection(body.base, record.section), pageKeys: record.pageKeys, kept: { key, bytes: earlier! }, taken: true };
  }
  const front = await parts.front.pdf.load();
  const { value, reads } = readsOf(body.doc.context, () => {
    const made = assembledUpdate({ ...parts, front: { pdf: front, borrowed: parts.front.borrowed } });
    const pages = keyed(front.doc.getPageCount()).map((page) => [page, made.pageKeys.of(page)] as const);
    return { made, pages, document: made.pageKeys.document?.() ?? null };
  });
  const { section, pageKeys } = value.made;
  const header: UpdateHeader = {
    reads: reads.map((ref) => [ref.objectNumber, ref.generationNumber, objectDigest(body.doc.context, ref)]),
    entries: section.entries,
    size: section.size,
    root: [section.root.objectNumber, section.root.generationNumber],
    info: section.info ? [section.info.objectNumber, section.info.generationNumber] : null,
    keys: { count: pageKeys.count, pages: value.pages.map(([page, k]) => [page, k]), document: value.document },
  };
  const bytes = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), section.objects]);
  return { pdf: appendSection(body.base, section), pageKeys, kept: { key, bytes }, taken: false };
}

/** What an update is made from besides the objects of the body it reads. */
function updateKey(salt: string, parts: KeptPackParts): string {
  const { body, stamp } = parts;
  const sorted = (set: ReadonlySet<string>) => [...set].sort();
  return hashOf(
    salt,
    'pack update',
    sha256Once(parts.front.pdf.bytes),
    sorted(parts.front.borrowed),
    sorted(body.borrowed),
    stamp ? [sha256Once(stamp.pdf.base.bytes), stamp.page, stamp.slot.ref.toString(), stamp.slot.resources.toString(), stamp.slot.source] : null,
    parts.labelled !== false,
    [body.pdf.base.size, body.pdf.base.xref, body.pdf.base.id?.toString() ?? null],
    body.pdf.doc.catalog.toString(),
  );
}

const Ref = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const UpdateHeader = z.object({
  reads: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.string()])),
  entries: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().min(-1)])),
  size: z.number().int().positive(),
  root: Ref,
  info: Ref.nullable(),
  keys: z.object({ count: z.number().int().nonnegative(), pages: z.array(z.tuple([z.number().int().positive(), z.string().nullable()])), document: z.string().nullable() }),
});
type UpdateHeader = z.infer<typeof UpdateHeader>;

/**
 * Whether `objects` are the objects `entries` place, written whole: each number once, below /Size
 * and above 0, of a generation a cross-reference entry can hold; the objects one after the other
 * from the first byte to the last, each `n g obj` … `endobj` as updateSection writes it.
 */
function wholeObjects(entries: readonly Entry[], size: number, objects: Uint8Array): boolean {
  const numbers = new Set(entries.map(([n]) => n));
  if (numbers.size !== entries.length || entries.some(([n, , g]) => n <= 0 || n >= size || g > 0xffff)) return false;
  const used = entries.filter(([, , g]) => g >= 0).sort((a, b) => a[1] - b[1]);
  const text = (from: number, to: number) => Buffer.from(objects.subarray(from, to)).toString('latin1');
  return used.every(([n, at, g], i) => {
    const next = used[i + 1]?.[1] ?? objects.length;
    const head = `${n} ${g} obj\n`;
    return (i > 0 || at === 0) && next - at > head.length + 8 && text(at, at + head.length) === head && text(next - 8, next) === '\nendobj\n';
  });
}

/** An update as kept (a line of JSON, then its objects' bytes), or null for one that is not: it is made again. */
export function decodeUpdate(bytes: Uint8Array): { reads: UpdateHeader['reads']; section: UpdateSection; pageKeys: PageKeys } | null {
  const end = bytes.indexOf(0x0a);
  if (end < 0) return null;
  let header: UpdateHeader;
  try {
    header = UpdateHeader.parse(JSON.parse(Buffer.from(bytes.subarray(0, end)).toString('utf8')));
  } catch {
    return null;
  }
  const objects = bytes.subarray(end + 1);
  if (header.reads.length === 0 || !wholeObjects(header.entries, header.size, objects)) return null;
  const pages = new Map(header.keys.pages);
  const document = header.keys.document;
  return {
    reads: header.reads,
    section: { objects, entries: header.entries as Entry[], size: header.size, root: PDFRef.of(...header.root), ...(header.info ? { info: PDFRef.of(...header.info) } : {}) },
    pageKeys: { count: header.keys.count, of: (page) => pages.get(page) ?? null, document: () => document },
  };
}
