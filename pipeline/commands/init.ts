import { sha256 as sha256Of } from '../lib/checksums.ts';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Manifest } from '../../schemas/manifest.ts';
import { InputError } from '../lib/errors.ts';
import { VFile } from 'vfile';
import { displayPath } from '../lib/display-path.ts';
import { parseBriefing } from '../parse/index.ts';
import { readSource, readSourceBytes, resolveSource, type ResolvedSource } from '../source.ts';
import type { SelectContext } from '../validate/select.ts';
import { sourceLines } from '../validate/source-lines.ts';
import { reanchorChecks, type Reanchored } from './reanchor.ts';
import { programsReview, updatePrograms } from './init-programs.ts';
import { toEraYear, toWesternYear } from '../units/era.ts';

export interface InitOptions {
  edition: string;
  from: string;
  source?: string;
  fiscalYear?: number;
  /** folder that holds the editions (default: ./sources) */
  root?: string;
}

/**
 * Start a new edition from the knowledge of the last one: a manifest for the new fiscal year
 * (aliases and page rules carried over, to review) and a copy of its checks file to edit.
 */
export async function initEdition(options: InitOptions): Promise<{ dir: string; files: string[] }> {
  const dir = resolve(options.root ?? 'sources', options.edition);
  if (await stat(dir).catch(() => null)) {
    throw new InputError('the edition folder exists already; nothing was changed', { file: dir, ruleId: 'init-exists' });
  }
  const previous = await resolveSource(options.from);
  if (!previous.manifestPath) throw new InputError('the edition to start from has no manifest', { file: options.from, ruleId: 'init-from' });
  const fiscalYear = options.fiscalYear ?? fiscalYearOf(options.edition);
  const { era, eraYear } = toEraYear(fiscalYear);
  if (era !== '令和' && era !== '平成') throw new InputError(`fiscal year ${fiscalYear} is out of range`, { file: options.edition, ruleId: 'init-year' });

  let sha256: string | null = null;
  let sourceFile = 'briefing.txt';
  // the new briefing is read before anything is created: a refused source leaves no half edition
  const bytes = options.source ? await readSourceBytes(options.source) : null;
  if (options.source && bytes) {
    sourceFile = `briefing${basename(options.source).match(/\.[a-z]+$/i)?.[0] ?? '.txt'}`;
    sha256 = sha256Of(bytes);
  }
  const old = previous.manifest;
  const manifest: Manifest = {
    ...old,
    edition: options.edition,
    title: old.title.replace(/令和\s*(元|\d+)\s*年度/, `令和${eraYear}年度`),
    fiscalYear,
    era: { name: era, year: eraYear },
    source: { file: sourceFile, sha256 },
    generatedAt: `${fiscalYear}-04-01`,
    previous: old.edition,
  };
  const checksPath = join(dirname(previous.manifestPath), 'checks.yaml');
  const checksText = (await stat(checksPath).catch(() => null)) ? await readFile(checksPath, 'utf8') : null;
  // with the new briefing (parsed before anything is written): the programs matched to the last
  // edition's ids, and the copied checks re-read against it
  let reanchored: Reanchored | null = null;
  if (options.source) {
    const last = await parseEdition(previous, previous.sourcePath);
    const nextSource = (m: Manifest): ResolvedSource => ({ manifest: m, manifestPath: null, sourcePath: options.source! });
    const first = await parseEdition(nextSource(manifest), join(dir, sourceFile));
    const programs = updatePrograms(last.briefing.programs, old.programs, first.briefing.programs);
    manifest.programs = programs.entries;
    // parsed again: the programs' aliases decide which slides are whose
    const next = await parseEdition(nextSource(manifest), join(dir, sourceFile));
    const removed = new Set(programs.removed.map((e) => e.id));
    const section = (dropped: readonly string[]) => programsReview(programs, dropped);
    if (checksText !== null) {
      reanchored = reanchorChecks(checksText, checksPath, last, next, removed, section);
    } else {
      reanchored = { text: '', dropped: [], review: ['# Edition review', '', ...section([])].join('\n') };
    }
  }

  const files: string[] = [];
  await mkdir(dir, { recursive: true });
  if (options.source && bytes) {
    await writeFile(join(dir, sourceFile), bytes);
    files.push(sourceFile);
  }
  const header = `# Manifest of the ${fiscalYear} edition, started from ${old.edition} by \`briefing init\`.\n# Review programs (new ones need an id and a slug) and notPageStarts against the new briefing${options.source ? '' : `; add the source as ${sourceFile}`}.\n`;
  await writeFile(join(dir, 'manifest.yaml'), header + stringify(manifest, { lineWidth: 0 }));
  files.push('manifest.yaml');
  if (checksText !== null) {
    await writeFile(join(dir, 'checks.yaml'), reanchored ? reanchored.text : checksText);
    files.push('checks.yaml');
  }
  if (reanchored) {
    await writeFile(join(dir, 'checks-review.md'), reanchored.review);
    files.push('checks-review.md');
  }
  return { dir, files };
}

async function parseEdition(resolved: ResolvedSource, path: string): Promise<SelectContext> {
  const file = new VFile({ path: displayPath(path) });
  const input = await readSource(resolved, file);
  return { briefing: parseBriefing(input, file), constants: {}, ...sourceLines(input) };
}

function fiscalYearOf(edition: string): number {
  const m = /^r(\d{1,2})$/.exec(edition);
  if (!m) throw new InputError('cannot tell the fiscal year from the edition name: use --fiscal-year', { file: edition, ruleId: 'init-year' });
  return toWesternYear('令和', Number(m[1]));
}
