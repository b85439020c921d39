import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesOf } from '../../pipeline/render-pdf/assemble/write-update.ts';
import { distributionFiles } from '../../pipeline/render-pdf/distribution.ts';
import { NO_PREVIOUS } from '../../pipeline/render-pdf/changes-view.ts';
import { NO_MENTION } from '../../pipeline/render-pdf/mentions-view.ts';
import { destinationPages, outlineEntries, pageLines, pageTexts, pdfFonts, withPdf, type PageLine, type PdfDocument } from '../../pipeline/render-pdf/pdf-read.ts';
import { badPages, bodyText, cutTexts } from './read-back.ts';
import { renderPacks, type RenderPacksResult } from '../../pipeline/render-pdf/render-packs.ts';
import { PageReadings } from '../../pipeline/render-pdf/page-readings.ts';
import { KeptCharts } from '../../pipeline/render-pdf/kept-charts.ts';
import { compact } from '../../pipeline/render-pdf/verify.ts';
import { normalizePdf } from '../../pipeline/render-pdf/pdf-normalize.ts';
import { packView, sharedContent } from '../../pipeline/render-pdf/pack-view.ts';
import { packTargets } from '../../pipeline/render-pdf/pack-plan.ts';
import { printHtml } from '../../pipeline/render-pdf/print-html.ts';
import { compileTemplates } from '../../pipeline/render-pdf/templates.ts';
import { contactCells, coverage, expectedTexts, fold } from '../helpers/coverage.ts';
import { parseText, R6_TEXT } from '../helpers/r6.ts';
import { r6PackInput, type R6PackInput } from './r6-input.ts';
import { chromiumDescendants } from './processes.ts';

// National, 島根県 (13 cooperatives), 千葉県 (asbestos row 19 = 2 + 17), 茨城県 (no mention)
const ONLY = ['national', '12-chiba', '32-shimane', '08-ibaraki'];

let briefing: R6PackInput['briefing'];
let report: R6PackInput['report'];
let manifest: R6PackInput['manifest'];
let result: RenderPacksResult;
/** what the pages of the first run read as, for the runs after a change */
const firstReadings = new PageReadings('test');
/** the charts the first run drew, likewise */
const firstCharts = new KeptCharts('test');
const progress: string[] = [];
let dir: string;

beforeAll(async () => {
  ({ briefing, report, manifest } = await r6PackInput());
  result = await renderPacks({ briefing, report, manifest }, { only: ONLY, readings: firstReadings, charts: firstCharts, onProgress: (done, total, name) => progress.push(`${done}/${total} ${name}`) });
  dir = await mkdtemp(join(tmpdir(), 'briefing-pdf-test-'));
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const pdfOf = (path: string) => result.files.find((f) => f.path === path)!.content;
/** What one reading (pageTexts, pageLines, bodyText …) gives for one printed pack: read once per file. */
const readings = new Map<(doc: PdfDocument) => Promise<unknown>, Map<string, Promise<unknown>>>();
const read = <T>(path: string, fn: (doc: PdfDocument) => Promise<T>): Promise<T> => {
  const byPath = readings.get(fn) ?? readings.set(fn, new Map()).get(fn)!;
  if (!byPath.has(path)) byPath.set(path, withPdf(pdfOf(path), fn));
  return byPath.get(path) as Promise<T>;
};

describe('renderPacks', () => {
  it('returns the PDFs and the distribution manifest, verified, without writing anything', () => {
    expect(result.verification).toEqual({ ok: true, packs: 4, pages: expect.any(Number), problems: [] });
    // what the packs share was printed once: the body's sections (one per program, the back matter), the stamps, the folios, the measuring draft; and one front matter per pack
    expect(result.printed).toBe(31 + 1 + 3 + 4);
    expect(result.files.map((f) => f.path)).toEqual([
      'briefing-pack.pdf',
      'prefectures/08-ibaraki.pdf',
      'prefectures/12-chiba.pdf',
      'prefectures/32-shimane.pdf',
      'packs.json',
      'packs.md',
      'SHA256SUMS',
    ]);
    expect(progress.map((p) => p.split(' ')[0])).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(result.packs.find((p) => p.id === '32-shimane')).toMatchObject({ recipient: '島根県', prefectureCode: 32, mentions: 4 });
    // the measured page numbers held: every front matter was printed once
    expect([...result.passes.values()]).toEqual([1, 1, 1, 1]);
  });

  it('writes each object of a pack as pdf-lib writes it (bytesOf): dictionaries, strings, names, streams as Chromium printed them', async () => {
    const doc = await PDFDocument.load(pdfOf('prefectures/32-shimane.pdf'), { updateMetadata: false });
    const objects = doc.context.enumerateIndirectObjects().map(([, object]) => object);
    expect(objects.length).toBeGreaterThan(1000);
    expect(objects.some((o) => o instanceof PDFRawStream)).toBe(true);
    const differing = objects.filter((object) => {
      const expected = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(expected, 0);
      return !Buffer.from(bytesOf(object)).equals(Buffer.from(expected));
    });
    expect(differing.map((o) => o.toString().slice(0, 80))).toEqual([]);
  });

  it('leaves no browser process behind', () => {
    expect(chromiumDescendants()).toEqual([]);
  });
});

describe('the national pack', () => {
  it('is A4, tagged, in Japanese, titled after the briefing', async () => {
    await read('briefing-pack.pdf', async (doc) => {
      const info = (await doc.getMetadata()).info as Record<string, unknown>;
      expect(info).toMatchObject({ Title: '地域力創造グループ 施策説明資料（令和6年度）', Language: 'ja' });
      expect(await doc.getMarkInfo()).toMatchObject({ Marked: true });
      const page = await doc.getPage(1);
      expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
    });
  });

  it('has bookmarks for 目次, each program as 「1 地域おこし協力隊」, 付録 and 連絡先一覧, on one level', async () => {
    const outline = await read('briefing-pack.pdf', outlineEntries);
    expect(outline).toHaveLength(34);
    expect(outline[0]!.title).toBe('目次');
    expect(outline[1]!.title).toBe('1 地域おこし協力隊');
    expect(outline[21]!.title).toBe('21-① 行政相談活動と困りごと解決への連携のお願い');
    expect(outline.slice(1, 32).map((o) => o.title)).toEqual(briefing.programs.map((p) => `${p.no} ${p.name}`));
    expect(outline.slice(32).map((o) => o.title)).toEqual(['付録\u3000予算・財政措置一覧', '連絡先一覧']);
    // one level: the slides of a program are no bookmarks of their own
    expect(outline.every((o) => o.children === 0)).toBe(true);
  });

  it('prints the page label of every part in its table of contents, where its links lead', async () => {
    await read('briefing-pack.pdf', async (doc) => {
      const toc = compact((await pageTexts(doc)).slice(1, 3).join(''));
      const destinations = await destinationPages(doc);
      const outline = await outlineEntries(doc);
      const labels = (await doc.getPageLabels())!;
      const label = (anchor: string) => labels[destinations.get(anchor)! - 1]!;
      briefing.programs.forEach((p, i) => {
        const anchor = `prog-${String(p.order).padStart(2, '0')}`;
        expect(destinations.get(anchor)).toBe(outline[i + 1]!.page);
        expect(toc).toContain(compact(`${p.no}${p.name}${label(anchor)}`));
      });
      expect(toc).toContain(`付録予算・財政措置一覧${label('appendix')}`);
      expect(toc).toContain(`連絡先一覧${label('contacts')}`);
      // the cover and the contents are i and ii; the body starts at 1
      expect(destinations.get('prog-01')).toBe(3);
      expect(labels.slice(0, 4)).toEqual(['i', 'ii', '1', '2']);
    });
  });

  it('says in one line on its contents page that no previous edition was compared, and nothing else of changes', async () => {
    const texts = (await read('briefing-pack.pdf', pageTexts)).map(compact);
    expect(texts[1]).toContain(compact(NO_PREVIOUS));
    expect(texts.join('').split('前年度からの主な変更点')).toHaveLength(2);
    expect(texts.join('')).not.toContain('前年度（令和');
    // no mark beside a figure: nothing links to an entry of changes
    expect([...(await read('briefing-pack.pdf', destinationPages)).keys()].filter((d) => d.startsWith('chg-'))).toEqual([]);
  });

  it('carries ≥ 95 % of the briefing\'s prose lines, every cell of its contact list, and prints the figure and what is missing', async () => {
    const texts = await read('briefing-pack.pdf', pageTexts);
    // a paragraph that runs on to the next page reads on past the footer and the running header
    const result = coverage(expectedTexts(R6_TEXT, briefing), await read('briefing-pack.pdf', bodyText));
    console.log(`national pack: ${result.covered}/${result.lines} prose lines (${(result.ratio * 100).toFixed(1)} %), ${texts.length} pages${result.missing.map((m) => `\n  missing line ${m.line}: ${m.text}`).join('')}`);
    expect(result.ratio).toBeGreaterThanOrEqual(0.95);
    const all = fold(texts.join(''));
    expect(contactCells(briefing).filter((c) => !all.includes(c))).toEqual([]);
  });

  it('shows the program sections, the charts, the appendix of figures and the contact list', async () => {
    const text = compact((await read('briefing-pack.pdf', pageTexts)).join(''));
    for (const p of briefing.programs) expect(text).toContain(compact(p.name));
    for (const phone of ['03-5253-5394', '03-5253-5391', '03-5253-5534', '03-3595-3189', '03-6256-1168']) expect(text).toContain(phone);
    expect(text).toContain('目標10,000人');
    expect(text).toContain('図1-1隊員数の推移');
    expect(text).toContain('来場者数の推移');
    expect(text).toContain('付表2財政措置');
    expect(text).toContain('内閣府成果連動型事業推進室');
    // the document reads as printed: 目標, 移住・交流, PPP／PFI — no radicals or look-alike code points
    expect(text).toContain('移住・交流情報ガーデン／移住・定住対策への支援');
    expect(text).not.toMatch(/[\u2e80-\u2fdf\u2027\u2215]/);
  });

  it('numbers its pages — the front matter i, ii …, the body 1 / N … — and names its program at the top of each page', async () => {
    const texts = await read('briefing-pack.pdf', pageTexts);
    const body = texts.length - 2;
    expect(texts[3]).toContain(`2 / ${body}`);
    expect(compact(texts[3]!)).toMatch(/^1地域おこし協力隊/);
    // the footer names the edition (stamped on the body's pages, drawn after them); the cover carries no header or footer
    expect(compact(texts[3]!)).toMatch(/全国版$/);
    expect(compact(texts[1]!)).toContain('ii全国版');
    expect(texts[0]).not.toContain(`/ ${body}`);
  });
});

describe('prefecture packs', () => {
  it('address the prefecture on the cover', async () => {
    for (const [path, name] of [['prefectures/12-chiba.pdf', '千葉県'], ['prefectures/32-shimane.pdf', '島根県'], ['prefectures/08-ibaraki.pdf', '茨城県']]) {
      const cover = compact((await read(path!, pageTexts))[0]!);
      expect(cover).toContain(`${name}御中`);
      expect(cover).toContain('令和6年度（2024年度）');
      expect(cover).toContain('令和6年4月1日');
    }
  });

  it('open with 貴団体に関係する記載: 千葉県 and its asbestos row 19 2 17 on slide 58', async () => {
    await read('prefectures/12-chiba.pdf', async (doc) => {
      const page = (await destinationPages(doc)).get('mentions')!;
      const text = compact((await pageTexts(doc))[page - 1]!);
      expect(text).toMatch(/^貴団体に関係する記載/);
      expect(text).toContain('iii千葉県版');
      expect(text).toContain('21-③アスベスト対策の推進スライド58アスベスト対策の推進');
      // with the page of slide 58 in this pack, for a reader of the printed copy
      const destinations = await destinationPages(doc);
      const slide58 = [...destinations].find(([name]) => /^prog-\d+-s58$/.test(name))!;
      const labels = (await doc.getPageLabels())!;
      expect(text).toContain(`スライド58アスベスト対策の推進${labels[slide58[1] - 1]}`);
      expect(compact((await pageTexts(doc))[slide58[1] - 1]!)).toContain('スライド58アスベスト対策の推進');
      expect(text).toContain('千葉県19217');
      expect(text).not.toContain('行目');
      expect(text).toContain('21-⑪労働者協同組合制度スライド66');
    });
  });

  it('list the 13 特定地域づくり事業協同組合 of 島根県', async () => {
    const text = await read('prefectures/32-shimane.pdf', async (doc) => compact((await pageTexts(doc))[(await destinationPages(doc)).get('mentions')! - 1]!));
    expect(text).toContain('一覧（13件）【島根県】松江市、邑南町、浜田市、津和野町、大田市、海士町、安来市、西ノ島町、雲南市、知夫村、奥出雲町、隠岐の島町、飯南町');
  });

  it('say in one line that the briefing names 茨城県 nowhere, and go on with the programs', async () => {
    await read('prefectures/08-ibaraki.pdf', async (doc) => {
      const destinations = await destinationPages(doc);
      const texts = await pageTexts(doc);
      expect(compact(texts[destinations.get('mentions')! - 1]!)).toContain(NO_MENTION);
      expect(destinations.get('prog-01')).toBe(destinations.get('mentions')! + 1);
      const outline = (await outlineEntries(doc)).map((o) => o.title);
      expect(outline.slice(0, 3)).toEqual(['目次', '貴団体に関係する記載', '1 地域おこし協力隊']);
      expect(outline).toHaveLength(35);
    });
  });
});

describe('the body joined from its sections', () => {
  it('reads and looks page for page as the body printed whole: the same text, the same pixels (pdftoppm, when poppler is installed)', async () => {
    const pack = pdfOf('briefing-pack.pdf');
    // every pack starts with the body's file, byte for byte: up to its first %%EOF
    const end = Buffer.from(pack).indexOf('%%EOF') + '%%EOF'.length;
    const joined = pack.subarray(0, end + (pack[end] === 0x0a ? 1 : 0));
    const whole = normalizePdf((await printHtml(compileTemplates().layout(packView(sharedContent({ briefing, report, manifest }), packTargets()[0]!, null, { part: 'body' })))).pdf, manifest.generatedAt);
    const [joinedTexts, wholeTexts] = [await withPdf(joined, (d) => pageTexts(d)), await withPdf(whole, (d) => pageTexts(d))];
    expect(joinedTexts.length).toBeGreaterThan(85);
    // each page numbered alike (the folio is drawn after the page's content, Chromium draws its footer before or after)
    const folio = (i: number) => `${i + 1} / ${joinedTexts.length}`;
    for (const texts of [joinedTexts, wholeTexts]) texts.forEach((text, i) => expect(text).toContain(folio(i)));
    expect(joinedTexts.map((t, i) => t.replace(folio(i), ''))).toEqual(wholeTexts.map((t, i) => t.replace(folio(i), '')));
    expect(chromiumDescendants()).toEqual([]);
    await writeFile(join(dir, 'joined.pdf'), joined);
    await writeFile(join(dir, 'whole.pdf'), whole);
    for (const name of ['joined', 'whole']) if (spawnSync('pdftoppm', ['-r', '30', '-gray', join(dir, `${name}.pdf`), join(dir, name)]).error) return;
    const images = (name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}-`)).sort().map((f) => readFileSync(join(dir, f)));
    const [a, b] = [images('joined'), images('whole')];
    expect(a).toHaveLength(joinedTexts.length);
    expect(a.map((image, i) => (image.equals(b[i]!) ? null : i + 1)).filter((page) => page !== null)).toEqual([]);
  }, 120_000);
});

describe('a prefecture pack assembled from its front matter and the shared body', () => {
  const chiba = 'prefectures/12-chiba.pdf';

  it('has the outline of a pack printed whole: 目次, 貴団体に関係する記載, each program, 付録, 連絡先一覧 — each where its contents entry leads', async () => {
    await read(chiba, async (doc) => {
      const outline = await outlineEntries(doc);
      expect(outline.map((o) => o.title)).toEqual(['目次', '貴団体に関係する記載', ...briefing.programs.map((p) => `${p.no} ${p.name}`), '付録\u3000予算・財政措置一覧', '連絡先一覧']);
      const destinations = await destinationPages(doc);
      expect(outline.slice(1).map((o) => o.page)).toEqual(['mentions', ...briefing.programs.map((p) => `prog-${String(p.order).padStart(2, '0')}`), 'appendix', 'contacts'].map((a) => destinations.get(a)));
    });
  });

  it('labels its pages i, ii, iii (cover, contents, mentions) and then 1 … N, the national body’s pages', async () => {
    const national = await read('briefing-pack.pdf', async (doc) => (await doc.getPageLabels())!);
    await read(chiba, async (doc) => {
      const labels = (await doc.getPageLabels())!;
      expect(labels.slice(0, 4)).toEqual(['i', 'ii', 'iii', '1']);
      expect(labels.slice(3)).toEqual(national.slice(2));
      expect(labels).toHaveLength(doc.numPages);
    });
  });

  it('prints in its contents the label of the page each entry leads to, its own part and the body’s alike', async () => {
    await read(chiba, async (doc) => {
      const labels = (await doc.getPageLabels())!;
      const destinations = await destinationPages(doc);
      const toc = compact((await pageTexts(doc))[1]!);
      expect(toc).toContain(`貴団体に関係する記載${labels[destinations.get('mentions')! - 1]}`);
      expect(labels[destinations.get('mentions')! - 1]).toBe('iii');
      for (const p of briefing.programs) expect(toc).toContain(compact(`${p.no}${p.name}${labels[destinations.get(`prog-${String(p.order).padStart(2, '0')}`)! - 1]}`));
      expect(toc).toContain(`連絡先一覧${labels[destinations.get('contacts')! - 1]}`);
    });
  });

  it('is one tagged document: the front matter’s and the body’s structure under one Document, links that lead from one to the other', async () => {
    await read(chiba, async (doc) => {
      const roles = async (n: number) => {
        const tree = (await (await doc.getPage(n)).getStructTree()) as { children: { role: string }[] };
        return tree.children.map((c) => c.role);
      };
      // the contents (a front page) and the first body page are both in the one Document element
      expect(await roles(2)).toEqual(['Document']);
      expect(await roles(4)).toEqual(['Document']);
      // a link of the contents leads into the body
      const annotations = await (await doc.getPage(2)).getAnnotations();
      const links = annotations.filter((a: { subtype: string }) => a.subtype === 'Link');
      expect(links.length).toBeGreaterThan(30);
      const destinations = await destinationPages(doc);
      expect(links.some((a: { dest?: unknown }) => a.dest === 'prog-01')).toBe(true);
      expect(destinations.get('prog-01')).toBe(4);
    });
  });

});

describe('a change re-prints only what it touches', () => {
  /** the first run's prints, and the packs' updates unless `updates` is false */
  const store = (updates: boolean) => {
    const prints = new Map(result.prints.filter((p) => updates || p.type !== 'update').map((p) => [`${p.key}.${p.type}`, p.bytes]));
    return { salt: '', get: async (key: string, type = 'pdf') => prints.get(`${key}.${type}`) ?? null };
  };
  /** `updates` false: neither the packs' updates nor the charts of the first run are taken */
  const rendered = async (find: string, replace: string, updates = true) => {
    expect(R6_TEXT.split(find)).toHaveLength(2);
    const { briefing: changed } = await parseText(R6_TEXT.replace(find, replace));
    const readings = new PageReadings('test', firstReadings.kept());
    const charts = new KeptCharts('test', updates ? firstCharts.kept() : {});
    return { ...(await renderPacks({ briefing: changed, report, manifest }, { only: ONLY, store: store(updates), readings, charts })), readings, charts };
  };
  const sameFiles = (a: RenderPacksResult, b: RenderPacksResult) => {
    expect(a.files.map((f) => f.path)).toEqual(b.files.map((f) => f.path));
    for (const [i, f] of a.files.entries()) expect(Buffer.from(f.content).equals(Buffer.from(b.files[i]!.content)), f.path).toBe(true);
  };

  it('prints again the sections a figure of one program is on (６百万円 → ７百万円): its program’s and the back matter’s (the appendix lists budgets); every front matter is the last run’s', async () => {
    const again = await rendered('R６当初予算額：６百万円', 'R６当初予算額：７百万円');
    expect(again.verification.ok).toBe(true);
    expect(again.printed).toBe(2);
    // of the body's 85 pages and the packs' own, only what the changed figure moved is read again: its page
    expect(firstReadings.read()).toBeGreaterThan(85);
    expect(again.readings.read()).toBeGreaterThan(0);
    expect(again.readings.read()).toBeLessThanOrEqual(2);
    // no page moved: the labels, outline and destinations of the body and of every pack read as the last run read them
    expect(firstReadings.read('documents') + firstReadings.taken('documents')).toBe(ONLY.length + 1);
    expect(again.readings.read('documents')).toBe(0);
    expect(again.readings.taken('documents')).toBe(ONLY.length + 1);
    const text = await withPdf(again.files.find((f) => f.path === 'prefectures/12-chiba.pdf')!.content, async (doc) => compact((await pageTexts(doc)).join('')));
    expect(text).toContain('R6当初予算額：7百万円');
    expect(text).not.toContain('R6当初予算額：6百万円');
    // every pack's front matter is the last run's, and so is the update that joins it to the body: taken, not made, nor the front matter read
    expect(again.updatesTaken).toBe(ONLY.length);
    expect(again.readings.read('destinations')).toBe(0);
    // no series changed: every chart is the last run's (5 series, one chart each)
    expect(firstCharts.drawn()).toBe(5);
    expect(again.charts.drawn()).toBe(0);
    // the same packs as updates made anew and charts drawn again
    const made = await rendered('R６当初予算額：６百万円', 'R６当初予算額：７百万円', false);
    expect(made.updatesTaken).toBe(0);
    expect(made.charts.drawn()).toBe(5);
    sameFiles(again, made);
  }, 180_000);

  it('prints the section of the row, 千葉県’s front matter and the draft that measures front matters when a row 千葉県 is quoted from changes', async () => {
    const again = await rendered('千葉県 19 2 17', '千葉県 19 3 16');
    expect(again.verification.ok).toBe(true);
    expect(again.printed).toBe(3);
    // 千葉県's own pages as printed again, and the body's page of the row
    expect(again.readings.read()).toBeLessThanOrEqual(6);
    const mentions = await withPdf(again.files.find((f) => f.path === 'prefectures/12-chiba.pdf')!.content, async (doc) => compact((await pageTexts(doc))[(await destinationPages(doc)).get('mentions')! - 1]!));
    expect(mentions).toContain('千葉県19316');
    // 千葉県's update is made again, its front matter being another; the other packs' are taken onto the new body
    expect(again.updatesTaken).toBe(ONLY.length - 1);
    expect(chromiumDescendants()).toEqual([]);
  }, 120_000);
});

describe('figures labelled as the slides label them, in the national pack', () => {
  it('names 【参考】 budgets, the bond plan, a budget printed twice, JET, ワーホリ, 起業人, the 内閣府 phone and the slide titles', async () => {
    const text = compact((await read('briefing-pack.pdf', pageTexts)).join(''));
    for (const expected of [
      '参考：他府省所管の事業の予算',
      'R6当初予算外国人受入環境整備交付金（法務省所管）11億円',
      '令和6年度計画額過疎対策事業債5,700億円',
      '805百万円スライド31では「8.0億円」と表記',
      '私立学校におけるJET参加者の雇用に係る都道府県の助成経費602万円／人0.5',
      '地方自治体におけるJET参加者の任用に要する経費（報酬・旅費など）120万円＋JET参加者数×482万円標準団体（人口10万人）の場合',
      '地方公共団体が実施するふるさとワーキングホリデーに要する経費15,000千円＋5千円×全参加者の延べ滞在日数（団体あたり）',
      '【企業派遣型】受入れの期間中に要する経費560万円／人',
      '【副業型】受入れの期間中に要する経費200万円／人',
      '内閣府成果連動型事業推進室（スライド65に記載）03-6256-1168',
      'スライド56行政相談活動と困りごと解決への連携のお願い（行政相談企画課資料）',
      'スライド43地方公務員の人材育成・確保の推進（R6新規）',
      'スライド49「地域における多文化共生推進プラン」の概要※令和2年9月改訂',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('予算R6当初予算11億円');
  });
});

describe('internal QA stays out of every pack', () => {
  it('prints no check or rule id, no line number, no hash', async () => {
    const ids = [...new Set([...report.checks.map((c) => c.id), ...report.findings.map((f) => f.ruleId)])].filter((id) => /[a-z]-[a-z]/.test(id));
    for (const path of ['briefing-pack.pdf', 'prefectures/12-chiba.pdf', 'prefectures/32-shimane.pdf', 'prefectures/08-ibaraki.pdf']) {
      const text = (await read(path, pageTexts)).join('');
      expect(ids.filter((id) => text.includes(id)), path).toEqual([]);
      expect(text, path).not.toMatch(/行目|[0-9a-f]{64}|SHA-?256/i);
      // once, in the colophon: how many cross-checks, and that the source's own inconsistencies are printed as they are
      const checked = `本資料の数値は、スライド間の整合（合計・比率・上限と内訳など）を${report.summary.checksPassed + report.summary.acknowledged}件確認しています。原資料の表記に由来する不整合3件は、原資料のとおり掲載しています。`;
      expect(compact(text).split(checked), path).toHaveLength(2);
    }
  });
});

describe('typesetting, read back line by line as a reader reads the page', () => {
  const PACKS = ['briefing-pack.pdf', 'prefectures/32-shimane.pdf', 'prefectures/12-chiba.pdf'];
  const linesOf = (path: string) => read(path, pageLines);

  it('prints every amount, phone number and program number (21-⑩) of briefing.json whole on one line', async () => {
    const amounts = [...briefing.budgets.map((b) => b.amount.printed), ...briefing.measures.flatMap((m) => [m.cap, m.amount].flatMap((a) => (a ? [a.printed] : [])))];
    const phones = briefing.programs.flatMap((p) => [...p.phones, ...p.slidePhones.map((s) => s.phone)]);
    expect(amounts.length).toBeGreaterThan(60);
    expect(new Set(phones).size).toBe(10);
    const numbers = briefing.programs.map((p) => p.no).filter((no) => no.includes('-'));
    expect(numbers).toHaveLength(11);
    for (const path of PACKS) expect(cutTexts(await linesOf(path), [...amounts, ...phones, ...numbers]), path).toEqual([]);
  });

  it('finds an amount cut over two lines, and one that is missing (the check above can fail)', () => {
    const line = (text: string): PageLine => ({ text, y: 0, size: 9, largest: 9 });
    expect(cutTexts([[line('上限（5,600,00'), line('0円）'), line('03-5253-5394')]], ['5,600,000円', '03-5253-5394', '248百万円'])).toEqual(['5,600,000円', 'absent: 248百万円']);
  });

  it('writes 御中 on the cover of a prefecture pack only, and names the edition in every footer', async () => {
    for (const [path, edition] of [['briefing-pack.pdf', '全国版'], ['prefectures/32-shimane.pdf', '島根県版'], ['prefectures/12-chiba.pdf', '千葉県版']] as const) {
      const pages = await linesOf(path);
      const honorific = pages.flatMap((lines, i) => (lines.some((l) => l.text.includes('御中')) ? [i + 1] : []));
      expect(honorific, path).toEqual(path === 'briefing-pack.pdf' ? [] : [1]);
      const labels = await read(path, async (doc) => (await doc.getPageLabels())!);
      const body = labels.filter((l) => /^\d+$/.test(l)).length;
      pages.slice(1).forEach((lines, i) => {
        const label = labels[i + 1]!;
        expect(compact(lines.at(-1)!.text), `${path} page ${i + 2}`).toBe(/^\d+$/.test(label) ? `${edition}${label}/${body}` : `${edition}${label}`);
      });
    }
  });

  it('has no page of fewer than three lines, of headings or sources alone, or ending on a heading (the cover and the colophon aside)', async () => {
    for (const path of PACKS) {
      const pages = await linesOf(path);
      const allowed = new Map([
        [1, 'the cover'],
        [pages.length, 'the colophon, alone on the last page'],
      ]);
      expect(compact(pages.at(-1)!.map((l) => l.text).join('')), path).toContain('本書は、上記資料の各スライドの記載を施策ごとに再編集したものです。');
      // captions and header rows lead their table: 財政措置, 表1-1 …, 区分 対象経費等 …, 担当課室 担当者 電話番号
      const captions = [/^(予算|地方債計画額|財政措置|参考：他府省所管の事業の予算)$/, /^[表図]\d+-\d+/, /^区分\s/, /^担当課室\s*担当者/, /^No\.\s*施策名/];
      expect(badPages(pages, allowed, captions), path).toEqual([]);
    }
  });

  it('finds a page that holds a heading alone, and one that ends on a heading (the check above can fail)', () => {
    const body = (text: string, size = 9) => ({ text, y: 0, size, largest: size });
    const page = (...lines: PageLine[]) => [body('1 地域おこし協力隊 地域力創造グループ'), ...lines, body('全国版 3 / 92')];
    const pages = [
      page(body('表紙', 20)),
      page(body('スライド18 ローカル10,000プロジェクト', 11), body('出典：総務省調べ')),
      page(body('本文'), body('本文'), body('スライド20 ローカル10,000プロジェクト', 11)),
      page(body('本文'), body('本文'), body('本文')),
    ];
    expect(badPages(pages, new Map([[1, 'the cover']]))).toEqual(['page 2: 2 lines', 'page 3: ends with the heading 「スライド20 ローカル10,000プロジェクト」']);
    // a table's caption and header row at the foot of a page, its rows on the next
    const orphanHeader = page(body('本文'), body('本文'), body('財政措置'), body('区分 対象経費等 上限額・措置額 出典'));
    expect(badPages([orphanHeader], new Map(), [/^財政措置$/, /^区分\s/])).toEqual(['page 1: ends with the heading 「区分 対象経費等 上限額・措置額 出典」']);
  });
});

describe('fonts', () => {
  it('embed only subsets of Noto Sans JP, regular and bold, and no Type 3 font (pdfjs)', async () => {
    const fonts = await read('prefectures/12-chiba.pdf', (doc) => pdfFonts(doc));
    // a subset of each per printed part: the front matter, the body, the edition stamp
    expect([...new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort()).toEqual(['NotoSansJP-Bold', 'NotoSansJP-Regular']);
    expect(fonts.every((f) => /^[A-Z]{6}\+/.test(f.name) && !f.type3)).toBe(true);
  });

  it('make an assembled pack a strict reader accepts (qpdf --check, when qpdf is installed)', async () => {
    const path = join(dir, 'chiba-check.pdf');
    await writeFile(path, pdfOf('prefectures/12-chiba.pdf'));
    const run = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
    if (run.error) return;
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('No syntax or stream encoding errors');
  });

  it('are CID TrueType subsets, embedded, according to pdffonts (when poppler is installed)', async () => {
    const path = join(dir, 'chiba.pdf');
    await writeFile(path, pdfOf('prefectures/12-chiba.pdf'));
    const run = spawnSync('pdffonts', [path], { encoding: 'utf8' });
    if (run.error) return; // no poppler-utils here: the pdfjs test above stands
    const rows = run.stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeLessThanOrEqual(6);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+NotoSansJP-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});

describe('determinism', () => {
  it('prints the same bytes again, on another tab schedule, and so the same distribution manifest', async () => {
    const again = await renderPacks({ briefing, report, manifest }, { only: ['12-chiba'], concurrency: 1 });
    const path = 'prefectures/12-chiba.pdf';
    expect(Buffer.from(again.files.find((f) => f.path === path)!.content).equals(Buffer.from(pdfOf(path)))).toBe(true);
    const same = result.packs.filter((p) => p.id === '12-chiba');
    const expected = distributionFiles(same, briefing, manifest);
    for (const f of expected) expect(new TextDecoder().decode(again.files.find((x) => x.path === f.path)!.content)).toBe(f.content);
    expect(chromiumDescendants()).toEqual([]);
  }, 120_000);
});
