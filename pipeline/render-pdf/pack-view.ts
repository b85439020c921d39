import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { formatEraDate, formatEraYear } from '../units/era.ts';
import { checkedText } from '../views/checked-text.ts';
import { programViews } from '../views/program-view.ts';
import { seriesTarget } from '../views/series-target.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import { marksWithin, readerChanges, type ReaderChanges } from '../diff/entries.ts';
import { appendixView, type AppendixView } from './appendix-view.ts';
import { changesView, NO_PREVIOUS, type ChangesView } from './changes-view.ts';
import { ASSET_ORIGIN, assetUrls, contentSecurityPolicy } from './assets.ts';
import { contactRows, type ContactRow } from './contact-list-view.ts';
import { mentionsView, type MentionsView } from './mentions-view.ts';
import type { PackTarget } from './pack-plan.ts';
import { packMarginCss, runningHeaderCss, type PagedPart } from './page-css.ts';
import { programSections, type DrawChart, type ProgramSection } from './program-sections.ts';

export interface PackInput {
  briefing: Briefing;
  report: ValidationReport;
  manifest: Manifest;
  /** what changed since the previous edition; null or absent when none is known */
  changes?: EditionDiff | null;
}

/** What every pack of a run shares, rendered once: program sections with their charts, appendix, contacts. */
export interface SharedContent {
  briefing: Briefing;
  manifest: Manifest;
  programs: ProgramSection[];
  appendix: AppendixView;
  contacts: ContactRow[];
  colophon: ColophonView;
  /** what changed since the previous edition: null without one */
  changes: ReaderChanges | null;
}

/** 奥付: who publishes the pack, from which briefing, when; that its figures were cross-checked. */
export interface ColophonView {
  publisher: string;
  title: string;
  generatedAt: string;
  checked: string;
}

export interface TocEntry {
  anchor: string;
  no: string;
  label: string;
  /** the page's label as its footer prints it (iii, 12); empty in the first pass: the column keeps its width, so the pages do not move when it is filled */
  page: string;
}

/**
 * What a print holds: the front matter of one pack (cover, contents, mentions, changes; pages
 * i, ii …), the body every pack shares (programs, appendix, contacts, colophon; pages 1, 2 …),
 * or both in one document (a pack printed whole: the benchmark's naive way, previews).
 */
export type PackPart = 'front' | 'body' | 'whole';

/**
 * A section of the body, printed on its own: a program, or the back matter (appendix, contact
 * list, colophon). Each starts on a new page; the body is joined from their prints, so a change to
 * one program prints that program again and no other.
 */
export interface BodySection {
  /** the program's anchor (prog-01), or "back-matter" */
  id: string;
  programs: ProgramSection[];
  backMatter: boolean;
}

/** The body's sections in order: one per program, then the back matter. */
export function bodySections(shared: SharedContent): BodySection[] {
  return [...shared.programs.map((p) => ({ id: p.anchor, programs: [p], backMatter: false })), { id: 'back-matter', programs: [], backMatter: true }];
}

/** The label of the page each anchor is on (ii, 12), read back from a print. */
export type PageLabels = ReadonlyMap<string, string>;

/** What templates/pdf/layout.hbs is given. */
export interface PackView {
  /** the front matter is printed (cover, contents, mentions, changes) */
  front: boolean;
  /** the body is printed (programs, appendix, contacts, colophon), or a section of it */
  body: boolean;
  /** the appendix, the contact list and the colophon are printed */
  backMatter: boolean;
  /** before the ids of the cover and the parts: several front matters share one measuring draft */
  idPrefix: string;
  title: string;
  csp: string;
  assets: ReturnType<typeof assetUrls>;
  pageCss: string;
  cover: {
    publisher: string;
    title: string;
    fiscalYear: string;
    recipient: string | null;
    edition: string;
    generatedAt: string;
  };
  toc: TocEntry[];
  /** the one line on the contents page of a pack without a previous edition to compare with */
  tocNote: string | null;
  mentions: MentionsView | null;
  changes: ChangesView | null;
  programs: ProgramSection[];
  appendix: AppendixView;
  contacts: ContactRow[];
  colophon: ColophonView;
}

/** The parts besides the programs: the id of each (after the prefix) and its pages. */
export const PARTS = {
  cover: { anchor: 'cover', selector: '.cover', pageName: 'cover', header: '' },
  toc: { anchor: 'toc', selector: '.toc', pageName: 'toc', header: '目次' },
  mentions: { anchor: 'mentions', selector: '.mentions', pageName: 'mentions', header: '貴団体に関係する記載' },
  changes: { anchor: 'changes', selector: '.changes', pageName: 'changes', header: '前年度からの主な変更点' },
  appendix: { anchor: 'appendix', selector: '.appendix', pageName: 'appendix', header: '付録　予算・財政措置一覧' },
  contacts: { anchor: 'contacts', selector: '.contacts', pageName: 'contacts', header: '連絡先一覧' },
} as const satisfies Record<string, PagedPart & { anchor: string }>;

export function sharedContent(input: PackInput, draw?: DrawChart): SharedContent {
  const views = programViews(input.briefing, input.report);
  const targetOf = (id: string) => {
    const series = input.briefing.series.find((s) => s.id === id);
    return series ? seriesTarget(input.briefing, series) : null;
  };
  const changes = input.changes ? readerChanges(input.changes, input.briefing) : null;
  return {
    briefing: input.briefing,
    manifest: input.manifest,
    programs: programSections(views, targetOf, changes ? (at) => marksWithin(changes.entries, at) : undefined, draw),
    appendix: appendixView(views),
    contacts: contactRows(views),
    changes,
    colophon: { publisher: input.manifest.publisher, title: input.manifest.title, generatedAt: formatEraDate(input.manifest.generatedAt), checked: checkedText({ passed: input.report.summary.checksPassed, acknowledged: input.report.summary.acknowledged }) },
  };
}

/** 令和6年度（2024年度） */
export function fiscalYearText(manifest: Manifest): string {
  return `${formatEraYear(manifest.fiscalYear)}（${manifest.fiscalYear}年度）`;
}

/** The mentions with the page of each slide they quote, read back from an earlier pass (blank in the first). */
function withPages(view: MentionsView, pages: PageLabels | null): MentionsView {
  const page = (anchor: string) => pages?.get(anchor) ?? '\u00a0';
  return { ...view, rows: view.rows.map((r) => ({ ...r, page: page(r.anchor) })), venues: view.venues.map((r) => ({ ...r, page: page(r.anchor) })) };
}

/** The anchors the contents of a pack link to, in order: what its page numbers are read back for. */
export function tocAnchors(shared: SharedContent, target: PackTarget): string[] {
  const view = packView(shared, target, null);
  // the pages of the slides the mentions quote are printed too, and checked like the contents'
  const mentioned = view.mentions ? [...view.mentions.rows, ...view.mentions.venues].map((r) => r.anchor) : [];
  return [...new Set([...view.toc.map((e) => e.anchor), ...mentioned])];
}

/** The PDF's title (its <title>): the briefing, and for a prefecture its edition. */
export function packTitle(manifest: Manifest, target: PackTarget): string {
  return target.prefecture ? `${manifest.title} ${target.prefecture.name}版` : manifest.title;
}

/** The front matter's page numbers: i, ii … in the footer, as the pack's page labels say (the cover shows none). */
const FRONT_NUMBERING_CSS = '@page { @bottom-center { content: counter(page, lower-roman); } }';
/** A section of the body prints no page number: its pages are numbered when the body is joined (the folios). */
const SECTION_NUMBERING_CSS = '@page { @bottom-center { content: none; } }';

/**
 * The view of one pack, or of one part of it. `pages` holds the page label of every anchor, read
 * back from an earlier print; null in the first pass. The body is the same for every pack (its
 * footer's edition is stamped on when a pack is assembled): it takes no target.
 */
export function packView(
  shared: SharedContent,
  target: PackTarget,
  pages: PageLabels | null,
  options: { part?: PackPart; idPrefix?: string; origin?: string; section?: BodySection } = {},
): PackView {
  const origin = options.origin ?? ASSET_ORIGIN;
  const idPrefix = options.idPrefix ?? '';
  const part = options.part ?? 'whole';
  const { briefing, manifest } = shared;
  const prefecture = target.prefecture?.name ?? null;
  // an empty page column would be a flex item without a baseline: a no-break space keeps the row's height
  const entry = (anchor: string, no: string, label: string): TocEntry => ({ anchor, no, label, page: pages?.get(anchor) ?? '\u00a0' });
  const changes = shared.changes ? changesView(briefing, shared.changes, prefecture, idPrefix) : null;
  // a section names the pages of its own parts only: its print depends on nothing else
  const section = part === 'body' ? options.section : undefined;
  const programs = section ? section.programs : shared.programs;
  const backMatter = section ? section.backMatter : true;
  const parts: PagedPart[] = section
    ? [...programs, ...(backMatter ? [PARTS.appendix, PARTS.contacts] : [])]
    : [PARTS.toc, ...(prefecture ? [PARTS.mentions] : []), ...(changes ? [PARTS.changes] : []), ...shared.programs, PARTS.appendix, PARTS.contacts];
  const toc: TocEntry[] = [
    ...(prefecture ? [entry(idPrefix + PARTS.mentions.anchor, '', PARTS.mentions.header)] : []),
    ...(changes ? [entry(idPrefix + PARTS.changes.anchor, '', PARTS.changes.header)] : []),
    ...shared.programs.map((p) => entry(p.anchor, p.no, p.name)),
    entry(idPrefix + PARTS.appendix.anchor, '付録', '予算・財政措置一覧'),
    entry(idPrefix + PARTS.contacts.anchor, '', PARTS.contacts.header),
  ];
  const edition = prefecture ? `${prefecture}版` : '全国版';
  return {
    front: part !== 'body',
    body: part !== 'front',
    backMatter,
    idPrefix,
    title: packTitle(manifest, target),
    csp: contentSecurityPolicy(origin),
    assets: assetUrls(origin),
    // the footer names the pack (stamped on the body's pages when a pack is assembled); 御中 addresses the prefecture once, on its cover
    pageCss: [packMarginCss({ topRight: manifest.title, bottomLeft: part === 'body' ? '' : edition }), runningHeaderCss(parts), ...(part === 'front' ? [FRONT_NUMBERING_CSS] : []), ...(section ? [SECTION_NUMBERING_CSS] : [])].join('\n'),
    cover: {
      publisher: manifest.publisher,
      title: manifest.title,
      fiscalYear: fiscalYearText(manifest),
      recipient: prefecture ? `${prefecture} 御中` : null,
      edition,
      generatedAt: formatEraDate(manifest.generatedAt),
    },
    toc,
    tocNote: changes ? null : NO_PREVIOUS,
    mentions: prefecture ? withPages(mentionsView(briefing, prefecture), pages) : null,
    changes,
    programs,
    appendix: shared.appendix,
    contacts: shared.contacts,
    colophon: shared.colophon,
  };
}
