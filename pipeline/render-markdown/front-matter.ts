import YAML from 'yaml';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import { ProgramFrontMatter } from '../../schemas/program-document.ts';
import { formatEraYear } from '../units/era.ts';
import type { ProgramView } from '../views/program-view.ts';
import { chartSource } from '../views/file-names.ts';

/**
 * The front matter of a program document: who it is, its slides and its key figures; every other
 * figure, with its source line, is in briefing.json. Validated against its schema (a failure is a
 * bug here, not in the source).
 */
export function programFrontMatter(briefing: Briefing, manifest: Manifest, view: ProgramView, stem: string): ProgramFrontMatter {
  const p = view.program;
  const budgets = briefing.budgets.filter((b) => view.budgets.own.some((r) => r.id === b.id));
  return ProgramFrontMatter.parse({
    program: p.no,
    order: p.order,
    title: p.name,
    edition: briefing.edition,
    fiscalYear: briefing.fiscalYear,
    eraLabel: formatEraYear(briefing.fiscalYear),
    generatedAt: manifest.generatedAt,
    // the manifest's relative path: the briefing's may be absolute and would differ between machines
    source: { file: manifest.source.file },
    slides: view.slides.map((s) => ({ index: s.index, title: s.title })),
    budgets: budgets.map((b) => ({ label: b.label, subject: b.subject, kind: b.kind, yen: b.amount.yen, printed: b.amount.printed, partOf: b.partOf, slide: b.slide })),
    charts: view.slides.flatMap((s) => s.blocks.flatMap((b) => b.charts.map((c) => ({ series: c.series.id, figure: c.figure.number, label: c.series.label, unit: c.series.unit, src: chartSource(stem, c.series.id) })))),
  });
}

/** YAML without line folding or anchors, so that the same object always gives the same bytes. */
export function frontMatterYaml(frontMatter: ProgramFrontMatter): string {
  return YAML.stringify(frontMatter, { lineWidth: 0, aliasDuplicateObjects: false }).replace(/\n+$/, '');
}
