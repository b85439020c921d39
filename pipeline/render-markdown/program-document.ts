import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ProgramFrontMatter } from '../../schemas/program-document.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { breakdownSection } from './breakdown-section.ts';
import { budgetTable } from './budget-section.ts';
import { canonicalMarkdown } from './canonical.ts';
import { checksSection } from './checks-section.ts';
import { contactsSection } from './contacts-section.ts';
import { programFileStems } from './file-names.ts';
import { frontMatterYaml, programFrontMatter } from './front-matter.ts';
import { heading, inline, toFragment } from './mdast.ts';
import { measureTable } from './measure-section.ts';
import { overviewSection } from './overview-section.ts';
import { programFigures } from './program-figures.ts';
import { seriesSection } from './series-section.ts';
import { sourceSection } from './source-section.ts';
import { compileTemplate, markdownTemplates } from './templates.ts';

export interface ProgramDocument {
  /** program number as in the contact list: "1", "21-③" */
  program: string;
  /** path relative to the edition folder: "programs/01-chiiki-okoshi-kyoryokutai.md" */
  path: string;
  title: string;
  /** the whole file, front matter included */
  markdown: string;
  frontMatter: ProgramFrontMatter;
}

/** What templates/markdown/program.hbs is given: Markdown fragments, and plain numbers for the helpers. */
export interface ProgramView {
  frontMatter: string;
  title: string;
  programNo: string;
  briefingTitle: string;
  fiscalYear: number;
  generatedAt: string;
  overview: string;
  budgets: string;
  measures: string;
  series: string;
  breakdowns: string;
  checks: string;
  contacts: string;
  source: string;
}

export const PROGRAMS_DIR = 'programs';

let template: ((view: ProgramView) => string) | null = null;

/**
 * One Markdown document per program of the contact list, in that order. Pure: the same briefing,
 * report and manifest give the same bytes; nothing is read but the templates, nothing written.
 */
export function renderProgramDocuments(briefing: Briefing, report: ValidationReport, manifest: Manifest): ProgramDocument[] {
  template ??= compileTemplate<ProgramView>(markdownTemplates(), 'program');
  const programs = [...briefing.programs].sort((a, b) => a.order - b.order);
  const stems = programFileStems(programs);
  return programs.map((program, i) => {
    const stem = stems[i]!;
    const figures = programFigures(briefing, report, program);
    const frontMatter = programFrontMatter(briefing, manifest, figures, stem);
    const markdown = canonicalMarkdown(
      template!({
        frontMatter: frontMatterYaml(frontMatter),
        title: toFragment(heading(1, program.name)),
        programNo: inline(program.no),
        briefingTitle: inline(manifest.title),
        fiscalYear: briefing.fiscalYear,
        generatedAt: manifest.generatedAt,
        overview: toFragment(overviewSection(figures)),
        budgets: toFragment(budgetTable(figures.budgets)),
        measures: toFragment(measureTable(figures.measures)),
        series: toFragment(seriesSection(figures.series, stem)),
        breakdowns: toFragment(breakdownSection(figures.breakdowns)),
        checks: toFragment(checksSection(figures.checks)),
        contacts: toFragment(contactsSection(program)),
        source: toFragment(sourceSection(briefing, manifest, figures.slides)),
      }),
    );
    return { program: program.no, path: `${PROGRAMS_DIR}/${stem}.md`, title: program.name, markdown, frontMatter };
  });
}
