import type { Briefing, Program } from '../../schemas/briefing.ts';
import type { EditionDiff, FigureChange } from '../../schemas/diff.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { compareFigures, contactFigures } from './figures.ts';
import { figuresByKind, type DiffKindName, type LineText } from './kinds.ts';
import { matchPrograms } from './programs.ts';
import { compareSentences, programSentences } from './sentences.ts';

const ref = (p: Program) => ({ no: p.no, id: p.id, name: p.name, at: p.at });

/** The slide a place of an edition stands on. */
const slideAt = (b: Briefing, at: Provenance | null): number | null => (at ? (b.slides.find((s) => s.startLine <= at.line && at.line <= s.endLine)?.index ?? null) : null);

/** An edition to compare: the parsed briefing and, where known, the text of its lines (dates are keyed by their words). */
export interface DiffSide {
  briefing: Briefing;
  lineText?: LineText;
}

/**
 * Compare two parsed editions by meaning: programs by their stable id (then by name), and every
 * figure kind of the briefing — budgets, caps with their components and previous caps, rates,
 * shares, series, breakdowns, quantities, table and sheet cells, dates, place counts — by keys
 * without numbers, contacts, and the sentences of the slides. A new program's figures are listed
 * as added. Every side of a change names the slide of its edition it stands on. Pure.
 */
export function diffEditions(fromSide: Briefing | DiffSide, toSide: Briefing | DiffSide): EditionDiff {
  const a = 'briefing' in fromSide ? fromSide : { briefing: fromSide };
  const b = 'briefing' in toSide ? toSide : { briefing: toSide };
  const from = a.briefing;
  const to = b.briefing;
  const { matches, added, removed } = matchPrograms(from.programs, to.programs);
  const pairs: { before: Program | null; after: Program }[] = [...matches, ...added.map((p) => ({ before: null, after: p }))].sort((x, y) => x.after.order - y.after.order);
  const sides = pairs.map((m) => ({
    program: { name: m.after.name, id: m.after.id, no: m.after.no },
    before: m.before ? figuresByKind(from, m.before, a.lineText ?? null) : null,
    after: figuresByKind(to, m.after, b.lineText ?? null),
  }));
  // the slide of each side's figure, from its own edition
  const placed = (changes: FigureChange[]): FigureChange[] =>
    changes.map((c) => ({ ...c, before: c.before && { ...c.before, slide: slideAt(from, c.before.at) }, after: c.after && { ...c.after, slide: slideAt(to, c.after.at) } }));
  const kind = (name: DiffKindName): FigureChange[] => placed(sides.flatMap((s) => compareFigures(s.program, s.before?.[name] ?? [], s.after[name])));
  return {
    schemaVersion: 1,
    from: { edition: from.edition, fiscalYear: from.fiscalYear, file: from.source.file },
    to: { edition: to.edition, fiscalYear: to.fiscalYear, file: to.source.file },
    programs: {
      added: added.map(ref),
      removed: removed.map(ref),
      renamed: matches.filter((m) => m.renamed).map((m) => ({ before: ref(m.before), after: ref(m.after) })),
      renumbered: matches.filter((m) => !m.renamed && m.before.no !== m.after.no).map((m) => ({ before: ref(m.before), after: ref(m.after) })),
    },
    budgets: kind('budgets'),
    caps: kind('caps'),
    rates: kind('rates'),
    shares: kind('shares'),
    series: kind('series'),
    breakdowns: kind('breakdowns'),
    quantities: kind('quantities'),
    tables: kind('tables'),
    sheets: kind('sheets'),
    dates: kind('dates'),
    places: kind('places'),
    contacts: placed(matches.flatMap((m) => compareFigures({ name: m.after.name, id: m.after.id, no: m.after.no }, contactFigures(m.before), contactFigures(m.after)))),
    // a new program is listed as new, not sentence by sentence; a removed one likewise
    sentences: placed(
      pairs.flatMap((m) => (m.before ? compareSentences({ name: m.after.name, id: m.after.id, no: m.after.no }, programSentences(from, m.before), programSentences(to, m.after)) : [])),
    ),
  };
}
