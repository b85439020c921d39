import { drawStampSlot, loadPdf, namedDestinations, withObjectStreams, type LoadedPdf, type StampSlot } from './assemble/index.ts';
import { joinParts } from './assemble/join.ts';
import { assetUrls, contentSecurityPolicy } from './assets.ts';
import { crossLinks, withCrossLinks, type CrossLinks } from './cross-links.ts';
import { NATIONAL_PACK_ID, packTargets, type PackTarget } from './pack-plan.ts';
import { bodySections, packView, type PageLabels, type SharedContent } from './pack-view.ts';
import { folioCss, stampCss } from './page-css.ts';
import { inTurn, mapOnPages, settledAll, type PrintedPdf, type PrintPage } from './page-pool.ts';
import type { SessionText } from './print-session.ts';
import { normalizePdf } from './pdf-normalize.ts';
import type { BlockedRequest } from './request-guard.ts';
import type { PackTemplates } from './templates.ts';
import { frontsDraft, labelsOf, measureDraft, type FrontPages } from './toc-pages.ts';

/** What every pack of a run is made from besides its own front matter, printed once. */
export interface SharedParts {
  /** the body: programs, appendix, contacts, colophon (tagged, with its outline), joined from its sections, its dictionaries in object streams, read for assembly */
  body: LoadedPdf;
  /** the label of the page of every anchor of the body (1, 2 …): the same in every pack */
  bodyLabels: PageLabels;
  /** anchors the body links to that a front matter defines */
  bodyBorrowed: ReadonlySet<string>;
  /** one page per pack of the plan (all 48, whichever are rendered), blank but for the footer naming its edition (untagged) */
  stamps: LoadedPdf;
  /** the page of the stamps for each target, by id */
  stampPage: Map<string, number>;
  /** the form every page of the body draws its edition with, which each pack fills with its own (drawStampSlot) */
  stampSlot: StampSlot;
  /** the length of each target's front matter and where its parts begin, from one measuring draft */
  fronts: Map<string, FrontPages>;
  /** each target's front matter's cross links, in the order of the targets */
  frontLinks: CrossLinks[];
  blocked: BlockedRequest[];
}

/**
 * Prints what the packs share — the body's sections, the stamps, the folios — and measures the
 * front matters of `targets`, on as many tabs as there are. The body is printed a section at a
 * time (bodySections: a program, or the back matter), each section a print of its own that the
 * store keeps by its HTML, and joined (joinParts) with its pages numbered by the folios: a change
 * to one program prints that section again, and the folios only when the body's length changes.
 * Cross links come from the HTML of every part: a part links, unseen, to every anchor of it
 * another links to, so each has a destination in the pack. The body and the stamps are made for
 * every pack of the plan, whichever are rendered: a pack's bytes do not depend on which others are
 * made with it.
 */
export async function printedParts(pages: readonly PrintPage[], templates: PackTemplates, shared: SharedContent, targets: readonly PackTarget[], text?: SessionText): Promise<SharedParts> {
  const all = packTargets();
  const national = all.find((t) => t.id === NATIONAL_PACK_ID)!;
  const sections = bodySections(shared);
  const sectionHtml = sections.map((section) => templates.layout(packView(shared, national, null, { part: 'body', section })));
  const frontHtml = all.map((t) => templates.layout(packView(shared, t, null, { part: 'front' })));
  const links = crossLinks([...sectionHtml, ...frontHtml]);
  const stampsPrint = stampsHtml(templates, shared, all);
  // every text the packs print: the sections, the front matters (their page numbers are digits), the editions of the stamps
  text?.cover([...sectionHtml, ...frontHtml, stampsPrint].join(''));
  const sectionLinks = links.slice(0, sections.length);
  const frontLinks = targets.map((t) => links[sections.length + all.findIndex((a) => a.id === t.id)]!);

  let draft: Uint8Array | null = null;
  let stamps: PrintedPdf | null = null;
  const printed: PrintedPdf[] = [];
  const loaded: LoadedPdf[] = [];
  const draftHtml = frontsDraft(templates, shared, targets);
  const sectionPrints = sections.map((_, i) => withCrossLinks(sectionHtml[i]!, sectionLinks[i]!));
  type Job = (page: PrintPage) => Promise<unknown>;
  const section = (i: number): Job => async (page) => {
    printed[i] = await page.print(sectionPrints[i]!);
    // read as soon as it is printed (or taken from the store), while the tabs print the others
    loaded[i] = await loadPdf(normalizePdf(printed[i]!.pdf, shared.manifest.generatedAt));
  };
  const draftJob: Job = async (page) => (draft = draftHtml === null ? null : (await page.print(draftHtml, true)).pdf);
  const stampsJob: Job = async (page) => (stamps = await page.print(stampsPrint, true));
  // what the browser prints first: the measuring draft, the longest print, then the sections, then the stamps
  const planned: { job: Job; html: string | null; isDraft: boolean }[] = [
    { job: draftJob, html: draftHtml, isDraft: true },
    ...sectionPrints.map((html, i) => ({ job: section(i), html, isDraft: false })),
    { job: stampsJob, html: stampsPrint, isDraft: true },
  ];
  const jobs = await Promise.all(planned.map(async ({ job, html, isDraft }) => ({ job, stored: html === null || ((await pages[0]!.stored?.(html, isDraft)) ?? false) })));
  await settledAll([
    // what the store holds is taken and read now, no tab needed, one at a time (the browser's messages are answered between them): the browser starts and prints the rest meanwhile
    (stop) => inTurn(jobs.filter((j) => j.stored).map(({ job }) => () => job(pages[0]!)), stop),
    (stop) => mapOnPages(jobs.filter((j) => !j.stored), pages, ({ job }, page) => job(page), stop),
  ]);
  const fronts = await measureDraft(draft, targets);

  const stampsPdf = await loadPdf(stamps!.pdf);
  if (stampsPdf.doc.getPageCount() !== all.length) throw new Error(`the edition stamps printed on ${stampsPdf.doc.getPageCount()} pages, expected one per pack (${all.length})`);
  const parts = loaded.map((pdf, i) => ({ pdf, borrowed: sectionLinks[i]!.borrowed }));
  const length = parts.reduce((n, p) => n + p.pdf.doc.getPageCount(), 0);
  const folios = await pages[0]!.print(foliosHtml(templates, shared, length), true);
  const joined = await joinParts(parts, await loadPdf(folios.pdf));
  // every page draws its edition through one slot, empty in the body: a pack's update fills it with its own
  const stampSlot = drawStampSlot(joined.doc, stampsPdf.doc, all.indexOf(national));
  // what every pack starts with: its dictionaries compressed once
  const body = await withObjectStreams(joined.doc);
  return {
    body,
    bodyLabels: labelsOf(namedDestinations(body), 'arabic'),
    bodyBorrowed: joined.borrowed,
    stamps: stampsPdf,
    stampPage: new Map(all.map((t, i) => [t.id, i])),
    stampSlot,
    fronts,
    frontLinks,
    blocked: [...printed.flatMap((p) => p.blocked), ...(stamps as PrintedPdf | null)!.blocked, ...folios.blocked],
  };
}

/** The folios' document: `length` pages, blank but for the page number of all in the footer. */
function foliosHtml(templates: PackTemplates, shared: SharedContent, length: number): string {
  return templates.stamps({ title: shared.manifest.title, csp: contentSecurityPolicy(), assets: assetUrls(), pageCss: folioCss(), pages: Array.from({ length }, () => 'folio') });
}

/** The stamps' document: one page per target, named after its position, its footer the target's edition. */
function stampsHtml(templates: PackTemplates, shared: SharedContent, targets: readonly PackTarget[]): string {
  const editions = targets.map((t, i) => ({ pageName: `stamp-${i}`, edition: t.prefecture ? `${t.prefecture.name}版` : '全国版' }));
  return templates.stamps({ title: shared.manifest.title, csp: contentSecurityPolicy(), assets: assetUrls(), pageCss: stampCss(editions), pages: editions.map((e) => e.pageName) });
}
