import { VFile } from 'vfile';
import type { Briefing } from '../../schemas/briefing.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import { diffEditions } from '../diff/index.ts';
import { parseBriefing } from '../parse/index.ts';
import { readSource, resolveSource } from '../source.ts';
import { displayPath } from '../lib/display-path.ts';

async function parseEdition(source: string): Promise<Briefing> {
  const resolved = await resolveSource(source);
  const file = new VFile({ path: displayPath(resolved.sourcePath) });
  return parseBriefing(await readSource(resolved, file), file);
}

/** Parse two editions and compare them by meaning. */
export async function diffSources(from: string, to: string): Promise<EditionDiff> {
  const [a, b] = await Promise.all([parseEdition(from), parseEdition(to)]);
  return diffEditions(a, b);
}
