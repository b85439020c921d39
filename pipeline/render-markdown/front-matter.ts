import YAML from 'yaml';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import { ProgramFrontMatter } from '../../schemas/program-document.ts';
import { formatEraYear } from '../units/era.ts';
import { validationSummary } from './checks-section.ts';
import { chartSource } from './file-names.ts';
import type { ProgramFigures } from './program-figures.ts';

/** The front matter of a program document, validated against its schema (a failure is a bug here, not in the source). */
export function programFrontMatter(briefing: Briefing, manifest: Manifest, f: ProgramFigures, stem: string): ProgramFrontMatter {
  const p = f.program;
  return ProgramFrontMatter.parse({
    program: p.no,
    order: p.order,
    title: p.name,
    edition: briefing.edition,
    fiscalYear: briefing.fiscalYear,
    eraLabel: formatEraYear(briefing.fiscalYear),
    generatedAt: manifest.generatedAt,
    // the manifest's relative path: the briefing's may be absolute and would differ between machines
    // The whole-file checksum lives in briefing.json and the packs: a program document depends
    // only on its own slides, so that editing one program leaves the other documents alone.
    source: { file: manifest.source.file },
    departments: p.departments.map((d) => ({ name: d.name, people: d.people, phones: d.phones })),
    slidePhones: p.slidePhones.map((s) => ({ phone: s.phone, slide: s.slide, line: s.at.line })),
    budgets: f.budgets.map((b) => ({
      id: b.id,
      label: b.label,
      kind: b.kind,
      fiscalYear: b.fiscalYear,
      yen: b.amount.yen,
      printed: b.amount.printed,
      approximate: b.amount.approximate,
      partOf: b.partOf,
      slide: b.slide,
      line: b.at.line,
    })),
    measures: f.measures.map((m) => ({
      id: m.id,
      item: m.item,
      kind: m.kind,
      capYen: m.cap?.yen ?? null,
      capPrinted: m.cap?.printed ?? null,
      perUnit: m.perUnit,
      perYear: m.perYear,
      rate: m.rate,
      previousYen: m.previous?.yen ?? null,
      components: m.components.map((c) => ({ label: c.label, yen: c.amount.yen, printed: c.amount.printed })),
      slide: m.slide,
      line: m.at.line,
    })),
    charts: f.series.map((s) => ({ series: s.id, label: s.label, unit: s.unit, src: chartSource(stem, s.id) })),
    slides: f.slides.map((s) => ({ index: s.index, printedPage: s.printedPage, title: s.title, startLine: s.startLine, endLine: s.endLine })),
    validation: validationSummary(f.checks),
  });
}

/** YAML without line folding or anchors, so that the same object always gives the same bytes. */
export function frontMatterYaml(frontMatter: ProgramFrontMatter): string {
  return YAML.stringify(frontMatter, { lineWidth: 0, aliasDuplicateObjects: false }).replace(/\n+$/, '');
}
