import { DeliveryManifest, type DeliveryFolder } from '../../schemas/delivery.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import { sha256Once, sha256Sums } from '../lib/checksums.ts';
import { archiveDate, deterministicZip } from '../lib/zip.ts';
import { DELIVERY_DIR, deliveryFiles } from '../views/delivery-files.ts';

export { DeliveryManifest, type DeliveryFolder } from '../../schemas/delivery.ts';

/** One prefecture's share of a build: its pack and its cover letter. */
export interface DeliveryInput {
  id: string;
  recipient: string;
  prefectureCode: number;
  pack: Uint8Array;
  letter: Uint8Array;
}

const encode = (text: string) => new TextEncoder().encode(text);
const sumsFile = (files: readonly { name: string; content: Uint8Array }[]) => sha256Sums(files.map((f) => ({ name: f.name, sha256: sha256Once(f.content) })));

/**
 * The delivery of an edition, paths relative to its output folder: for each prefecture
 * delivery/<NN>-<prefecture>/ with its pack, the workbook, its cover letter and a SHA256SUMS of
 * the three; delivery/<NN>-<prefecture>.zip of that folder; delivery/manifest.json listing every
 * folder and zip with sizes and checksums, and delivery/SHA256SUMS over the zips and the manifest.
 * Pure and byte-stable: the same inputs give the same bytes (zip entries dated generatedAt).
 */
export async function assembleDelivery(manifest: Manifest, workbook: Uint8Array, prefectures: readonly DeliveryInput[]): Promise<{ path: string; content: Uint8Array }[]> {
  const date = archiveDate(manifest.generatedAt);
  const out: { path: string; content: Uint8Array }[] = [];
  const folders: DeliveryFolder[] = [];
  for (const p of prefectures) {
    const names = deliveryFiles(p.id);
    const files = [
      { name: names.pack, content: p.pack },
      { name: names.workbook, content: workbook },
      { name: names.letter, content: p.letter },
    ];
    const withSums = [...files, { name: names.sums, content: encode(sumsFile(files)) }];
    const zip = await deterministicZip(
      withSums.map((f) => ({ name: `${names.folder}/${f.name}`, content: f.content, store: f.name !== names.sums })),
      date,
    );
    for (const f of withSums) out.push({ path: `${DELIVERY_DIR}/${names.folder}/${f.name}`, content: f.content });
    out.push({ path: `${DELIVERY_DIR}/${names.zip}`, content: zip });
    folders.push({
      id: p.id,
      recipient: p.recipient,
      prefectureCode: p.prefectureCode,
      folder: names.folder,
      files: withSums.map((f) => ({ path: `${names.folder}/${f.name}`, bytes: f.content.byteLength, sha256: sha256Once(f.content) })),
      zip: { path: names.zip, bytes: zip.byteLength, sha256: sha256Once(zip) },
    });
  }
  const json = encode(
    JSON.stringify(DeliveryManifest.parse({ schemaVersion: 1, edition: manifest.edition, title: manifest.title, generatedAt: manifest.generatedAt, folders }), null, 2) + '\n',
  );
  out.push({ path: `${DELIVERY_DIR}/manifest.json`, content: json });
  const top = [...folders.map((f) => ({ name: f.zip.path, content: out.find((o) => o.path === `${DELIVERY_DIR}/${f.zip.path}`)!.content })), { name: 'manifest.json', content: json }];
  out.push({ path: `${DELIVERY_DIR}/SHA256SUMS`, content: encode(sumsFile(top)) });
  return out;
}
