import JSZip from 'jszip';

/**
 * The same archive with fixed entry dates, a stable entry order and DEFLATE, so that the same
 * content always gives the same bytes (exceljs stamps every entry with the current time).
 */
export async function repackZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]!.dir)
    .sort(entryOrder);
  const out = new JSZip();
  for (const name of names) {
    out.file(name, await source.files[name]!.async('uint8array'), { date, binary: true, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** [Content_Types].xml first, as Office writes it; then by code unit, independent of the locale. */
function entryOrder(a: string, b: string): number {
  const first = '[Content_Types].xml';
  if (a === first || b === first) return a === first ? (b === first ? 0 : -1) : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
