import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { renderProgramDocuments, type ProgramDocument } from '../../pipeline/render-markdown/index.ts';
import { parseR6, r6Manifest } from '../helpers/r6.ts';
import { validateText } from '../helpers/validate.ts';

export interface R6PackInput {
  briefing: Briefing;
  report: ValidationReport;
  manifest: Manifest;
  documents: ProgramDocument[];
}

let cached: Promise<R6PackInput> | null = null;

/** What renderPacks is given in a build of the bundled R6 briefing: the parse, the validation, the program documents. */
export function r6PackInput(): Promise<R6PackInput> {
  cached ??= (async () => {
    const { briefing } = await parseR6();
    const report = await validateText();
    const manifest = await r6Manifest();
    return { briefing, report, manifest, documents: renderProgramDocuments(briefing, report, manifest) };
  })();
  return cached;
}
