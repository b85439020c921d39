import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { formatEraYear } from '../units/era.ts';
import { budgetSummaries } from './budget-section.ts';
import { canonicalMarkdown } from './canonical.ts';
import { heading, inline, link, table, toFragment, type Inline } from './mdast.ts';
import { PROGRAMS_DIR, type ProgramDocument } from './program-document.ts';
import { sourceSection } from './source-section.ts';
import { compileTemplate, markdownTemplates } from './templates.ts';

export const INDEX_PATH = `${PROGRAMS_DIR}/index.md` as const;

/** What templates/markdown/index.hbs is given. */
export interface IndexView {
  title: string;
  briefingTitle: string;
  fiscalYear: number;
  generatedAt: string;
  programs: string;
  summary: string;
  source: string;
}

let template: ((view: IndexView) => string) | null = null;

/** The list of program documents: number, name linked to its document, departments, budgets, checks. */
export function renderIndexDocument(
  briefing: Briefing,
  report: ValidationReport,
  manifest: Manifest,
  docs: ProgramDocument[],
): { path: typeof INDEX_PATH; markdown: string } {
  template ??= compileTemplate<IndexView>(markdownTemplates(), 'index');
  const byProgram = new Map(briefing.programs.map((p) => [p.no, p]));
  const rows = docs.map((doc): Inline[] => {
    const program = byProgram.get(doc.program);
    const v = doc.frontMatter.validation;
    return [
      doc.program,
      // documents sit next to index.md: the link is the file name alone
      [link(doc.title, doc.path.split('/').pop()!)],
      program?.departments.map((d) => d.name).join('、') ?? '',
      budgetSummaries(briefing.budgets.filter((b) => b.program === doc.program)) || '記載なし',
      `整合 ${v.passed}・不整合 ${v.failed}・既知 ${v.acknowledged}`,
    ];
  });
  const columns = [{ header: 'No.' }, { header: '施策名' }, { header: '担当課室' }, { header: '予算' }, { header: '検証' }];
  const totals = report.summary;
  const markdown = canonicalMarkdown(
    template({
      title: toFragment(heading(1, `施策別資料 一覧（${formatEraYear(briefing.fiscalYear)}）`)),
      briefingTitle: inline(manifest.title),
      fiscalYear: briefing.fiscalYear,
      generatedAt: manifest.generatedAt,
      programs: toFragment(table(columns, rows)),
      summary: inline(`検証（validation.json 全体）: 整合 ${totals.checksPassed}件、不整合 ${totals.checksFailed}件、既知の不整合 ${totals.acknowledged}件、エラー ${totals.errors}件、警告 ${totals.warnings}件。`),
      source: toFragment(sourceSection(briefing, manifest, briefing.slides)),
    }),
  );
  return { path: INDEX_PATH, markdown };
}
