import type { Briefing, Program } from '../../schemas/briefing.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import { budgetChanges, capChanges, contactChanges, seriesChanges } from './figures.ts';
import { matchPrograms } from './programs.ts';

const ref = (p: Program) => ({ no: p.no, name: p.name, at: p.at });

/** Compare two parsed editions by meaning: programs, budgets, caps, series and contacts. Pure. */
export function diffEditions(from: Briefing, to: Briefing): EditionDiff {
  const { matches, added, removed } = matchPrograms(from.programs, to.programs);
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
    budgets: budgetChanges(from, to, matches),
    caps: capChanges(from, to, matches),
    series: seriesChanges(from, to, matches),
    contacts: contactChanges(matches),
  };
}
