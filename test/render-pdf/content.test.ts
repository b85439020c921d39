import { beforeAll, describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { seriesChartSvg, shortYearLabel } from '../../pipeline/views/chart.ts';
import { allPhones } from '../../pipeline/render-pdf/contact-list-view.ts';
import { FONT_FAMILY, FONT_FILES, GLYPH_FALLBACK, printable } from '../../pipeline/render-pdf/fonts.ts';
import { mentionsView, NO_MENTION } from '../../pipeline/render-pdf/mentions-view.ts';
import { packTargets, prefecturePackId } from '../../pipeline/render-pdf/pack-plan.ts';
import { packView, sharedContent, type SharedContent } from '../../pipeline/render-pdf/pack-view.ts';
import { cssString, runningHeaderCss } from '../../pipeline/render-pdf/page-css.ts';
import { prefectureMentions } from '../../pipeline/render-pdf/prefecture-mentions.ts';
import { SERIES_BAND_COLUMNS, tableBands } from '../../pipeline/render-pdf/program-sections.ts';
import { seriesTarget } from '../../pipeline/views/series-target.ts';
import { KeptCharts } from '../../pipeline/render-pdf/kept-charts.ts';
import { compileTemplates } from '../../pipeline/render-pdf/templates.ts';
import { textRuns } from '../../pipeline/views/text-runs.ts';
import { prefectureByName } from '../../pipeline/units/prefectures.ts';
import { r6PackInput, type R6PackInput } from './r6-input.ts';

let briefing: R6PackInput['briefing'];
let report: R6PackInput['report'];
let manifest: R6PackInput['manifest'];
let shared: SharedContent;

beforeAll(async () => {
  ({ briefing, report, manifest } = await r6PackInput());
  shared = sharedContent({ briefing, report, manifest });
});

const series = (id: string) => briefing.series.find((s) => s.id === id)!;

describe('pack plan', () => {
  it('is the national pack, then the 47 prefectures as <JIS code>-<slug>', () => {
    const targets = packTargets();
    expect(targets).toHaveLength(48);
    expect(targets[0]).toMatchObject({ id: 'national', path: 'briefing-pack.pdf', prefecture: null });
    expect(targets.find((t) => t.id === '13-tokyo')?.path).toBe('prefectures/13-tokyo.pdf');
    expect(targets.at(-1)?.path).toBe('prefectures/47-okinawa.pdf');
    expect(prefecturePackId(prefectureByName('千葉県')!)).toBe('12-chiba');
  });

  it('keeps the packs asked for, and refuses an id it does not know', () => {
    expect(packTargets(['32-shimane', 'national']).map((t) => t.id)).toEqual(['national', '32-shimane']);
    expect(() => packTargets(['13-tokio'])).toThrow(/unknown pack id\(s\): 13-tokio/);
  });
});

describe('貴団体に関係する記載', () => {
  it('lists the 13 特定地域づくり事業協同組合 of 島根県 under 【島根県】 on slide 27, with a link to the slide', () => {
    const list = prefectureMentions(briefing, '島根県').find((m) => m.kind === 'list')!;
    expect(list).toMatchObject({ programNo: '11', programName: '特定地域づくり事業協同組合', slide: 27, anchor: 'prog-11-s27' });
    expect(list.names).toEqual(['松江市', '邑南町', '浜田市', '津和野町', '大田市', '海士町', '安来市', '西ノ島町', '雲南市', '知夫村', '奥出雲町', '隠岐の島町', '飯南町']);
    expect(mentionsView(briefing, '島根県').rows.find((r) => r.slide === 'スライド27')!.kind).toBe('一覧（13件）');
  });

  it('quotes what the slide says where it names a municipality: 邑南町\'s model project', () => {
    const onan = prefectureMentions(briefing, '島根県').find((m) => m.names.includes('島根県邑南町'))!;
    expect(onan).toMatchObject({ kind: 'mention', slide: 12, venue: false });
    // the heading that names it, with the project it heads
    expect(onan.quote).toBe('＜島根県邑南町（H30モデル事業）＞ 「はすみファンと共に創る地域」事業での「INAKAイルミ」の実施');
  });

  it('keeps one list item that names several municipalities as one cooperative (柳津町・三島町・昭和村)', () => {
    const list = prefectureMentions(briefing, '福島県').find((m) => m.kind === 'list')!;
    expect(list.names).toContain('柳津町・三島町・昭和村');
    expect(list.names).toHaveLength(7);
  });

  it('shows 千葉県 in the asbestos table with its row 19 = 2 + 17 (slide 58), quoted as the row', () => {
    const mentions = prefectureMentions(briefing, '千葉県');
    expect(mentions.map((m) => [m.programNo, m.slide])).toEqual([['21-③', 58], ['21-⑪', 66]]);
    expect(mentions[0]).toMatchObject({ kind: 'mention', names: ['千葉県'], quote: '千葉県 19 2 17', row: { label: '千葉県', cells: ['19', '2', '17'] } });
  });

  it('keeps venues and addresses apart from what concerns the prefecture, and merges repeats (東京都)', () => {
    const view = mentionsView(briefing, '東京都');
    expect(view.venues.map((v) => v.quote)).toEqual(expect.arrayContaining(['［所在地］ 東京都中央区京橋1-1-6 越前屋ビル']));
    expect(view.venues.length).toBeGreaterThanOrEqual(3);
    const quotes = [...view.rows, ...view.venues].map((r) => `${r.slide}|${r.quote}`);
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it('says so in one line when the briefing names neither the prefecture nor its municipalities (茨城県)', () => {
    expect(prefectureMentions(briefing, '茨城県')).toEqual([]);
    const view = mentionsView(briefing, '茨城県');
    expect(view.none).toBe(NO_MENTION);
    expect(NO_MENTION).toBe('本資料には貴団体に固有の記載はありません。');
    expect(view.rows).toEqual([]);
  });

  it('gives no source line numbers', () => {
    for (const p of ['島根県', '千葉県', '東京都', '佐賀県']) expect(JSON.stringify(mentionsView(briefing, p))).not.toMatch(/行目/);
  });
});

describe('charts', () => {
  it('reads the target of 隊員数 from its slide: 令和8年度 10,000人; other series have none', () => {
    expect(seriesTarget(briefing, series('series-s01-1'))).toMatchObject({ fiscalYear: 2026, value: 10000, printed: '10,000人', line: 46 });
    expect(seriesTarget(briefing, series('series-s01-2'))).toBeNull();
    expect(seriesTarget(briefing, series('series-s10-1'))).toBeNull();
  });

  it('draws 隊員数 89 → 7,200 by year with the 10,000 target in R8, as SVG text in the pack font', () => {
    const s = series('series-s01-1');
    const svg = seriesChartSvg(s, seriesTarget(briefing, s), { fontFamily: FONT_FAMILY });
    expect(svg).toMatch(/^<svg role="img" [^>]*><title>隊員数の推移<\/title><desc>隊員数：21年度 89人 → 5年度 7,200人<\/desc>/);
    for (const text of ['>89<', '>7,200<', '目標 10,000人', '>R8<', '>H21<', '>2026<']) expect(svg).toContain(text);
    expect(svg).toContain(`font-family:${FONT_FAMILY}`);
    expect(svg).not.toMatch(/<style|class="zr|ecmeta_|<image|href=/);
    // the same data gives the same markup, whatever echarts instance drew it before
    expect(seriesChartSvg(s, seriesTarget(briefing, s), { fontFamily: FONT_FAMILY })).toBe(svg);
  });

  it('draws 移住・交流情報ガーデン 来場者数 from 平成27年度 16,687 to 令和5年度 7,834', () => {
    const svg = seriesChartSvg(series('series-s10-1'), null, { title: '図4-1 来場者数の推移', description: '来場者数の推移（平成27年度 16,687 → 令和5年度 7,834）' });
    for (const text of ['>16,687<', '>7,834<', '>H27<', '>R5<', '<title>図4-1 来場者数の推移</title>']) expect(svg).toContain(text);
    // a reader's machine has its own Japanese font: the document charts name a generic stack
    expect(svg).toContain("font-family:'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif");
    expect(svg).not.toContain('目標');
  });

  it('keeps each chart for the next run by what it is drawn from: the same series taken, a changed value drawn again', () => {
    const s = series('series-s01-1');
    const style = { fontFamily: FONT_FAMILY };
    const first = new KeptCharts('test');
    const svg = first.draw(s, seriesTarget(briefing, s), style);
    expect(svg).toBe(seriesChartSvg(s, seriesTarget(briefing, s), style));
    const next = new KeptCharts('test', first.kept());
    expect(next.draw(s, seriesTarget(briefing, s), style)).toBe(svg);
    expect(next.drawn()).toBe(0);
    const changed = { ...s, points: s.points.map((p, i) => (i === s.points.length - 1 ? { ...p, value: p.value + 1 } : p)) };
    expect(next.draw(changed, seriesTarget(briefing, s), style)).not.toBe(svg);
    expect(next.drawn()).toBe(1);
    // another salt (other code or libraries) draws again
    const other = new KeptCharts('other', first.kept());
    other.draw(s, seriesTarget(briefing, s), style);
    expect(other.drawn()).toBe(1);
  });

  it('labels years the way the briefing does, with the Western year under them', () => {
    expect([2009, 2019, 2026].map(shortYearLabel)).toEqual(['H21\n2009', 'R元\n2019', 'R8\n2026']);
  });
});

describe('program sections from the program views', () => {
  it('has one section per program in contact-list order, a section per slide, its charts drawn inline', () => {
    expect(shared.programs).toHaveLength(31);
    expect(shared.programs.map((p) => p.no).slice(-2)).toEqual(['21-⑩', '21-⑪']);
    const first = shared.programs[0]!;
    expect(first).toMatchObject({ anchor: 'prog-01', name: '地域おこし協力隊', slides: '1–5' });
    expect(first.slideSections.map((s) => [s.anchor, s.title])[0]).toEqual(['prog-01-s01', '地域おこし協力隊について']);
    const tables = first.slideSections.flatMap((s) => s.blocks).filter((b) => b.partial === 'block-table');
    const charts = tables.flatMap((t) => (t.partial === 'block-table' ? t.charts : []));
    expect(charts.map((c) => c.caption)).toEqual(['図1-1\u3000隊員数の推移', '図1-2\u3000自治体数の推移']);
    expect(charts[0]!.svg).toContain('<title>図1-1 隊員数の推移</title>');
    // the H27 figures of the ガーデン include 3月28～31日: its charts say so under them
    const garden = shared.programs[3]!.slideSections.flatMap((s) => s.blocks).flatMap((b) => (b.partial === 'block-table' ? b.charts : []));
    expect(garden).toHaveLength(3);
    expect(garden.every((c) => c.note === '※平成27年度には、平成27年3月28～31日分を含む。')).toBe(true);
  });

  it('nests list items by marker, keeps the key of a key–value item, and marks numeric cells', () => {
    const blocks = shared.programs[0]!.slideSections[0]!.blocks;
    const list = blocks.find((b) => b.partial === 'block-list')!;
    if (list.partial !== 'block-list') throw new Error('no list');
    expect(list.items.map((i) => [i.marker, i.label])).toEqual([['●', null], ['○', '実施主体'], ['○', '活動期間'], ['○', '地方財政措置']]);
    expect(list.items[3]!.items).toHaveLength(7);
    const table = blocks.find((b) => b.partial === 'block-table')!;
    if (table.partial !== 'block-table') throw new Error('no table');
    expect(table.rows[0]!.slice(0, 2)).toEqual([
      { text: '隊員数', num: false, marks: [] },
      { text: '89人', num: true, marks: [] },
    ]);
    // without a previous edition nothing is marked
    expect(shared.programs.flatMap((p) => p.slideSections.flatMap((s) => s.blocks)).flatMap((b) => ('marks' in b ? b.marks : []))).toEqual([]);
    expect(table.caption).toBe('表1-1\u3000隊員数・自治体数の推移');
    // fifteen years across do not fit A4: two bands of eight years under each other, each with its label column, the second filled out
    expect(table.header[0]).toHaveLength(16);
    expect(table.bands.map((b) => b.header[0]!.map((c) => c.text))).toEqual([
      ['年度', '21年度', '22年度', '23年度', '24年度', '25年度', '26年度', '27年度', '28年度'],
      ['年度', '29年度', '30年度', '元年度', '2年度', '3年度', '4年度', '5年度', ''],
    ]);
    expect(table.bands[1]!.rows.map((r) => r[0]!.text)).toEqual(['隊員数', '自治体数']);
    expect(table.bands[1]!.rows[0]![7]!.text).toBe('7,200人');
  });

  it('sets a table in one band unless it is a year series of more than SERIES_BAND_COLUMNS years, and then in as few even bands as fit', () => {
    const cell = (text: string) => ({ text, num: false, marks: [] });
    const line = (label: string, n: number) => [cell(label), ...Array.from({ length: n }, (_, i) => cell(`${label}${i + 1}`))];
    const wide = [line('年度', 21)];
    expect(tableBands('breakdown', wide, [])).toEqual([{ header: wide, rows: [] }]);
    expect(tableBands('series', [line('年度', SERIES_BAND_COLUMNS)], [])).toHaveLength(1);
    const bands = tableBands('series', wide, [line('隊員数', 21)]);
    expect(bands.map((b) => b.header[0]!.length)).toEqual([8, 8, 8]);
    expect(bands.map((b) => b.rows[0]![0]!.text)).toEqual(['隊員数', '隊員数', '隊員数']);
    expect(bands.flatMap((b) => b.rows[0]!.slice(1).map((c) => c.text)).filter(Boolean)).toEqual(Array.from({ length: 21 }, (_, i) => `隊員数${i + 1}`));
    // a row of another length than the header's is left as the slide has it
    expect(tableBands('series', wide, [line('隊員数', 20)])).toHaveLength(1);
  });

  it('ends each section with its figures gathered and its contacts, no line on the checks and no ids', () => {
    const kaso = shared.programs.find((p) => p.no === '13')!;
    const [budgets, plans] = kaso.summary.budgetTables;
    expect(budgets!.rows.map((b) => [b.amount, b.notes])).toEqual([
      ['805百万円', 'スライド31では「8.0億円」と表記'],
      ['805百万円', ''],
    ]);
    // a column empty on every row is dropped: these budgets name no grant, one has a note
    expect(budgets).toMatchObject({ caption: '予算', hasSubject: false, hasNotes: true });
    expect(plans).toMatchObject({ caption: '地方債計画額', hasSubject: true, hasNotes: false });
    expect(plans!.rows.map((b) => [b.subject, b.amount])).toEqual([['過疎対策事業債', '5,700億円']]);
    const references = shared.programs.find((p) => p.no === '18')!.summary.budgetTables.find((t) => t.caption.startsWith('参考'))!;
    expect(references.rows.map((r) => r.subject)).toEqual(['外国人受入環境整備交付金（法務省所管）', '文化芸術振興費補助金（地域日本語教育の総合的な体制づくり推進事業）（文化庁所管）']);
    expect(shared.programs[0]!.summary.hasDetails).toBe(true);
    expect(shared.programs.find((p) => p.no === '21-⑩')!.contacts.at(-1)).toEqual({ department: '内閣府 成果連動型事業推進室', people: [], phones: ['03-6256-1168'], note: 'スライド65に記載' });
    const json = JSON.stringify(shared.programs);
    for (const id of report.checks.map((c) => c.id).filter((id) => /[a-z]-[a-z]/.test(id))) expect(json.includes(`"${id}"`) || json.includes(id), id).toBe(false);
  });
});

describe('appendix and contacts', () => {
  it('lists every budget and fiscal measure of every program', () => {
    expect(shared.appendix.budgets.flatMap((g) => g.rows)).toHaveLength(16);
    expect(shared.appendix.measures.flatMap((g) => g.rows)).toHaveLength(briefing.measures.length);
    expect(shared.appendix.measures[0]!.program).toBe('1\u3000地域おこし協力隊');
    // four rate columns would not fit A4: one 「率」 column names each rate of a measure
    expect(shared.appendix.measureHeaders.map((h) => h.text)).toEqual(['区分', '対象経費等', '上限額・措置額', '率']);
    const asbestos = shared.appendix.measures.find((g) => g.program.startsWith('21-③'))!.rows[0]!;
    expect(asbestos.cells.map((c) => c.text)).toEqual(['地方債', '一般単独・一般事業債（石綿対策事業）', '', '充当率 95%\n交付税措置率 元利償還金の40%']);
    // a program's own table keeps one rate column as it is
    expect(shared.programs[0]!.summary.measureHeaders.map((h) => h.text)).toEqual(['区分', '対象経費等', '上限額・措置額', '措置率']);
  });

  it('lists every contact by department, a phone printed only on a slide with its office', () => {
    const rows = shared.contacts;
    expect(rows).toHaveLength(31);
    expect(rows[0]).toMatchObject({ no: '1', name: '地域おこし協力隊', span: 1, first: { department: '地域自立応援課', people: ['久芝', '森本', '豊原', '河西', '芳賀'], phones: ['03-5253-5394'] } });
    expect(rows.find((r) => r.no === '7')).toMatchObject({ span: 2, first: { department: '地域振興室', people: ['日比野'] }, rest: [{ department: '地域自立応援課', people: ['大城'], phones: ['03-5253-5394'] }] });
    expect(rows.find((r) => r.no === '21-⑪')?.first).toEqual({ department: '厚生労働省労働者協同組合業務室', people: [], phones: ['03-3595-3189'], note: '電話番号はスライド66に記載' });
    expect(rows.find((r) => r.no === '21-⑩')?.rest).toEqual([{ department: '内閣府 成果連動型事業推進室', people: [], phones: ['03-6256-1168'], note: 'スライド65に記載' }]);
    expect(allPhones(briefing.programs)).toEqual(expect.arrayContaining(['03-5253-5394', '03-5253-5534', '03-3595-3189', '03-6256-1168']));
  });
});

describe('text set for print', () => {
  it('keeps amounts, phones, era dates and prefecture names whole: a line never breaks inside them', () => {
    const kept = (text: string) => textRuns(text).filter((r) => r.keep).map((r) => r.text);
    expect(kept('活動に要する経費：520万円／人を上限(報償費等：320万円、その他活動経費：200万円)')).toEqual(['520万円／人', '320万円', '200万円']);
    expect(kept('☎ 03-6256-1168（直通）')).toEqual(['03-6256-1168']);
    expect(kept('令和6年4月1日現在 計616名・組織')).toEqual(['令和6年4月1日', '616名']);
    expect(kept('（5,600,000円）、R6.4.1現在、措置率1/2')).toEqual(['5,600,000円', 'R6.4.1', '1/2']);
    expect(kept('隊員数 21年度 89人')).toEqual(['21年度', '89人']);
    // prefecture names too: never 「神／奈川県」
    expect(kept('※北海道、神奈川県、京都府、和歌山県')).toEqual(['北海道', '神奈川県', '京都府', '和歌山県']);
  });

  it('prints every character of every slide with a glyph of the embedded font', () => {
    const font = fontkit.openSync(FONT_FILES.regular);
    const html = compileTemplates().layout(packView(shared, packTargets(['national'])[0]!, null));
    const text = html.replace(/<style>[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>|<[^>]+>/g, '').replace(/&[#a-z0-9]+;/gi, '');
    const missing = [...new Set([...text].filter((c) => c.codePointAt(0)! > 0x7f && !font.hasGlyphForCodePoint(c.codePointAt(0)!)))];
    expect(missing).toEqual([]);
    for (const target of Object.values(GLYPH_FALLBACK)) for (const c of target) expect(font.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
    expect(printable('✔（対市区町村）')).toBe('✓（対市区町村）');
  });
});

describe('layout', () => {
  it('renders a prefecture pack as HTML: lang, title, policy, cover recipient, contents, parts on named pages', () => {
    const target = packTargets(['12-chiba'])[0]!;
    const view = packView(shared, target, new Map([['prog-01', '5']]));
    const html = compileTemplates().layout(view);
    expect(html).toMatch(/^<!doctype html>\n<html lang="ja">/);
    expect(html).toContain('<title>地域力創造グループ 施策説明資料（令和6年度） 千葉県版</title>');
    expect(html).toContain('content="default-src &#x27;none&#x27;;');
    expect(html).toContain('<p class="cover-recipient">千葉県 御中</p>');
    expect(html).toContain('<p class="cover-year">令和6年度（2024年度）</p>');
    expect(html).toContain('<p class="cover-date">令和6年4月1日</p>');
    // 御中 on the cover only; the footer names the pack
    expect(html.match(/御中/g)).toHaveLength(1);
    expect(html).toContain('@bottom-left { content: "千葉県版"; }');
    expect(html).toContain('<a href="#prog-01"><span class="toc-no">1</span><span class="toc-label">地域おこし協力隊</span><span class="toc-page">5</span></a>');
    expect(html).toContain('<a href="#mentions"><span class="toc-no"></span><span class="toc-label">貴団体に関係する記載</span><span class="toc-page">\u00a0</span></a>');
    expect(html).toContain('#prog-01 { page: prog-01; }\n@page prog-01 { @top-left { content: "1\u3000地域おこし協力隊"; } }');
    expect(html.match(/<h1>/g)).toHaveLength(31);
    expect(html).toContain('<a href="#prog-23-s58">スライド58</a>');
    expect(html).not.toMatch(/行目|[0-9a-f]{64}|sha256|SHA-256/i);
  });

  it('puts a text into CSS as a string nothing can break out of', () => {
    expect(cssString('PPP／PFI "quoted" \\ </style><script>')).toBe('"PPP／PFI \\22 quoted\\22  \\5c  \\3c \\2f style\\3e \\3c script\\3e "');
    expect(cssString('line\nbreak')).toBe('"line break"');
    expect(() => runningHeaderCss([{ selector: '#x{}', pageName: 'p', header: '' }])).toThrow(/not a CSS selector/);
  });
});
