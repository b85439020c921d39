import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';
import { AssemblyError } from './pdf-objects.ts';

/** A PDF's bytes and where its last cross-reference section starts: what an update is appended to. */
export interface UpdateBase {
  bytes: Uint8Array;
  startxref: number;
  /** one more than its largest object number: the update's objects are numbered from here */
  size: number;
  /** the file identifier of its trailer, carried into the update's (ISO 32000-1, 7.5.6) */
  id?: PDFObject;
}

/**
 * Where the last cross-reference section of a PDF starts (`startxref N %%EOF`), if it is a
 * classic table (`xref`): the update's own section is one, and its /Prev must lead to one of the
 * same kind. A cross-reference stream is refused, not misread.
 */
export function startxrefOf(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new AssemblyError('the PDF does not end with startxref … %%EOF');
  const offset = Number(match[1]);
  if (Buffer.from(bytes.subarray(offset, offset + 4)).toString('latin1') !== 'xref') throw new AssemblyError('the PDF ends with a cross-reference stream, not a table: the assembly appends only to a table');
  return offset;
}

/**
 * `base` with an incremental update appended (ISO 32000-1, 7.5.6): every object of `update`
 * written after the base's bytes, a cross-reference section for them, and a trailer whose /Prev
 * leads back to the base's. An object numbered as one of the base's replaces it; the base's bytes
 * are kept as they are. The objects are written in the order of their numbers: the same objects
 * give the same bytes.
 */
export function appendUpdate(base: UpdateBase, update: PDFContext, trailer: { root: PDFRef; info?: PDFRef }): Uint8Array {
  const objects = update.enumerateIndirectObjects().sort(([a], [b]) => a.objectNumber - b.objectNumber);
  const chunks: Uint8Array[] = [base.bytes];
  let offset = base.bytes.length;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const text = (s: string) => push(Buffer.from(s, 'latin1'));
  if (base.bytes[base.bytes.length - 1] !== 0x0a) text('\n');
  const offsets: [number, number, number][] = [];
  for (const [ref, object] of objects) {
    offsets.push([ref.objectNumber, offset, ref.generationNumber]);
    text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    push(bytesOf(object));
    text('\nendobj\n');
  }
  const xref = offset;
  const size = Math.max(base.size, ...objects.map(([ref]) => ref.objectNumber + 1));
  // every number of the update below /Size has an entry: one its objects left unused (a copied dictionary the assembly replaced) is free
  const written = new Set(offsets.map(([n]) => n));
  for (let n = base.size; n < size; n++) if (!written.has(n)) offsets.push([n, 0, -1]);
  offsets.sort((a, b) => a[0] - b[0]);
  const lines = ['xref'];
  for (let i = 0; i < offsets.length; ) {
    let j = i;
    while (j + 1 < offsets.length && offsets[j + 1]![0] === offsets[j]![0] + 1) j++;
    lines.push(`${offsets[i]![0]} ${j - i + 1}`);
    for (let k = i; k <= j; k++) {
      const [, at, generation] = offsets[k]!;
      lines.push(generation < 0 ? '0000000000 00001 f\r' : `${String(at).padStart(10, '0')} ${String(generation).padStart(5, '0')} n\r`);
    }
    i = j + 1;
  }
  const info = trailer.info ? ` /Info ${trailer.info.toString()}` : '';
  const id = base.id ? ` /ID ${base.id.toString()}` : '';
  text(`${lines.join('\n')}\ntrailer\n<< /Size ${size} /Root ${trailer.root.toString()}${info}${id} /Prev ${base.startxref} >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

function bytesOf(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}
