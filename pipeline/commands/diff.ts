import { VFile } from 'vfile';
import type { EditionDiff } from '../../schemas/diff.ts';
import { diffEditions, type DiffSide } from '../diff/index.ts';
import { parseBriefing } from '../parse/index.ts';
import { readSource, resolveSource } from '../source.ts';
import { displayPath } from '../lib/display-path.ts';
import { sourceLines } from '../validate/source-lines.ts';

/** An edition parsed for a comparison: its briefing and the text of its lines. */
export async function parseEdition(source: string): Promise<DiffSide> {
  const resolved = await resolveSource(source);
  const file = new VFile({ path: displayPath(resolved.sourcePath) });
  const input = await readSource(resolved, file);
  return { briefing: parseBriefing(input, file), lineText: sourceLines(input).lineText };
}

/** Parse two editions and compare them by meaning. */
export async function diffSources(from: string, to: string): Promise<EditionDiff> {
  const [a, b] = await Promise.all([parseEdition(from), parseEdition(to)]);
  return diffEditions(a, b);
}
