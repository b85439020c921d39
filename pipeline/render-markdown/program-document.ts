import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ProgramFrontMatter } from '../../schemas/program-document.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { programViews, type ProgramView } from '../views/program-view.ts';
import { blockNodes } from './blocks.ts';
import { canonicalMarkdown } from './canonical.ts';
import { chartSource, programDocumentPath, programFileStems } from '../views/file-names.ts';
import { frontMatterYaml, programFrontMatter } from './front-matter.ts';
import { heading, inline, toFragment } from './mdast.ts';
import { contactNodes, summaryNodes } from './summary-section.ts';
import { compileTemplate, markdownTemplates } from './templates.ts';
import { checkedText } from '../views/checked-text.ts';
import { changesNodes } from './changes-section.ts';
import { marksWithin, type ReaderChanges } from '../diff/entries.ts';
import type { MarksOf } from '../views/text-runs.ts';

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

/** What templates/markdown/program.hbs is given: Markdown fragments only. */
export interface ProgramTemplateView {
  frontMatter: string;
  title: string;
  lead: string;
  /** 前年度からの主な変更点: the program's changes, or one line without a previous edition */
  changes: string;
  slides: { heading: string; body: string }[];
  summary: string;
  contacts: string;
  colophon: string;
}


let template: ((view: ProgramTemplateView) => string) | null = null;

/** One document of a program, from its view. Pure. */
export function programDocument(briefing: Briefing, manifest: Manifest, view: ProgramView, stem: string, changes: ReaderChanges | null = null): ProgramDocument {
  template ??= compileTemplate<ProgramTemplateView>(markdownTemplates(), 'program');
  const p = view.program;
  const frontMatter = programFrontMatter(briefing, manifest, view, stem);
  const marksOf: MarksOf = changes ? (at) => marksWithin(changes.entries, at) : () => [];
  const markdown = canonicalMarkdown(
    template({
      frontMatter: frontMatterYaml(frontMatter),
      title: toFragment(heading(1, p.name)),
      lead: inline(`施策 No. ${p.no}・${manifest.title}・スライド${view.slideRange}`),
      changes: toFragment(changesNodes(changes, p.no)),
      slides: view.slides.map((s) => ({
        heading: toFragment(heading(2, `スライド${s.index}　${s.title}`)),
        body: toFragment(s.blocks.flatMap((b) => blockNodes(b, (series) => chartSource(stem, series), marksOf))) || inline('（このスライドには表題のほかに文字の記載がありません。）'),
      })),
      summary: toFragment(summaryNodes(view)),
      contacts: toFragment(contactNodes(view.contacts)),
      colophon: inline(checkedText(view.checks)),
    }),
  );
  return { program: p.no, path: programDocumentPath(stem), title: p.name, markdown, frontMatter };
}

/** A program document as the index and the charts list it: what it is, where, and what it shows, without its text. */
export type ProgramEntry = Omit<ProgramDocument, 'markdown'>;

/** The program documents of a briefing, each rendered only when asked for: a rebuild renders those whose inputs changed. */
export interface ProgramDocuments {
  /** one per program of the contact list, in that order */
  entries: ProgramEntry[];
  /** the document of program `no` ("1", "21-③") */
  document(no: string): ProgramDocument;
}

export function programDocuments(briefing: Briefing, report: ValidationReport, manifest: Manifest, changes: ReaderChanges | null = null): ProgramDocuments {
  const views = programViews(briefing, report);
  const stems = programFileStems(views.map((v) => v.program));
  const entries = views.map((view, i) => ({ program: view.program.no, path: programDocumentPath(stems[i]!), title: view.program.name, frontMatter: programFrontMatter(briefing, manifest, view, stems[i]!) }));
  return {
    entries,
    document(no) {
      const i = views.findIndex((v) => v.program.no === no);
      if (i === -1) throw new Error(`the briefing has no program ${no}`);
      return programDocument(briefing, manifest, views[i]!, stems[i]!, changes);
    },
  };
}

/**
 * One Markdown document per program of the contact list, in that order. Pure: the same briefing,
 * report and manifest give the same bytes; nothing is read but the templates, nothing written.
 */
export function renderProgramDocuments(briefing: Briefing, report: ValidationReport, manifest: Manifest, changes: ReaderChanges | null = null): ProgramDocument[] {
  const documents = programDocuments(briefing, report, manifest, changes);
  return documents.entries.map((e) => documents.document(e.program));
}
