import { sha256Once, sha256, sha256Sums } from '../lib/checksums.ts';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { PackTarget } from './pack-plan.ts';
import { PacksManifest, type PackEntry } from '../../schemas/packs.ts';

/** A rendered pack as the distribution lists it. */
export interface PackInfo {
  id: string;
  path: string;
  recipient: string | null;
  prefectureCode: number | null;
  pages: number;
  bytes: number;
  sha256: string;
  mentions: number;
}

export function packInfo(target: PackTarget, pdf: Uint8Array, pages: number, mentions: number): PackInfo {
  return {
    id: target.id,
    path: target.path,
    recipient: target.prefecture?.name ?? null,
    prefectureCode: target.prefecture?.code ?? null,
    pages,
    bytes: pdf.byteLength,
    sha256: sha256Once(pdf),
    mentions,
  };
}

/**
 * The distribution manifest: packs.json (schema in schemas/packs.ts), packs.md for people, and
 * SHA256SUMS over the PDFs and both, in the format `sha256sum -c` reads. Pure: the same packs
 * give the same bytes.
 */
export function distributionFiles(packs: readonly PackInfo[], briefing: Briefing, manifest: Manifest): { path: string; content: string }[] {
  const entries: PackEntry[] = packs.map((p) => ({
    id: p.id,
    recipient: p.recipient,
    prefectureCode: p.prefectureCode,
    mentions: p.mentions,
    files: [{ path: p.path, bytes: p.bytes, sha256: p.sha256, pages: p.pages }],
  }));
  const json =
    JSON.stringify(
      PacksManifest.parse({
        schemaVersion: 1,
        edition: manifest.edition,
        title: manifest.title,
        fiscalYear: manifest.fiscalYear,
        generatedAt: manifest.generatedAt,
        source: { file: briefing.source.file, sha256: briefing.source.sha256 },
        packs: entries,
      }),
      null,
      2,
    ) + '\n';
  const markdown = packsMarkdown(packs, manifest);
  const sums = sha256Sums([...packs.map((p) => ({ name: p.path, sha256: p.sha256 })), { name: 'packs.json', sha256: sha256(json) }, { name: 'packs.md', sha256: sha256(markdown) }]);
  return [
    { path: 'packs.json', content: json },
    { path: 'packs.md', content: markdown },
    { path: 'SHA256SUMS', content: sums },
  ];
}

function packsMarkdown(packs: readonly PackInfo[], manifest: Manifest): string {
  const rows = packs.map((p) => `| ${p.recipient ?? '全国版'} | ${p.path} | ${p.pages} | ${p.bytes.toLocaleString('en-US')} | ${p.recipient ? p.mentions : '—'} | \`${p.sha256}\` |`);
  return [
    `# ${manifest.title} PDF資料一覧`,
    '',
    `作成日 ${manifest.generatedAt}。各ファイルの SHA-256 は SHA256SUMS にもあります（\`sha256sum -c SHA256SUMS\` で確認できます）。`,
    '',
    '| 宛先 | ファイル | ページ | バイト | 関係する記載 | SHA-256 |',
    '| --- | --- | --: | --: | --: | --- |',
    ...rows,
    '',
  ].join('\n');
}
