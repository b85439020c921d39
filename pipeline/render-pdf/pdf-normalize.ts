/**
 * Makes a Chromium PDF depend only on its content, so that a rerun gives the same bytes and the
 * same SHA256SUMS: the creation and modification dates become the manifest's generatedAt, and
 * the structure element ids (Chromium numbers them by DOM node, which counts up for the life of
 * the browser) are renumbered by rank. Every replacement keeps its length, so the cross-reference
 * offsets stay valid; streams are not touched.
 */
export function normalizePdf(pdf: Uint8Array, generatedAt: string): Uint8Array {
  const digits = generatedAt.replace(/-/g, '') + '000000';
  if (!/^\d{14}$/.test(digits)) throw new Error(`generatedAt must be YYYY-MM-DD, got "${generatedAt}"`);
  let text = Buffer.from(pdf).toString('latin1');
  text = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_, key: string) => `/${key} (D:${digits}`);
  const ids = [...new Set([...text.matchAll(/\(node(\d+)\)/g)].map((m) => m[1]!))].sort(byNumber);
  const rank = new Map(ids.map((id, i) => [id, String(i + 1).padStart(id.length, '0')]));
  text = text.replace(/\(node(\d+)\)/g, (whole, id: string) => (rank.get(id)!.length === id.length ? `(node${rank.get(id)})` : whole));
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function byNumber(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
