import type { Briefing } from '../../schemas/briefing.ts';
import type { LoadedChecks } from './checks-file.ts';
import type { SourceLines } from './source-lines.ts';

/** The briefing, its lines (text and, where known, raw lines and PDF pages) and the checks file. */
export interface ValidateInput extends Pick<SourceLines, 'lineText'>, Partial<Omit<SourceLines, 'lineText'>> {
  briefing: Briefing;
  checks: LoadedChecks | null;
}
