import { loadPdf, namedDestinations, withObjectStreams, type LoadedPdf } from './assemble/index.ts';
import { assetUrls, contentSecurityPolicy } from './assets.ts';
import { crossLinks, withCrossLinks, type CrossLinks } from './cross-links.ts';
import { NATIONAL_PACK_ID, packTargets, type PackTarget } from './pack-plan.ts';
import { packView, type PageLabels, type SharedContent } from './pack-view.ts';
import { stampCss } from './page-css.ts';
import type { PrintPage } from './page-pool.ts';
import { normalizePdf } from './pdf-normalize.ts';
import type { BlockedRequest } from './request-guard.ts';
import type { PackTemplates } from './templates.ts';
import { draftFrontPages, labelsOf, type FrontPages } from './toc-pages.ts';

/** What every pack of a run is made from besides its own front matter, printed once. */
export interface SharedParts {
  /** the body: programs, appendix, contacts, colophon (tagged, with its outline), dated by the manifest, its dictionaries in object streams, read for assembly */
  body: LoadedPdf;
  /** the label of the page of every anchor of the body (1, 2 …): the same in every pack */
  bodyLabels: PageLabels;
  bodyLinks: CrossLinks;
  /** one page per pack of the plan (all 48, whichever are rendered), blank but for the footer naming its edition (untagged) */
  stamps: LoadedPdf;
  /** the page of the stamps for each target, by id */
  stampPage: Map<string, number>;
  /** the length of each target's front matter and where its parts begin, from one measuring draft */
  fronts: Map<string, FrontPages>;
  /** each target's front matter's cross links, in the order of the targets */
  frontLinks: CrossLinks[];
  blocked: BlockedRequest[];
}

/**
 * Prints what the packs share — the body, the stamps — and measures the front matters of
 * `targets`, on two tabs when there are two. Cross links come from the HTML of every part: the
 * body links, unseen, to every anchor of it a front matter links to, so each has a destination in
 * the pack. The body and the stamps are made for every pack of the plan, whichever are rendered:
 * a pack's bytes do not depend on which others are made with it.
 */
export async function printedParts(pages: readonly PrintPage[], templates: PackTemplates, shared: SharedContent, targets: readonly PackTarget[]): Promise<SharedParts> {
  const all = packTargets();
  const national = all.find((t) => t.id === NATIONAL_PACK_ID)!;
  const bodyHtml = templates.layout(packView(shared, national, null, { part: 'body' }));
  const [bodyLinks, ...allLinks] = crossLinks([bodyHtml, ...all.map((t) => templates.layout(packView(shared, t, null, { part: 'front' })))]);
  const frontLinks = targets.map((t) => allLinks[all.findIndex((a) => a.id === t.id)]!);
  const first = pages[0]!;
  const printBody = () => first.print(withCrossLinks(bodyHtml, bodyLinks!));
  const printRest = async (page: PrintPage) => {
    const stamps = await page.print(stampsHtml(templates, shared, all), true);
    return { stamps, fronts: await draftFrontPages(page, templates, shared, targets) };
  };
  // one print at a time on a tab: with one tab, one after the other
  const [body, rest] = pages[1] ? await Promise.all([printBody(), printRest(pages[1])]) : [await printBody(), await printRest(first)];
  const stamps = await loadPdf(rest.stamps.pdf);
  if (stamps.doc.getPageCount() !== all.length) throw new Error(`the edition stamps printed on ${stamps.doc.getPageCount()} pages, expected one per pack (${all.length})`);
  // what every pack starts with: its dictionaries compressed once (Chromium's 2.1 MB → 1.0 MB a pack)
  const bodyPdf = await withObjectStreams(await loadPdf(normalizePdf(body.pdf, shared.manifest.generatedAt)));
  return {
    body: bodyPdf,
    bodyLabels: labelsOf(namedDestinations(bodyPdf), 'arabic'),
    bodyLinks: bodyLinks!,
    stamps,
    stampPage: new Map(all.map((t, i) => [t.id, i])),
    fronts: rest.fronts,
    frontLinks,
    blocked: [...body.blocked, ...rest.stamps.blocked],
  };
}

/** The stamps' document: one page per target, named after its position, its footer the target's edition. */
function stampsHtml(templates: PackTemplates, shared: SharedContent, targets: readonly PackTarget[]): string {
  const editions = targets.map((t, i) => ({ pageName: `stamp-${i}`, edition: t.prefecture ? `${t.prefecture.name}版` : '全国版' }));
  return templates.stamps({ title: shared.manifest.title, csp: contentSecurityPolicy(), assets: assetUrls(), pageCss: stampCss(editions), pages: editions.map((e) => e.pageName) });
}
