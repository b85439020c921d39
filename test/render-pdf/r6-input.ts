import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { parseR6, r6Manifest } from '../helpers/r6.ts';
import { validateText } from '../helpers/validate.ts';

export interface R6PackInput {
  briefing: Briefing;
  report: ValidationReport;
  manifest: Manifest;
}

let cached: Promise<R6PackInput> | null = null;

/** What renderPacks is given in a build of the bundled R6 briefing: the parse and the validation. */
export function r6PackInput(): Promise<R6PackInput> {
  cached ??= (async () => {
    const { briefing } = await parseR6();
    const report = await validateText();
    const manifest = await r6Manifest();
    return { briefing, report, manifest };
  })();
  return cached;
}
