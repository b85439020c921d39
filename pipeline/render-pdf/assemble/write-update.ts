import { PDFStream, type PDFContext, type PDFObject, type PDFRef } from 'pdf-lib';
import { AssemblyError } from './pdf-objects.ts';

/** A PDF's bytes and where its last cross-reference section starts: what an update is appended to. */
export interface UpdateBase {
  bytes: Uint8Array;
  startxref: number;
  /** the kind of its last cross-reference section: the update's is of the same kind, its /Prev leading there */
  xref: 'table' | 'stream';
  /** one more than its largest object number: the update's objects are numbered from here */
  size: number;
  /** the file identifier of its trailer, carried into the update's (ISO 32000-1, 7.5.6) */
  id?: PDFObject;
}

/**
 * Where the last cross-reference section of a PDF starts (`startxref N %%EOF`), whether it is a
 * table (`xref … trailer <<…>>`) or a stream (`N 0 obj << /Type /XRef …`), and the /Size it gives:
 * the numbers below it are taken (object streams and the cross-reference stream among them, which
 * a parser need not register as objects).
 */
export function lastXref(bytes: Uint8Array): { startxref: number; xref: 'table' | 'stream'; size: number } {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new AssemblyError('the PDF does not end with startxref … %%EOF');
  const startxref = Number(match[1]);
  const section = Buffer.from(bytes.subarray(startxref, bytes.length)).toString('latin1');
  const kind = section.startsWith('xref') ? 'table' : /^\d+\s+\d+\s+obj\s*<<[^>]*\/Type\s*\/XRef/.test(section) ? 'stream' : null;
  if (!kind) throw new AssemblyError(`startxref ${startxref} leads to no cross-reference section`);
  const dictionary = kind === 'table' ? section.slice(section.lastIndexOf('trailer')) : section;
  const size = /\/Size\s+(\d+)/.exec(dictionary);
  if (!size) throw new AssemblyError('the last cross-reference section gives no /Size');
  return { startxref, xref: kind, size: Number(size[1]) };
}

export type Entry = [number: number, offset: number, generation: number];

/**
 * An incremental update's objects, written, and what its cross-reference section needs: each
 * object's offset from the start of `objects` (a number of the update its objects left unused is
 * free: generation -1), the trailer's /Size, /Root and /Info. It depends on the base only through
 * its /Size: put after any base of that /Size (appendSection), it gives the same update.
 */
export interface UpdateSection {
  objects: Uint8Array;
  entries: Entry[];
  size: number;
  root: PDFRef;
  info?: PDFRef;
}

/** The objects of `update` written in the order of their numbers, for a base of /Size `baseSize`: the same objects give the same bytes. */
export function updateSection(baseSize: number, update: PDFContext, trailer: { root: PDFRef; info?: PDFRef }): UpdateSection {
  const objects = update.enumerateIndirectObjects().sort(([a], [b]) => a.objectNumber - b.objectNumber);
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const text = (s: string) => push(Buffer.from(s, 'latin1'));
  const entries: Entry[] = [];
  for (const [ref, object] of objects) {
    entries.push([ref.objectNumber, offset, ref.generationNumber]);
    text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    push(bytesOf(object));
    text('\nendobj\n');
  }
  const size = Math.max(baseSize, ...objects.map(([ref]) => ref.objectNumber + 1));
  const written = new Set(entries.map(([n]) => n));
  for (let n = baseSize; n < size; n++) if (!written.has(n)) entries.push([n, 0, -1]);
  return { objects: Buffer.concat(chunks), entries, size, root: trailer.root, ...(trailer.info ? { info: trailer.info } : {}) };
}

/**
 * `base` with an incremental update appended (ISO 32000-1, 7.5.6): the objects of `section`
 * (updateSection) written after the base's bytes, then a cross-reference section for them of the
 * base's kind — a table and trailer, or a cross-reference stream — whose /Prev leads back to the
 * base's, their offsets counted from the start of the file. An object numbered as one of the
 * base's replaces it; the base's bytes are kept as they are; a number of the update its objects
 * left unused is free. The same section after the same base gives the same bytes.
 */
export function appendSection(base: UpdateBase, section: UpdateSection): Uint8Array {
  if (section.size < base.size) throw new AssemblyError(`an update of /Size ${section.size} cannot follow a base of /Size ${base.size}`);
  const gap = base.bytes[base.bytes.length - 1] === 0x0a ? '' : '\n';
  const start = base.bytes.length + gap.length;
  const entries = section.entries.map(([n, at, generation]): Entry => [n, generation < 0 ? 0 : start + at, generation]);
  const size = section.size;
  const keys = `/Root ${section.root.toString()}${section.info ? ` /Info ${section.info.toString()}` : ''}${base.id ? ` /ID ${base.id.toString()}` : ''} /Prev ${base.startxref}`;
  const xref = start + section.objects.length;
  const chunks: Uint8Array[] = [base.bytes, Buffer.from(gap, 'latin1'), section.objects];
  const text = (s: string) => chunks.push(Buffer.from(s, 'latin1'));
  if (base.xref === 'table') {
    text(`${xrefTable(entries)}trailer\n<< /Size ${size} ${keys} >>\nstartxref\n${xref}\n%%EOF\n`);
  } else {
    // the stream is an object of the update too, numbered next, with an entry of its own
    entries.push([size, xref, 0]);
    const { index, data } = xrefStreamData(entries);
    text(`${size} 0 obj\n<< /Type /XRef /Size ${size + 1} /W [1 4 2] /Index [${index.join(' ')}] ${keys} /Length ${data.length} >>\nstream\n`);
    chunks.push(data);
    text(`\nendstream\nendobj\nstartxref\n${xref}\n%%EOF\n`);
  }
  return Buffer.concat(chunks);
}

/** Runs of consecutive object numbers, as a section's subsections list them. */
function subsections(entries: Entry[]): Entry[][] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const runs: Entry[][] = [];
  for (const entry of sorted) {
    const last = runs.at(-1);
    if (last && last.at(-1)![0] + 1 === entry[0]) last.push(entry);
    else runs.push([entry]);
  }
  return runs;
}

function xrefTable(entries: Entry[]): string {
  const lines = ['xref'];
  for (const run of subsections(entries)) {
    lines.push(`${run[0]![0]} ${run.length}`);
    for (const [, at, generation] of run) lines.push(generation < 0 ? '0000000000 00001 f\r' : `${String(at).padStart(10, '0')} ${String(generation).padStart(5, '0')} n\r`);
  }
  return `${lines.join('\n')}\n`;
}

/** A cross-reference stream's /Index and rows (ISO 32000-1, 7.5.8): type 1 with a 4-byte offset, or type 0 (free), and a 2-byte generation. */
function xrefStreamData(entries: Entry[]): { index: number[]; data: Uint8Array } {
  const runs = subsections(entries);
  const data = Buffer.alloc(entries.length * 7);
  let at = 0;
  for (const [, offset, generation] of runs.flat()) {
    if (offset > 0xffffffff) throw new AssemblyError('the pack is too large for a 4-byte offset');
    data.writeUInt8(generation < 0 ? 0 : 1, at);
    data.writeUInt32BE(generation < 0 ? 0 : offset, at + 1);
    data.writeUInt16BE(generation < 0 ? 1 : generation, at + 5);
    at += 7;
  }
  return { index: runs.flatMap((run) => [run[0]![0], run.length]), data };
}

/**
 * An object as pdf-lib writes it (copyBytesInto), made from its text and, for a stream, its data
 * copied whole: the same bytes, where pdf-lib measures every object before it writes it and
 * copies a stream's data a byte at a time (the fonts of each pack's front matter).
 */
export function bytesOf(object: PDFObject): Uint8Array {
  if (!(object instanceof PDFStream)) return Buffer.from(object.toString(), 'latin1');
  object.updateDict();
  return Buffer.concat([Buffer.from(`${object.dict.toString()}\nstream\n`, 'latin1'), object.getContents(), Buffer.from('\nendstream', 'latin1')]);
}
