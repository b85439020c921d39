import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { formatEraDate, formatEraYear } from '../units/era.ts';
import { budgetRows } from '../views/figure-rows.ts';
import { slideRanges } from '../views/slide-ranges.ts';
import { canonicalMarkdown } from './canonical.ts';
import { heading, inline, link, table, toFragment, type Inline } from './mdast.ts';
import { PROGRAMS_DIR } from '../views/file-names.ts';
import type { ProgramDocument } from './program-document.ts';
import { compileTemplate, markdownTemplates } from './templates.ts';
import { checkedText } from '../views/checked-text.ts';

export const INDEX_PATH = `${PROGRAMS_DIR}/index.md` as const;

/** What templates/markdown/index.hbs is given. */
export interface IndexView {
  title: string;
  briefingTitle: string;
  fiscalYear: number;
  generatedAt: string;
  programs: string;
  colophon: string;
}

let template: ((view: IndexView) => string) | null = null;

/** The list of program documents: number, name linked to its document, departments, budgets, slides. */
export function renderIndexDocument(briefing: Briefing, report: ValidationReport, manifest: Manifest, docs: readonly Pick<ProgramDocument, 'program' | 'path' | 'title'>[]): { path: typeof INDEX_PATH; markdown: string } {
  template ??= compileTemplate<IndexView>(markdownTemplates(), 'index');
  const byProgram = new Map(briefing.programs.map((p) => [p.no, p]));
  const rows = docs.map((doc): Inline[] => {
    const program = byProgram.get(doc.program);
    const budgets = budgetRows(briefing.budgets.filter((b) => b.program === doc.program)).own;
    return [
      doc.program,
      // documents sit next to index.md: the link is the file name alone
      [link(doc.title, doc.path.split('/').pop()!)],
      program?.departments.map((d) => d.name).join('、') ?? '',
      budgets.map((b) => `${b.label} ${b.amount}${b.notes.some((n) => n.includes('内数')) ? '（内数）' : ''}`).join('、') || '記載なし',
      program ? slideRanges(program.slides) : '',
    ];
  });
  const columns = [{ header: 'No.' }, { header: '施策名' }, { header: '担当課室' }, { header: '予算' }, { header: 'スライド' }];
  const s = report.summary;
  const markdown = canonicalMarkdown(
    template({
      title: toFragment(heading(1, `施策別資料 一覧（${formatEraYear(briefing.fiscalYear)}）`)),
      briefingTitle: inline(manifest.title),
      fiscalYear: briefing.fiscalYear,
      generatedAt: formatEraDate(manifest.generatedAt),
      programs: toFragment(table(columns, rows)),
      colophon: inline(checkedText({ passed: s.checksPassed, acknowledged: s.acknowledged })),
    }),
  );
  return { path: INDEX_PATH, markdown };
}
