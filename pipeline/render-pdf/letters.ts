import type { Briefing } from '../../schemas/briefing.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { PackEntry } from '../../schemas/packs.ts';
import { concernsPrefecture, readerChanges, type ChangeEntry } from '../diff/entries.ts';
import { formatEraDate, formatEraYear } from '../units/era.ts';
import { deliveryFiles } from '../views/delivery-files.ts';
import { ASSET_ORIGIN, assetUrls, contentSecurityPolicy } from './assets.ts';
import type { BrowserChoice } from '../lib/browser-path.ts';
import { mapOnPages } from './page-pool.ts';
import type { KeptPrint, PrintStore } from './print-cache.ts';
import { PrintSession } from './print-session.ts';
import { DEFAULT_TIMEOUT_MS, type SharedBrowser } from './shared-browser.ts';
import { normalizePdf } from './pdf-normalize.ts';
import { PageReadings, readBackWhole } from './page-readings.ts';
import { compileTemplates } from './templates.ts';
import { compact } from './verify.ts';

/** What templates/pdf/letter.hbs is given. */
export interface LetterView {
  title: string;
  csp: string;
  assets: ReturnType<typeof assetUrls>;
  pageCss: string;
  date: string;
  recipient: string;
  sender: string;
  subject: string;
  body: string;
  files: { name: string; file: string; detail: string }[];
  zipNote: string;
  points: string[];
  inquiries: { department: string; phone: string } | null;
  programInquiries: string;
}

export interface LetterInput {
  briefing: Briefing;
  manifest: Manifest;
  /** what changed since the previous edition; null without one */
  changes: EditionDiff | null;
  /** the prefecture packs as packs.json lists them */
  packs: readonly PackEntry[];
}

/** A one-page letter: no running header or page number. */
const LETTER_PAGE_CSS = '@page { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-center { content: none; } }';

/** The cover letter of one prefecture's delivery folder, given the run's changes (null without a previous edition). Pure. */
export function letterView(input: LetterInput, pack: PackEntry, entries: readonly ChangeEntry[] | null, origin = ASSET_ORIGIN): LetterView {
  const { manifest, briefing } = input;
  const prefecture = pack.recipient!;
  const files = deliveryFiles(pack.id);
  const year = formatEraYear(manifest.fiscalYear);
  const own = entries ? entries.filter((e) => concernsPrefecture(e, briefing, prefecture)).length : 0;
  const pages = pack.files[0]!.pages;
  return {
    title: `${manifest.title}の送付について（${prefecture}）`,
    csp: contentSecurityPolicy(origin),
    assets: assetUrls(origin),
    pageCss: LETTER_PAGE_CSS,
    date: formatEraDate(manifest.generatedAt),
    recipient: `${prefecture} 御中`,
    sender: manifest.publisher,
    subject: `${manifest.title}の送付について`,
    body: `標記について、${year}の施策説明資料（${prefecture}版）を下記のとおり送付しますので、施策の推進に御活用ください。`,
    files: [
      { name: `施策説明資料（${prefecture}版）`, file: files.pack, detail: `PDF、${pages}ページ` },
      { name: '施策担当者・予算等一覧', file: files.workbook, detail: 'Excel（施策別担当者、予算・財政措置、変更点 ほか）' },
      { name: '確認用チェックサム', file: files.sums, detail: '各ファイルの SHA-256（sha256sum -c で確認できます）' },
    ],
    zipNote: `上記の資料と本状を一つにまとめた ${files.zip} も併せて送付します。`,
    points: [
      pack.mentions > 0 ? `${prefecture}又は${prefecture}内の市町村の名称が記載されている箇所：${pack.mentions}件（資料の「貴団体に関係する記載」を御参照ください。）` : `資料には、${prefecture}又は${prefecture}内の市町村に固有の記載はありません。`,
      entries === null
        ? '前年度の資料との比較は行っていません。'
        : `前年度からの主な変更点：${entries.length}件${own > 0 ? `（うち${prefecture}又は${prefecture}内の市町村の名称を含むもの${own}件）` : ''}（資料の「前年度からの主な変更点」を御参照ください。）`,
    ],
    inquiries: manifest.inquiries ?? null,
    programInquiries: '各施策の内容については、資料の連絡先一覧に記載の担当課室にお問い合わせください。',
  };
}

export interface PrintedLetters {
  /** by pack id */
  letters: Map<string, Uint8Array>;
  /** what reading the letters back found wrong; empty when they are right */
  problems: string[];
  /** every print, for the store of the next run */
  prints: KeptPrint[];
}

/**
 * Prints the cover letter of every prefecture pack with one browser and reads each back: one page,
 * the recipient and every file it lists in the text, only the served TrueType fonts. Dated
 * generatedAt, so a rerun gives the same bytes. Writes nothing.
 */
export async function printLetters(input: LetterInput, options: { browser?: BrowserChoice; shared?: SharedBrowser; timeoutMs?: number; concurrency?: number; store?: PrintStore; readings?: PageReadings } = {}): Promise<PrintedLetters> {
  const packs = input.packs.filter((p) => p.recipient !== null);
  const templates = compileTemplates();
  // a letter whose HTML did not change comes from the store: with all of them there, no browser starts
  const session = await PrintSession.prepare({ browser: options.browser, shared: options.shared, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, tabs: Math.max(1, Math.min(options.concurrency ?? 2, packs.length)), store: options.store });
  const readings = options.readings ?? new PageReadings('this run');
  try {
    const pages = session.pages;
    const entries = input.changes ? readerChanges(input.changes, input.briefing).entries : null;
    const views = packs.map((pack) => letterView(input, pack, entries));
    const html = views.map((view) => templates.letter(view));
    session.cover(html.join(''));
    const printed = await mapOnPages(packs, pages, async (pack, page, index) => {
      const view = views[index]!;
      const { pdf, blocked } = await page.print(html[index]!);
      const normalized = normalizePdf(pdf, input.manifest.generatedAt);
      // a letter of the same bytes as one an earlier run read is checked on that reading
      const problems = [...blocked.map((b) => `${pack.id}: the letter tried to load ${b.url} (${b.reason})`), ...(await readBack(normalized, view, pack.id, readings))];
      return { id: pack.id, pdf: normalized, problems };
    });
    return { letters: new Map(printed.map((p) => [p.id, p.pdf])), problems: printed.flatMap((p) => p.problems), prints: await session.kept() };
  } finally {
    await session.close();
  }
}

async function readBack(pdf: Uint8Array, view: LetterView, id: string, readings: PageReadings): Promise<string[]> {
  const problems: string[] = [];
  const { pages, texts, unserved } = await readBackWhole(pdf, readings);
  if (pages !== 1) problems.push(`${id}: the letter has ${pages} pages, expected one`);
  const text = compact(texts.join(''));
  for (const word of [view.recipient, view.subject, ...view.files.map((f) => f.file)]) if (!text.includes(compact(word))) problems.push(`${id}: the letter does not show "${word}"`);
  for (const font of unserved) problems.push(`${id}: the letter embeds ${font}`);
  return problems;
}
