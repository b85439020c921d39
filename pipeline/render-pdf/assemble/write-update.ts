import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';
import { AssemblyError } from './pdf-objects.ts';

/** A PDF's bytes and where its last cross-reference section starts: what an update is appended to. */
export interface UpdateBase {
  bytes: Uint8Array;
  startxref: number;
  /** one more than its largest object number: the update's objects are numbered from here */
  size: number;
}

/** The cross-reference offset a PDF ends with (`startxref N %%EOF`). */
export function startxrefOf(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new AssemblyError('the PDF does not end with startxref … %%EOF');
  return Number(match[1]);
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
  const offsets: [number, number][] = [];
  for (const [ref, object] of objects) {
    offsets.push([ref.objectNumber, offset]);
    text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    push(bytesOf(object));
    text('\nendobj\n');
  }
  const xref = offset;
  const lines = ['xref'];
  for (let i = 0; i < offsets.length; ) {
    let j = i;
    while (j + 1 < offsets.length && offsets[j + 1]![0] === offsets[j]![0] + 1) j++;
    lines.push(`${offsets[i]![0]} ${j - i + 1}`);
    for (let k = i; k <= j; k++) lines.push(`${String(offsets[k]![1]).padStart(10, '0')} 00000 n\r`);
    i = j + 1;
  }
  const size = Math.max(base.size, ...objects.map(([ref]) => ref.objectNumber + 1));
  const info = trailer.info ? ` /Info ${trailer.info.toString()}` : '';
  text(`${lines.join('\n')}\ntrailer\n<< /Size ${size} /Root ${trailer.root.toString()}${info} /Prev ${base.startxref} >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

function bytesOf(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}
