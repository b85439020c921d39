import { availableParallelism } from 'node:os';
import { loadAssets } from './assets.ts';
import { openBrowser } from './browser.ts';
import { findBrowser, type BrowserChoice } from '../lib/browser-path.ts';
import { allPhones } from './contact-list-view.ts';
import { distributionFiles, packInfo, type PackInfo } from './distribution.ts';
import { NATIONAL_PACK_ID, packTargets, type PackTarget } from './pack-plan.ts';
import { sharedContent, tocAnchors, type PackInput, type SharedContent } from './pack-view.ts';
import { mapOnPages, openPrintPages, type PrintPage } from './page-pool.ts';
import { prefectureMentions } from './prefecture-mentions.ts';
import { compileTemplates, type PackTemplates } from './templates.ts';
import { draftBodyPages, draftFrontPages, shiftedBodyPages, type BodyPages, type FrontPages, type TocPages } from './toc-pages.ts';
import { printPack } from './two-pass.ts';
import { verificationResult, verifyPack, type VerificationResult } from './verify.ts';

export interface RenderPacksOptions {
  /** tabs printing at once; default: the number of cores, at most 4 */
  concurrency?: number;
  /** called after each pack is printed and verified */
  onProgress?: (done: number, total: number, name: string) => void;
  /** pack ids to render ("national", "13-tokyo" …); default all 48 */
  only?: readonly string[];
  /** limit of every browser step (launch, load, print), in ms; default 120 000 */
  timeoutMs?: number;
  /** the browser to use; default: findBrowser() */
  browser?: BrowserChoice;
  /** also return the final HTML of each pack (benchmark, debugging) */
  keepHtml?: boolean;
}

export interface RenderPacksResult {
  /** the PDFs and the distribution manifest (packs.json, packs.md, SHA256SUMS), paths relative to the pack root */
  files: { path: string; content: Uint8Array }[];
  packs: PackInfo[];
  verification: VerificationResult;
  /** full prints per pack: 1 when the measured page numbers held, more when a pack had to be printed again */
  passes: Map<string, number>;
  /** the final HTML by pack path, with keepHtml */
  html?: Map<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Renders the national pack and one pack per prefecture with one headless browser and a few
 * tabs, reads every PDF back to verify it, and returns the files — it writes nothing. The
 * browser is closed whatever happens; the caller writes the files only if verification.ok.
 *
 * Order of work: (1) two drafts measure where every part begins — the national pack whole (the
 * body all packs share) and the front matters of all prefecture packs in one document; (2) each
 * pack is printed with its contents' page numbers, read back, and printed again only if a number
 * is off; (3) each PDF is verified; (4) the distribution manifest is made from the verified PDFs.
 */
export async function renderPacks(input: PackInput, options: RenderPacksOptions = {}): Promise<RenderPacksResult> {
  const targets = packTargets(options.only);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const shared = sharedContent(input);
  const templates = compileTemplates();
  const assets = await loadAssets();
  const phones = allPhones(input.briefing.programs);
  // ids that read as ids ("jet-sports-name", "date-plausible"), not words a slide could print
  const internal = [input.briefing.source.sha256, ...new Set([...input.report.checks.map((c) => c.id), ...input.report.findings.map((f) => f.ruleId)].filter((id) => /^[a-z0-9]+(?:[-:][a-z0-9]+)+$/.test(id)))];
  const programs = shared.programs.map((p) => ({ no: p.no, name: p.name }));
  const session = await openBrowser(options.browser ?? (await findBrowser()), timeoutMs);
  let done = 0;
  try {
    const concurrency = Math.max(1, Math.min(options.concurrency ?? Math.min(4, availableParallelism()), targets.length));
    const pages = await openPrintPages(session.browser, concurrency, assets, timeoutMs);
    const { body, fronts } = await measure(pages, templates, shared, targets);
    // a tab moves on to its next pack while pdfjs verifies the last one: Node and Chromium work at once
    const printedPacks = await mapOnPages(targets, pages, async (target, page) => {
      const front = fronts.get(target.id);
      const anchors = tocAnchors(shared, target);
      // the national draft also tells the page of every slide: keep only what this pack prints
      const guess: TocPages = front ? shiftedBodyPages(body, anchors, front) : new Map(anchors.flatMap((a) => (body.pages.has(a) ? [[a, body.pages.get(a)!] as const] : [])));
      const printed = await printPack(page, templates, shared, target, guess);
      const verified = verifyPack(printed.pdf, {
        pack: target.id,
        path: target.path,
        programs,
        phones,
        coverText: target.prefecture?.name ?? '全国版',
        changes: shared.changes !== null,
        internal,
        tocPages: printed.tocPages,
        blocked: printed.blocked,
      }).then((v) => {
        options.onProgress?.(++done, targets.length, target.path);
        return v;
      });
      return { printed, verified };
    });
    const results = await Promise.all(
      printedPacks.map(async ({ printed, verified }) => {
        const v = await verified;
        const mentions = printed.target.prefecture ? prefectureMentions(input.briefing, printed.target.prefecture.name).length : 0;
        return { printed, verified: v, info: packInfo(printed.target, printed.pdf, v.pages, mentions) };
      }),
    );
    const packs = results.map((r) => r.info);
    const files = [
      ...results.map((r) => ({ path: r.info.path, content: r.printed.pdf })),
      ...distributionFiles(packs, input.briefing, input.manifest).map((f) => ({ path: f.path, content: new TextEncoder().encode(f.content) })),
    ];
    return {
      files,
      packs,
      verification: verificationResult(results.map((r) => r.verified)),
      passes: new Map(results.map((r) => [r.info.id, r.printed.passes])),
      ...(options.keepHtml ? { html: new Map(results.map((r) => [r.info.path, r.printed.html])) } : {}),
    };
  } finally {
    await session.close();
  }
}

/** The two measuring drafts, on two tabs at once when there are two. */
async function measure(pages: readonly PrintPage[], templates: PackTemplates, shared: SharedContent, targets: readonly PackTarget[]): Promise<{ body: BodyPages; fronts: Map<string, FrontPages> }> {
  const national = packTargets([NATIONAL_PACK_ID])[0]!;
  const prefectures = targets.filter((t) => t.prefecture !== null);
  const first = pages[0]!;
  const second = pages[1] ?? first;
  if (second === first) {
    const body = await draftBodyPages(first, templates, shared, national);
    return { body, fronts: await draftFrontPages(first, templates, shared, prefectures) };
  }
  const [body, fronts] = await Promise.all([draftBodyPages(first, templates, shared, national), draftFrontPages(second, templates, shared, prefectures)]);
  return { body, fronts };
}
