import JSZip from 'jszip';

/** One file of an archive; `store` keeps it uncompressed (a PDF or a workbook is compressed already). */
export interface ZipEntry {
  name: string;
  content: Uint8Array | string;
  store?: boolean;
}

/**
 * A zip whose bytes depend only on its entries: entries in the order given, every entry dated
 * `date` (DOS time, no extra timestamps), DEFLATE level 6 unless stored. Folders are implied by
 * the names, never added as entries.
 */
export async function deterministicZip(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const e of entries) {
    // a Node Buffer would be copied into a Uint8Array byte by byte in JavaScript: JSZip is handed a plain view of it
    const content = typeof e.content === 'string' ? e.content : new Uint8Array(e.content.buffer, e.content.byteOffset, e.content.byteLength);
    zip.file(e.name, content, { date, binary: typeof e.content !== 'string', createFolders: false, compression: e.store ? 'STORE' : 'DEFLATE', compressionOptions: e.store ? null : { level: 6 } });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/**
 * The date a build stamps on archive entries: its generatedAt at midnight UTC. JSZip writes DOS
 * times from the UTC fields, so the bytes are the same in every time zone.
 */
export function archiveDate(generatedAt: string): Date {
  return new Date(`${generatedAt}T00:00:00Z`);
}
