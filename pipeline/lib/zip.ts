import { crc32 } from 'node:zlib';
import pako from 'pako';

/** One file of an archive; `store` keeps it uncompressed (a PDF or a workbook is compressed already). */
export interface ZipEntry {
  name: string;
  content: Uint8Array | string;
  store?: boolean;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const DIRECTORY_END = 0x06054b50;
/** the fields of ZIP 2.0 this writes: no ZIP64, so no entry, offset or count beyond them */
const LIMIT = { bytes: 0xffffffff, entries: 0xffff, name: 0xffff };

/**
 * A zip whose bytes depend only on its entries: entries in the order given, every entry dated
 * `date` (DOS time from its UTC fields, no extra timestamps), DEFLATE level 6 unless stored.
 * Folders are implied by the names, never added as entries. The bytes are those JSZip writes
 * for the same entries (DOS platform, pako's DEFLATE): the checksums of the delivery did not
 * change with the writer. Written here over Node's CRC-32, not with JSZip: JSZip computes it in
 * JavaScript, some 5 ms for each pack's megabyte, a quarter of a second for a delivery's 47 zips.
 */
export async function deterministicZip(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  if (entries.length > LIMIT.entries) throw new Error(`a zip of ${entries.length} entries needs ZIP64, which this writer does not write`);
  const [time, day] = dosDateTime(date);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const utf8Of = new TextEncoder();
  let offset = 0;
  for (const entry of entries) {
    const content = typeof entry.content === 'string' ? utf8Of.encode(entry.content) : entry.content;
    // an empty file is stored, as JSZip stores it
    const stored = entry.store === true || content.byteLength === 0;
    const data = stored ? content : pako.deflateRaw(content, { level: 6 });
    const name = utf8Of.encode(entry.name);
    if (content.byteLength > LIMIT.bytes || offset > LIMIT.bytes || name.byteLength > LIMIT.name) throw new Error(`${entry.name}: too large for a zip without ZIP64`);
    // a name beyond ASCII is flagged UTF-8 and repeated in an Info-ZIP Unicode Path field, as JSZip writes it
    const utf8 = name.byteLength !== entry.name.length;
    const extra = utf8 ? unicodePath(name) : new Uint8Array(0);
    const header = fields([2, 10], [2, utf8 ? 0x0800 : 0], [2, stored ? 0 : 8], [2, time], [2, day], [4, crc32(content)], [4, data.byteLength], [4, content.byteLength], [2, name.byteLength], [2, extra.byteLength]);
    locals.push(fields([4, LOCAL_HEADER]), header, name, extra, data);
    // made by DOS 2.0; no comment, disk 0, no attributes
    centrals.push(fields([4, CENTRAL_HEADER], [2, 0x0014]), header, fields([2, 0], [2, 0], [2, 0], [4, 0], [4, offset]), name, extra);
    offset += 30 + name.byteLength + extra.byteLength + data.byteLength;
  }
  const directory = centrals.reduce((n, part) => n + part.byteLength, 0);
  if (offset > LIMIT.bytes || directory > LIMIT.bytes) throw new Error('the archive is too large for a zip without ZIP64');
  const end = fields([4, DIRECTORY_END], [2, 0], [2, 0], [2, entries.length], [2, entries.length], [4, directory], [4, offset], [2, 0]);
  return concat([...locals, ...centrals, end]);
}

/**
 * The date a build stamps on archive entries: its generatedAt at midnight UTC. DOS times are
 * written from the UTC fields, so the bytes are the same in every time zone.
 */
export function archiveDate(generatedAt: string): Date {
  return new Date(`${generatedAt}T00:00:00Z`);
}

/** DOS time and date of `date`'s UTC fields (two-second steps, years from 1980). */
function dosDateTime(date: Date): [number, number] {
  const year = date.getUTCFullYear();
  if (!(year >= 1980 && year <= 2107)) throw new Error(`a zip entry cannot be dated ${date.toISOString()}: DOS dates run from 1980 to 2107`);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return [time, day];
}

/** The Info-ZIP Unicode Path extra field (0x7075): version 1, the CRC-32 of the name as in the header, the name. */
function unicodePath(name: Uint8Array): Uint8Array {
  return concat([fields([2, 0x7075], [2, 5 + name.byteLength], [1, 1], [4, crc32(name)]), name]);
}

/** Little-endian fields of 1, 2 or 4 bytes. */
function fields(...values: readonly (readonly [1 | 2 | 4, number])[]): Uint8Array {
  const bytes = new Uint8Array(values.reduce((n, [size]) => n + size, 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [size, value] of values) {
    if (size === 1) view.setUint8(at, value);
    else if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value >>> 0, true);
    at += size;
  }
  return bytes;
}

/** The parts one after the other, as a plain view (a Buffer of a few bytes shares Node's pool: its view says where it is). */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  const joined = Buffer.concat(parts);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}
