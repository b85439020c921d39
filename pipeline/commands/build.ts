import { join } from 'node:path';
import { VFile } from 'vfile';
import { Briefing } from '../../schemas/briefing.ts';
import { parseBriefing } from '../parse.ts';
import { readSource, resolveSource } from '../source.ts';
import { writeOutputs, type OutputFile } from '../write.ts';

export interface BuildOptions {
  source?: string;
  out: string;
}

export interface BuildResult {
  file: VFile;
  briefing: Briefing;
  outDir: string;
  written: string[];
  unchanged: string[];
}

/** read → parse → check the schema → write, in that order: nothing is written before all is known. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const resolved = await resolveSource(options.source);
  const file = new VFile({ path: resolved.sourcePath });
  const input = await readSource(resolved, file);
  const parsed = parseBriefing(input, file);
  const briefing = Briefing.parse(parsed);
  const outDir = join(options.out, resolved.manifest.edition);
  const files: OutputFile[] = [{ path: 'briefing.json', content: JSON.stringify(briefing, null, 2) + '\n' }];
  const { written, unchanged } = await writeOutputs(outDir, files);
  return { file, briefing, outDir, written, unchanged };
}
