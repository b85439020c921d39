import { isProgramKey, programKeysList, programNo } from '../validate/program-key.ts';
import { InputError } from '../lib/errors.ts';
import { compact, normalizeLine } from '../parse/normalize.ts';
import { FIGURE_KINDS, figureCatalog, type CatalogEntry, type FigureKind } from '../validate/catalog.ts';
import { sourceLines } from '../validate/source-lines.ts';
import { readAndParse, type Parsed } from './validate.ts';

export interface FiguresOptions {
  source?: string;
  /** only this program's figures ("13", "21-③") */
  program?: string;
  kind?: string;
  /** words that must all stand on the figure's line or in its label */
  near?: string;
}

/**
 * `briefing figures`: every figure a check can name, with a selector that names it alone — what
 * a checks author needs instead of reading briefing.json. The filters narrow the list; an
 * unknown program or kind is an input error, so that an empty list always means "no such figure".
 */
export async function listFigures(options: FiguresOptions): Promise<{ parsed: Parsed; entries: CatalogEntry[] }> {
  const kind = options.kind;
  if (kind !== undefined && !(FIGURE_KINDS as readonly string[]).includes(kind)) {
    throw new InputError(`unknown kind "${kind}": use ${FIGURE_KINDS.join(', ')}`, { file: '--kind', ruleId: 'cli-kind' });
  }
  const parsed = await readAndParse(options.source);
  const { briefing } = parsed;
  if (options.program !== undefined && !isProgramKey(briefing, options.program)) {
    throw new InputError(`no program "${options.program}" in ${briefing.edition}: its programs are ${programKeysList(briefing)}`, { file: '--program', ruleId: 'cli-program' });
  }
  const program = programNo(briefing, options.program);
  // the words as the lines are read: full-width digits and look-alikes folded the same way
  const near = (options.near ?? '').split(/[\s\u3000]+/).filter(Boolean).map((w) => compact(normalizeLine(w, 1).text));
  const entries = figureCatalog({ briefing, constants: {}, ...sourceLines(parsed.input) }).filter(
    (e) =>
      (program === undefined || e.program === program) &&
      (kind === undefined || e.kind === (kind as FigureKind)) &&
      near.every((w) => compact(`${e.line} ${e.label}`).includes(w)),
  );
  return { parsed, entries };
}
