import { sha256 } from './lib/checksums.ts';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { Manifest } from '../schemas/manifest.ts';
import { toWesternYear } from './units/era.ts';
import { InputError } from './lib/errors.ts';
import { decodeText, MAX_TEXT_BYTES } from './parse/ingest-text.ts';
import { MAX_PDF_BYTES, readPdfText, type PdfText } from './parse/ingest-pdf.ts';
import { loadManifest } from './manifest.ts';
import type { ParseInput } from './parse/index.ts';
import { exists } from './lib/fs.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { readBounded } from './lib/read-bounded.ts';

export { PROJECT_ROOT } from './lib/paths.ts';
export const DEFAULT_EDITION = 'r6';

export interface ResolvedSource {
  manifest: Manifest;
  manifestPath: string | null;
  sourcePath: string;
}

/**
 * What the user named: nothing (the bundled R6 briefing), an edition id ("r6"), a folder or a
 * manifest.yaml, or a .txt / .pdf file (with the manifest next to it, if there is one).
 */
export async function resolveSource(arg: string | undefined, cwd = process.cwd()): Promise<ResolvedSource> {
  const name = arg ?? DEFAULT_EDITION;
  const candidates = [resolve(cwd, name), join(PROJECT_ROOT, 'sources', name)];
  for (const path of candidates) {
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    if (info.isDirectory()) {
      const manifestPath = join(path, 'manifest.yaml');
      if (await exists(manifestPath)) return fromManifest(manifestPath);
      throw new InputError('the folder has no manifest.yaml', { file: path, ruleId: 'source-no-manifest' });
    }
    if (/\.ya?ml$/i.test(path)) return fromManifest(path);
    const sibling = join(dirname(path), 'manifest.yaml');
    if (await exists(sibling)) {
      const loaded = await loadManifest(sibling);
      if (resolve(loaded.sourcePath) === resolve(path)) return { manifest: loaded.manifest, manifestPath: sibling, sourcePath: path };
    }
    return { manifest: await inferManifest(path), manifestPath: null, sourcePath: path };
  }
  throw new InputError(`no such source: give a .txt or .pdf file, a folder with manifest.yaml, or an edition under sources/`, {
    file: name,
    ruleId: 'source-not-found',
  });
}

async function fromManifest(path: string): Promise<ResolvedSource> {
  const loaded = await loadManifest(path);
  return { manifest: loaded.manifest, manifestPath: path, sourcePath: loaded.sourcePath };
}


/**
 * A bare file without a manifest: the fiscal year is the one its "R6当初予算額" statements are
 * for, the publisher the bundled edition's; nothing else is guessed.
 */
async function inferManifest(path: string): Promise<Manifest> {
  const bytes = await readSourceBytes(path);
  const text = extname(path).toLowerCase() === '.pdf' ? (await readPdfOnce(bytes, path)).text : decodeText(bytes, path).text;
  const years = [...text.normalize('NFKC').matchAll(/(?:R|令和)\s*(\d{1,2})\s*(?:年度)?\s*当初予算/g)].map((m) => Number(m[1]));
  if (years.length === 0) {
    throw new InputError('cannot tell which fiscal year this briefing is for (no "R6当初予算額"-like statement); add a manifest.yaml next to it', {
      file: path,
      ruleId: 'source-fiscal-year',
    });
  }
  const eraYear = Math.max(...years);
  const fiscalYear = toWesternYear('令和', eraYear);
  return Manifest.parse({
    edition: `r${eraYear}`,
    title: basename(path),
    publisher: (await loadManifest(join(PROJECT_ROOT, 'sources', DEFAULT_EDITION, 'manifest.yaml'))).manifest.publisher,
    fiscalYear,
    era: { name: '令和', year: eraYear },
    source: { file: basename(path), sha256: sha256(bytes) },
    generatedAt: `${fiscalYear}-04-01`,
  });
}

/** The bytes of a source file: a regular file within the limit of its kind (text or PDF). */
export async function readSourceBytes(path: string): Promise<Uint8Array> {
  // Refuse an oversized file or a device before reading it, so memory and time stay bounded.
  const limit = extname(path).toLowerCase() === '.pdf' ? MAX_PDF_BYTES : MAX_TEXT_BYTES;
  return readBounded(path, limit, { noun: 'source', ruleId: 'source-read' });
}

/** Read and decode the source named by a resolved manifest. */
export async function readSource(resolved: ResolvedSource, file: VFile): Promise<ParseInput> {
  const bytes = await readSourceBytes(resolved.sourcePath);
  const sha = sha256(bytes);
  if (resolved.manifestPath && sha !== resolved.manifest.source.sha256) {
    const recorded = resolved.manifest.source.sha256;
    const why = recorded ? `the source changed since the manifest was written (sha256 ${sha.slice(0, 12)}…, manifest says ${recorded.slice(0, 12)}…)` : 'the manifest records no checksum yet';
    const msg = file.message(`${why}: set source.sha256 to ${sha} in ${resolved.manifestPath}`, {
      ruleId: 'source-checksum',
      source: 'briefing-ingest',
    });
    msg.fatal = false;
  }
  if (extname(resolved.sourcePath).toLowerCase() === '.pdf') {
    const pdf = await readPdfOnce(bytes, resolved.sourcePath);
    return { text: pdf.text, pages: pdf.pages, boxes: pdf.boxes, format: 'pdf', encoding: 'pdf', bytes, manifest: resolved.manifest };
  }
  const decoded = decodeText(bytes, resolved.sourcePath);
  return { text: decoded.text, format: 'text', encoding: decoded.encoding, bytes, manifest: resolved.manifest };
}

/**
 * A PDF read once per run: a bare PDF is read to tell its fiscal year, then read again as the
 * source — the same bytes (by checksum) give the same reading, kept for the last file.
 */
let lastPdf: { sha: string; read: Promise<PdfText> } | null = null;
function readPdfOnce(bytes: Uint8Array, path: string): Promise<PdfText> {
  const sha = sha256(bytes);
  if (lastPdf?.sha !== sha) lastPdf = { sha, read: readPdfText(bytes, path) };
  const read = lastPdf.read;
  read.catch(() => {
    if (lastPdf?.read === read) lastPdf = null;
  });
  return read;
}
