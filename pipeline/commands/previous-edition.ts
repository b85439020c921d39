import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { VFile } from 'vfile';
import type { Briefing } from '../../schemas/briefing.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import { hashOf } from '../build/build-state.ts';
import { codeHash } from '../build/code-hash.ts';
import { diffEditions } from '../diff/index.ts';
import { sha256 } from '../lib/checksums.ts';
import { BriefingError, InputError } from '../lib/errors.ts';
import { exists } from '../lib/fs.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';
import { resolveSource, type ResolvedSource } from '../source.ts';
import { sourceLines } from '../validate/source-lines.ts';
import { parseEdition } from './diff.ts';

/** The previous edition the manifest names: a cheap fingerprint for the cache key, the comparison only when it is rendered. */
export interface PreviousEdition {
  fingerprint: string;
  changes(): Promise<EditionDiff | null>;
}

/**
 * The edition to list the changes since — `--since`, else the one the manifest names as previous
 * (sources/<previous>/ beside this edition's folder, else the project's): its manifest and source bytes key the outputs that list the
 * changes; the comparison itself (a parse of last year's briefing) runs only when such an output
 * is rendered, so a rebuild with nothing new parses nothing. One that cannot be read is a warning:
 * the outputs leave the changes out.
 */
export async function previousEdition(resolved: ResolvedSource, briefing: Briefing, text: string, file: VFile, since?: string): Promise<PreviousEdition | null> {
  const previous = since ?? resolved.manifest.previous;
  if (!previous) return null;
  const named = since ? `--since ${previous}` : `the previous edition "${previous}" that manifest.yaml names`;
  const where = since ? '(command line)' : (resolved.manifestPath ?? resolved.sourcePath);
  if (!/^[a-z][0-9a-z-]*$/.test(previous)) throw new InputError(`--since takes an edition id such as r6, not "${previous}"`, { file: where, ruleId: 'previous-edition' });
  if (previous === resolved.manifest.edition) throw new InputError(`${named} is this edition itself: nothing to compare`, { file: where, ruleId: 'previous-edition' });
  const skip = (why: string) => {
    // asked for on the command line: a typo must not print packs that say nothing changed
    if (since) throw new InputError(`${named} cannot be read (${why})`, { file: where, ruleId: 'previous-edition' });
    const msg = file.message(`${named} cannot be read (${why}): the outputs list no changes (no 変更点 sheet, no 前年度からの主な変更点)`, { ruleId: 'previous-edition', source: 'briefing-build' });
    msg.fatal = false;
    return null;
  };
  const refused = (err: unknown) => {
    if (err instanceof BriefingError) return skip(err.message);
    throw err;
  };
  // an edition folder, never a folder of the working directory that happens to bear the id (out/r6)
  const folders = [...(resolved.manifestPath ? [join(dirname(dirname(resolved.manifestPath)), previous)] : []), join(PROJECT_ROOT, 'sources', previous)];
  const folder = (await Promise.all(folders.map(async (f) => ((await exists(join(f, 'manifest.yaml'))) ? f : null)))).find((f) => f !== null);
  if (!folder) return skip(`no sources/${previous}/manifest.yaml`);
  let last: ResolvedSource;
  let sourceHash: string;
  try {
    last = await resolveSource(folder);
    sourceHash = sha256(await readFile(last.sourcePath));
  } catch (err) {
    return refused(err);
  }
  if (last.manifest.fiscalYear >= resolved.manifest.fiscalYear) return skip(`its fiscal year ${last.manifest.fiscalYear} is not before this edition's ${resolved.manifest.fiscalYear}`);
  // its manifest and source, and the code that reads and compares it (the parser, the diff)
  const fingerprint = hashOf(last.manifest, sourceHash, codeHash(['pipeline/commands/previous-edition.ts']));
  let compared: Promise<EditionDiff | null> | null = null;
  const changes = () => (compared ??= parseEdition(folder).then((from) => diffEditions(from, { briefing, lineText: sourceLines({ text }).lineText }), refused));
  return { fingerprint, changes };
}

