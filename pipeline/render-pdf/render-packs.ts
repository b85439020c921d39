import { availableParallelism } from 'node:os';
import { keptPack } from './assemble/kept-update.ts';
import type { KeptCharts } from './kept-charts.ts';
import { allPhones } from './contact-list-view.ts';
import { distributionFiles, packInfo, type PackInfo } from './distribution.ts';
import { packTargets, type PackTarget } from './pack-plan.ts';
import { packView, sharedContent, tocAnchors, type PackInput } from './pack-view.ts';
import { printedParts } from './pack-parts.ts';
import { mapOnPages } from './page-pool.ts';
import { pageKeys, PageReadings } from './page-readings.ts';
import type { KeptPrint, PrintStore } from './print-cache.ts';
import { PrintSession } from './print-session.ts';
import { prefectureMentions } from './prefecture-mentions.ts';
import { compileTemplates } from './templates.ts';
import { packLabels } from './toc-pages.ts';
import { printFront } from './two-pass.ts';
import { ARABIC, expectedOutline, verificationResult, verifyPack, type VerificationResult } from './verify.ts';
import type { BrowserChoice } from '../lib/browser-path.ts';
import { DEFAULT_TIMEOUT_MS, type SharedBrowser } from './shared-browser.ts';

export interface RenderPacksOptions {
  /** tabs printing at once; default: the number of cores, at most 4 */
  concurrency?: number;
  /** called after each pack is assembled and verified */
  onProgress?: (done: number, total: number, name: string) => void;
  /** pack ids to render ("national", "13-tokyo" …); default all 48 */
  only?: readonly string[];
  /** limit of every browser step (launch, load, print), in ms; default 120 000 */
  timeoutMs?: number;
  /** the browser to use; default: findBrowser() */
  browser?: BrowserChoice;
  /** a browser the caller closes, printed with in a window of its own (then `browser` is its) */
  shared?: SharedBrowser;
  /** also return the HTML of each pack printed whole (the benchmark's naive way, debugging) */
  keepHtml?: boolean;
  /** prints of an earlier run: a part whose HTML did not change is taken from here, not printed again */
  store?: PrintStore;
  /** what pages read as in earlier runs: a page of the same bytes is not read again (`readings.kept()` after the run, for the next) */
  readings?: PageReadings;
  /** charts drawn in earlier runs: one drawn from the same series is not drawn again (`charts.kept()` after the run, for the next) */
  charts?: KeptCharts;
}

export interface RenderPacksResult {
  /** the PDFs and the distribution manifest (packs.json, packs.md, SHA256SUMS), paths relative to the pack root */
  files: { path: string; content: Uint8Array }[];
  packs: PackInfo[];
  verification: VerificationResult;
  /** prints of each pack's front matter: 1 when the measured page numbers held, more when it had to be printed again */
  passes: Map<string, number>;
  /** every print the packs were made from (body, stamps, front matters, the measuring draft), and each pack's update, for the store of the next run */
  prints: KeptPrint[];
  /** how many of them the browser printed in this run (the others came from the store) */
  printed: number;
  /** packs whose update (what joins their front matter to the body) was taken from the store, not made again */
  updatesTaken: number;
  /** the HTML of each pack printed whole, by pack path, with keepHtml */
  html?: Map<string, string>;
}


/**
 * Renders the national pack and one pack per prefecture, reads every PDF back to verify it, and
 * returns the files — it writes nothing. What all packs share is printed once: the body
 * (programs, appendix, contacts, colophon; pages 1, 2 …) and one page per pack naming its edition;
 * each pack prints only its front matter (cover, contents, mentions, changes; pages i, ii …) and
 * is assembled from the three (assemble/): one structure tree, outline, set of destinations and
 * page labels, the edition stamped into the body's footers. A print the store holds for the same
 * HTML and browser is not printed again; a pack's update whose front matter and stamp are the
 * same, and whose every read of the body reads the same, is taken from it too (keptPack), its
 * front matter then not read; and a page whose bytes `readings` holds the text of is
 * not read again (its text is checked all the same). The browser (or its window of a `shared`
 * one), if one was opened, is closed whatever happens.
 */
export async function renderPacks(input: PackInput, options: RenderPacksOptions = {}): Promise<RenderPacksResult> {
  const targets = packTargets(options.only);
  const shared = sharedContent(input, options.charts?.draw);
  const templates = compileTemplates();
  const phones = allPhones(input.briefing.programs);
  // ids that read as ids ("jet-sports-name", "date-plausible"), not words a slide could print
  const internal = [input.briefing.source.sha256, ...new Set([...input.report.checks.map((c) => c.id), ...input.report.findings.map((f) => f.ruleId)].filter((id) => /^[a-z0-9]+(?:[-:][a-z0-9]+)+$/.test(id)))];
  const programs = shared.programs.map((p) => ({ no: p.no, name: p.name }));
  const concurrency = Math.max(1, Math.min(options.concurrency ?? Math.min(4, availableParallelism()), targets.length));
  const session = await PrintSession.prepare({ browser: options.browser, shared: options.shared, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, tabs: concurrency, store: options.store });
  let done = 0;
  const store = options.store;
  const updates = store && { salt: store.salt, get: (key: string) => store.get(key, 'update') };
  try {
    const parts = await printedParts(session.pages, templates, shared, targets, session);
    const { body, stamps } = parts;
    // the body is read whole once, for every pack: every program title, every phone, nothing internal
    const readings = options.readings ?? new PageReadings('this run');
    const bodyCheck = verifyPack(body.base.bytes, { pack: 'body', path: 'the body every pack shares', programs, phones, coverText: null, outline: expectedOutline(programs, false).slice(1), labelled: false, internal, tocPages: new Map(), blocked: parts.blocked, reading: { store: readings, keys: pageKeys(body.doc) } });
    const expected = (target: PackTarget) => ({
      pack: target.id,
      path: target.path,
      programs,
      phones,
      coverText: target.prefecture?.name ?? '全国版',
      edition: target.prefecture ? `${target.prefecture.name}版` : '全国版',
      outline: expectedOutline(programs, target.prefecture !== null, shared.changes !== null),
      internal,
      textPages: ownAndFirstOfBody,
    });
    // a tab moves on to its next front matter while the last pack is assembled and verified
    const made = await mapOnPages(targets, session.pages, async (target, page, index) => {
      const anchors = tocAnchors(shared, target);
      const guess = packLabels(parts.bodyLabels, anchors, parts.fronts.get(target.id)!);
      const front = await printFront(page, templates, shared, target, guess, parts.frontLinks[index]!, readings);
      const pack = keptPack(
        {
          front: { pdf: front.pdf, borrowed: parts.frontLinks[index]!.borrowed },
          body: { pdf: body, borrowed: parts.bodyBorrowed },
          stamp: { pdf: stamps, page: parts.stampPage.get(target.id)!, slot: parts.stampSlot },
        },
        updates,
        checkedByCount,
      ).then(async ({ pdf, pageKeys: keys, kept, taken }) => {
        // a page the pack holds as an earlier run's pack held it (the same front page; a body page with the same edition drawn over it) is not read again
        const verified = await verifyPack(pdf, { ...expected(target), tocPages: front.labels, anchors, blocked: front.blocked, reading: { store: readings, keys } });
        options.onProgress?.(++done, targets.length, target.path);
        return { pdf, verified, kept, taken };
      });
      // awaited once every front matter is printed; a refusal meanwhile must not go unhandled (it is rethrown there)
      pack.catch(() => undefined);
      return { front, pack };
    });
    const results = await Promise.all(
      made.map(async ({ front, pack }) => {
        const { pdf, verified, kept, taken } = await pack;
        const mentions = front.target.prefecture ? prefectureMentions(input.briefing, front.target.prefecture.name).length : 0;
        return { front, pdf, verified, kept, taken, info: packInfo(front.target, pdf, verified.pages, mentions) };
      }),
    );
    const packs = results.map((r) => r.info);
    return {
      files: [
        ...results.map((r) => ({ path: r.info.path, content: r.pdf })),
        ...distributionFiles(packs, input.briefing, input.manifest).map((f) => ({ path: f.path, content: new TextEncoder().encode(f.content) })),
      ],
      packs,
      verification: verificationResult(results.map((r) => r.verified), (await bodyCheck).problems),
      passes: new Map(results.map((r) => [r.info.id, r.front.passes])),
      prints: [...(await session.kept()), ...results.map(({ kept }): KeptPrint => ({ ...kept, type: 'update' }))],
      updatesTaken: results.filter((r) => r.taken).length,
      printed: session.printed(),
      ...(options.keepHtml ? { html: new Map(results.map((r) => [r.info.path, templates.layout(packView(shared, r.front.target, r.front.labels, { part: 'whole' }))])) } : {}),
    };
  } finally {
    await session.close();
  }
}

/**
 * The pages of an assembled pack whose text is checked: its own (the front matter, labelled i, ii
 * …) and the first of the body (the edition stamped on it); the body itself was read whole once.
 */
function ownAndFirstOfBody(labels: readonly string[]): number[] {
  const first = labels.findIndex((l) => ARABIC.test(l));
  return [...labels.flatMap((l, i) => (ARABIC.test(l) ? [] : [i + 1])), ...(first === -1 ? [] : [first + 1])];
}

/** The same pages by the front matter's page count, before the pack is read: what its update keeps the keys of. */
function checkedByCount(frontPages: number): number[] {
  return Array.from({ length: frontPages + 1 }, (_, i) => i + 1);
}
