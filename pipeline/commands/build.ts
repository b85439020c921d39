import { join } from 'node:path';
import type { VFile } from 'vfile';
import { Briefing } from '../../schemas/briefing.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { renderContactsWorkbook } from '../render-excel/index.ts';
import { writeOutputs, type OutputFile } from '../write.ts';
import { readAndValidate } from './validate.ts';

export interface BuildOptions {
  source?: string;
  checks?: string;
  out: string;
  /** write even when the validation found errors */
  force?: boolean;
}

export interface BuildResult {
  file: VFile;
  briefing: Briefing;
  report: ValidationReport;
  outDir: string;
  written: string[];
  unchanged: string[];
  /** true when errors stopped the build before anything was written */
  refused: boolean;
}

/** read → parse → validate → render → write, in that order: nothing is written before all is known. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { resolved, file, briefing: parsed, report } = await readAndValidate(options);
  const briefing = Briefing.parse(parsed);
  const outDir = join(options.out, resolved.manifest.edition);
  if (report.summary.errors > 0 && !options.force) {
    return { file, briefing, report, outDir, written: [], unchanged: [], refused: true };
  }
  const files: OutputFile[] = [
    { path: 'briefing.json', content: JSON.stringify(briefing, null, 2) + '\n' },
    { path: 'validation.json', content: JSON.stringify(report, null, 2) + '\n' },
    { path: 'contacts.xlsx', content: await renderContactsWorkbook(briefing, resolved.manifest) },
  ];
  const { written, unchanged } = await writeOutputs(outDir, files);
  return { file, briefing, report, outDir, written, unchanged, refused: false };
}
