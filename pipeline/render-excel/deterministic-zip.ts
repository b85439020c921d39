import JSZip from 'jszip';
import { deterministicZip } from '../lib/zip.ts';

/**
 * The same archive with fixed entry dates, a stable entry order and DEFLATE, so that the same
 * content always gives the same bytes (exceljs stamps every entry with the current time).
 */
export async function repackZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]!.dir)
    .sort(entryOrder);
  return deterministicZip(await Promise.all(names.map(async (name) => ({ name, content: await source.files[name]!.async('uint8array') }))), date);
}

/** [Content_Types].xml first, as Office writes it; then by code unit, independent of the locale. */
function entryOrder(a: string, b: string): number {
  const first = '[Content_Types].xml';
  if (a === first || b === first) return a === first ? (b === first ? 0 : -1) : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
