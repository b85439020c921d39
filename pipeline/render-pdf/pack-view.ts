import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { ASSET_ORIGIN, assetUrls, contentSecurityPolicy } from './assets.ts';
import { contactRows, type ContactRow } from './contact-list-view.ts';
import { mentionsView, type MentionsView } from './mentions-view.ts';
import type { PackTarget } from './pack-plan.ts';
import { packMarginCss, runningHeaderCss, type PagedPart } from './page-css.ts';
import { programSections, type PackDocument, type ProgramSection } from './program-sections.ts';
import { validationView, type ValidationView } from './validation-view.ts';

export interface PackInput {
  briefing: Briefing;
  report: ValidationReport;
  manifest: Manifest;
  documents: readonly PackDocument[];
}

/** What every pack of a run shares, rendered once: program sections with their charts, appendices. */
export interface SharedContent {
  briefing: Briefing;
  manifest: Manifest;
  programs: ProgramSection[];
  validation: ValidationView;
  contacts: ContactRow[];
}

export interface TocEntry {
  anchor: string;
  no: string;
  label: string;
  /** empty in the first pass: the column keeps its width, so the pages do not move when it is filled */
  page: string;
}

/** What templates/pdf/layout.hbs is given. */
export interface PackView {
  /** false for a draft of the front matter only (cover, contents, mentions), to count its pages */
  body: boolean;
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
    sourceFile: string;
    sourceSha256: string;
    generatedAt: string;
  };
  toc: TocEntry[];
  mentions: MentionsView | null;
  programs: ProgramSection[];
  validation: ValidationView;
  contacts: ContactRow[];
}

/** The parts besides the programs: the id of each (after the prefix) and its pages. */
export const PARTS = {
  cover: { anchor: 'cover', selector: '.cover', pageName: 'cover', header: '' },
  toc: { anchor: 'toc', selector: '.toc', pageName: 'toc', header: '目次' },
  mentions: { anchor: 'mentions', selector: '.mentions', pageName: 'mentions', header: '貴団体に関係する記載' },
  validation: { anchor: 'validation', selector: '.validation', pageName: 'validation', header: '付録　検証結果の概要' },
  contacts: { anchor: 'contacts', selector: '.contacts', pageName: 'contacts', header: '連絡先一覧' },
} as const satisfies Record<string, PagedPart & { anchor: string }>;

export function sharedContent(input: PackInput): SharedContent {
  return {
    briefing: input.briefing,
    manifest: input.manifest,
    programs: programSections(input.briefing, input.documents),
    validation: validationView(input.briefing, input.report),
    contacts: contactRows(input.briefing.programs),
  };
}

/** 令和6年度（2024年度） */
export function fiscalYearText(manifest: Manifest): string {
  return `${manifest.era.name}${manifest.era.year === 1 ? '元' : manifest.era.year}年度（${manifest.fiscalYear}年度）`;
}

/** 2024-04-01 → 2024年4月1日, read from the manifest's string: no clock, no time zone. */
export function dateText(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The anchors the contents of a pack link to, in order: what its page numbers are read back for. */
export function tocAnchors(shared: SharedContent, target: PackTarget): string[] {
  return packView(shared, target, null).toc.map((e) => e.anchor);
}

/** The PDF's title (its <title>): the briefing, and for a prefecture its edition. */
export function packTitle(manifest: Manifest, target: PackTarget): string {
  return target.prefecture ? `${manifest.title} ${target.prefecture.name}版` : manifest.title;
}

/**
 * The view of one pack. `pages` holds the page of every anchor, read back from an earlier pass;
 * null in the first pass. `body: false` leaves out everything after the front matter.
 */
export function packView(
  shared: SharedContent,
  target: PackTarget,
  pages: ReadonlyMap<string, number> | null,
  options: { body?: boolean; idPrefix?: string; origin?: string } = {},
): PackView {
  const origin = options.origin ?? ASSET_ORIGIN;
  const idPrefix = options.idPrefix ?? '';
  const { briefing, manifest } = shared;
  const prefecture = target.prefecture?.name ?? null;
  const entry = (anchor: string, no: string, label: string): TocEntry => ({ anchor, no, label, page: pages?.has(anchor) ? String(pages.get(anchor)) : '' });
  const parts: PagedPart[] = [PARTS.toc, ...(prefecture ? [PARTS.mentions] : []), ...shared.programs, PARTS.validation, PARTS.contacts];
  const toc: TocEntry[] = [
    ...(prefecture ? [entry(idPrefix + PARTS.mentions.anchor, '', PARTS.mentions.header)] : []),
    ...shared.programs.map((p) => entry(p.anchor, p.no, p.name)),
    entry(idPrefix + PARTS.validation.anchor, '付録', '検証結果の概要'),
    entry(idPrefix + PARTS.contacts.anchor, '', PARTS.contacts.header),
  ];
  return {
    body: options.body ?? true,
    idPrefix,
    title: packTitle(manifest, target),
    csp: contentSecurityPolicy(origin),
    assets: assetUrls(origin),
    pageCss: [packMarginCss({ topRight: manifest.title, bottomLeft: prefecture ? `${prefecture} 御中` : '全国版' }), runningHeaderCss(parts)].join('\n'),
    cover: {
      publisher: manifest.publisher,
      title: manifest.title,
      fiscalYear: fiscalYearText(manifest),
      recipient: prefecture ? `${prefecture} 御中` : null,
      edition: prefecture ? `${prefecture}版` : '全国版',
      sourceFile: briefing.source.file,
      sourceSha256: briefing.source.sha256,
      generatedAt: dateText(manifest.generatedAt),
    },
    toc,
    mentions: prefecture ? mentionsView(briefing, prefecture) : null,
    programs: shared.programs,
    validation: shared.validation,
    contacts: shared.contacts,
  };
}
