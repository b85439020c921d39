import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeEntries } from '../../pipeline/diff/entries.ts';
import { assembleDelivery, DeliveryManifest } from '../../pipeline/render-delivery/index.ts';
import { renderContactsWorkbook } from '../../pipeline/render-excel/index.ts';
import { printLetters, PacksManifest } from '../../pipeline/render-pdf/index.ts';
import { destinationPages, outlineEntries, pageTexts, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';
import { renderPacks, type RenderPacksResult } from '../../pipeline/render-pdf/render-packs.ts';
import { compact } from '../../pipeline/render-pdf/verify.ts';
import { R7_CHANGES, R7_SENTENCES } from '../helpers/r7-realistic.ts';
import { r7Edition, type R7Edition } from '../helpers/r7-edition.ts';
import { tempDir } from '../helpers/temp.ts';
import { chromiumDescendants } from './processes.ts';

/**
 * The packs of the realistic R7 built with R6 as the previous edition: 前年度からの主な変更点 in the
 * national pack and in 島根県's (whose own change — a new 取組例 in 邑南町 — comes first), the marks
 * beside changed figures linking to their entries, and the delivery folders made from them.
 */
let r7: R7Edition;
let result: RenderPacksResult;
const ONLY = ['national', '32-shimane', '13-tokyo'];

beforeAll(async () => {
  r7 = await r7Edition();
  result = await renderPacks({ briefing: r7.briefing, report: r7.report, manifest: r7.manifest, changes: r7.changes }, { only: ONLY });
}, 240_000);

const pdf = (path: string) => result.files.find((f) => f.path === path)!.content;

/** The text of the pages of the part 前年度からの主な変更点, from its bookmark to the next one. */
async function changesText(path: string): Promise<string> {
  return withPdf(pdf(path), async (doc) => {
    const outline = await outlineEntries(doc);
    const at = outline.findIndex((o) => o.title === '前年度からの主な変更点');
    const start = outline[at]!.page!;
    const end = outline[at + 1]!.page!;
    const texts = await pageTexts(doc);
    return compact(texts.slice(start - 1, end - 1).join(''));
  });
}

describe('前年度からの主な変更点 in the packs of an edition with a previous one', () => {
  it('prints and verifies the packs, with the part in the contents and the outline', async () => {
    expect(result.verification.ok, JSON.stringify(result.verification.problems)).toBe(true);
    await withPdf(pdf('prefectures/32-shimane.pdf'), async (doc) => {
      const outline = (await outlineEntries(doc)).map((o) => o.title);
      expect(outline.slice(0, 3)).toEqual(['目次', '貴団体に関係する記載', '前年度からの主な変更点']);
      expect(compact((await pageTexts(doc))[1]!)).toMatch(/前年度からの主な変更点[ivx]+/);
    });
    expect(chromiumDescendants()).toEqual([]);
  });

  it.each(['briefing-pack.pdf', 'prefectures/32-shimane.pdf'])('lists each kind of change with both years and both slides: %s', async (path) => {
    const text = await changesText(path);
    const c = R7_CHANGES;
    expect(text).toContain('新設施策地域の担い手確保支援事業—21-⑪（新設）スライド66');
    expect(text).toContain('掲載終了施策医療コンテナの活用21-⑨掲載なし');
    expect(text).toContain('番号変更施策成果連動型民間委託契約方式（PFS）について21-⑩21-⑨');
    expect(text).toContain(`増額予算額当初予算額R6当初予算額${c.budget.from}スライド3R7当初予算額${c.budget.to}スライド3`);
    expect(text).toContain(`拡充上限額・措置額地域おこし協力隊員の活動に要する経費／人${c.cap.from}スライド1${c.cap.to}スライド1`);
    expect(text).toContain(`追加時系列隊員数令和6年度—${c.seriesPoint.to}スライド1`);
    expect(text).toContain('5,831人スライド54');
    expect(text).toContain('5,876人スライド54');
    // the same change on two slides: once, with both
    expect(text).toContain(`${c.quantity.from}スライド53・54${c.quantity.to}スライド53・54`);
    // a contact stands in the contact list, on no slide of the pack
    expect(text).toContain(`${c.phone.from}${c.phone.to}`);
    expect(text).toContain(`追加スライドの記載`);
    expect(text).toContain(compact(R7_SENTENCES.added.text));
    expect(text).toContain(`削除スライドの記載`);
    expect(text).toContain(compact(R7_SENTENCES.removed.text));
    expect(text).toContain(`変更スライドの記載`);
    expect(text).toContain(compact(R7_SENTENCES.reworded.to));
    // years that only moved with the edition (R6 → R7) are no change a reader needs
    expect(text).not.toMatch(/日付・年度＜特別交付税措置：R7＞/);
  });

  it('puts the changes that name the prefecture or its municipalities first in its pack', async () => {
    const shimane = await changesText('prefectures/32-shimane.pdf');
    const own = shimane.indexOf('島根県又は島根県内の市町村の名称を含む変更');
    expect(own).toBeGreaterThan(0);
    expect(shimane.indexOf(compact(R7_SENTENCES.added.text))).toBeGreaterThan(own);
    expect(shimane.indexOf(compact(R7_SENTENCES.added.text))).toBeLessThan(shimane.indexOf('施策の新設・掲載終了・名称変更・番号変更'));
    // listed once: not again under its program
    expect(shimane.split(compact(R7_SENTENCES.added.text))).toHaveLength(2);
    const tokyo = await changesText('prefectures/13-tokyo.pdf');
    expect(tokyo).toContain('東京都又は東京都内の市町村の名称を含む変更はありません。');
  });

  it('marks each changed figure in the program sections, linking to its entry', async () => {
    const entries = changeEntries(r7.changes, r7.briefing);
    const cap = entries.find((e) => e.label === '拡充' && e.after?.printed === R7_CHANGES.cap.to)!;
    await withPdf(pdf('briefing-pack.pdf'), async (doc) => {
      const destinations = await destinationPages(doc);
      const texts = (await pageTexts(doc)).map(compact);
      // the entry is a destination on a page of the changes part; the mark stands after the figure on the program's page
      const entryPage = destinations.get(cap.id)!;
      expect(entryPage).toBeGreaterThanOrEqual(destinations.get('changes')!);
      expect(entryPage).toBeLessThan(destinations.get('prog-01')!);
      const programPages = texts.slice(destinations.get('prog-01')! - 1, destinations.get('prog-02')! - 1).join('');
      expect(programPages).toContain(`${R7_CHANGES.cap.to}／人拡充を上限`);
      expect(programPages).toContain(`${R7_CHANGES.seriesPoint.to}追加`);
      // every mark of the pack links to an entry that is printed
      for (const e of entries.filter((x) => x.places.length > 0 && x.after !== null)) expect(destinations.has(e.id), `${e.id} ${e.subject}`).toBe(true);
    });
  });
});

describe('delivery folders: pack, workbook, cover letter and checksums per prefecture', () => {
  let files: { path: string; content: Uint8Array }[];
  let dir: string;
  beforeAll(async () => {
    const packs = PacksManifest.parse(JSON.parse(new TextDecoder().decode(pdf('packs.json')))).packs.filter((p) => p.recipient !== null);
    const input = { briefing: r7.briefing, manifest: r7.manifest, changes: r7.changes, packs };
    const [letters, again] = [await printLetters(input), await printLetters(input)];
    expect(letters.problems).toEqual([]);
    for (const [id, letter] of letters.letters) expect(Buffer.compare(again.letters.get(id)!, letter), id).toBe(0);
    const workbook = await renderContactsWorkbook(r7.briefing, r7.report, r7.manifest, r7.changes);
    const assemble = () => assembleDelivery(r7.manifest, workbook, packs.map((p) => ({ id: p.id, recipient: p.recipient!, prefectureCode: p.prefectureCode!, pack: pdf(p.files[0]!.path), letter: letters.letters.get(p.id)! })));
    files = await assemble();
    const rerun = await assemble();
    expect(rerun.map((f) => f.path)).toEqual(files.map((f) => f.path));
    rerun.forEach((f, i) => expect(Buffer.compare(f.content, files[i]!.content), f.path).toBe(0));
    dir = tempDir('delivery');
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
  }, 120_000);

  it('writes one folder and one zip per prefecture, and a manifest; sha256sum -c passes in each folder and over the zips', () => {
    expect(readdirSync(join(dir, 'delivery')).sort()).toEqual(['13-tokyo', '13-tokyo.zip', '32-shimane', '32-shimane.zip', 'SHA256SUMS', 'manifest.json']);
    expect(readdirSync(join(dir, 'delivery', '32-shimane')).sort()).toEqual(['SHA256SUMS', 'briefing-pack-32-shimane.pdf', 'contacts.xlsx', 'cover-letter.pdf']);
    for (const folder of ['delivery/32-shimane', 'delivery/13-tokyo', 'delivery']) {
      const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, folder), encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
    }
  });

  it('zips a folder whole: unzipped, its files are the manifest’s, byte for byte', () => {
    const manifest = DeliveryManifest.parse(JSON.parse(readFileSync(join(dir, 'delivery', 'manifest.json'), 'utf8')));
    const shimane = manifest.folders.find((f) => f.id === '32-shimane')!;
    expect(shimane.recipient).toBe('島根県');
    const out = join(dir, 'unzipped');
    const unzip = spawnSync('unzip', ['-q', join(dir, 'delivery', shimane.zip.path), '-d', out], { encoding: 'utf8' });
    expect(unzip.status, unzip.stderr).toBe(0);
    expect(readdirSync(join(out, '32-shimane')).sort()).toEqual(shimane.files.map((f) => f.path.split('/')[1]).sort());
    for (const f of shimane.files) {
      const bytes = readFileSync(join(out, f.path));
      expect(bytes.byteLength).toBe(f.bytes);
      expect(spawnSync('sha256sum', [join(out, f.path)], { encoding: 'utf8' }).stdout.split(' ')[0]).toBe(f.sha256);
    }
    expect(Buffer.compare(readFileSync(join(out, '32-shimane', 'briefing-pack-32-shimane.pdf')), pdf('prefectures/32-shimane.pdf'))).toBe(0);
  });

  it('sends a one-page cover letter naming the recipient, the files, the changes and whom to ask', async () => {
    const letter = files.find((f) => f.path === 'delivery/32-shimane/cover-letter.pdf')!.content;
    await withPdf(letter, async (doc) => {
      expect(doc.numPages).toBe(1);
      const text = compact((await pageTexts(doc)).join(''));
      expect(text).toContain('島根県御中');
      expect(text).toContain('地域力創造グループ施策説明資料（令和7年度）の送付について');
      for (const name of ['briefing-pack-32-shimane.pdf', 'contacts.xlsx', 'SHA256SUMS', '32-shimane.zip']) expect(text).toContain(name);
      expect(text).toMatch(/前年度からの主な変更点：\d+件（うち島根県又は島根県内の市町村の名称を含むもの1件）/);
      expect(text).toContain('総務省地域力創造グループ地域政策課電話03-5253-5523');
    });
  });
});
