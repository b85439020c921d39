import { beforeAll, describe, expect, it } from 'vitest';
import { seriesChartSvg, shortYearLabel } from '../../pipeline/views/chart.ts';
import { allPhones, contactRows } from '../../pipeline/render-pdf/contact-list-view.ts';
import { FONT_FAMILY } from '../../pipeline/render-pdf/fonts.ts';
import { programBodyHtml } from '../../pipeline/render-pdf/markdown-html.ts';
import { mentionsView, NO_MENTION } from '../../pipeline/render-pdf/mentions-view.ts';
import { packTargets, prefecturePackId } from '../../pipeline/render-pdf/pack-plan.ts';
import { packView, sharedContent, type SharedContent } from '../../pipeline/render-pdf/pack-view.ts';
import { cssString, runningHeaderCss } from '../../pipeline/render-pdf/page-css.ts';
import { prefectureMentions } from '../../pipeline/render-pdf/prefecture-mentions.ts';
import { seriesTarget } from '../../pipeline/views/series-target.ts';
import { compileTemplates } from '../../pipeline/render-pdf/templates.ts';
import { validationView } from '../../pipeline/render-pdf/validation-view.ts';
import { prefectureByName } from '../../pipeline/units/prefectures.ts';
import { r6PackInput, type R6PackInput } from './r6-input.ts';

let briefing: R6PackInput['briefing'];
let report: R6PackInput['report'];
let manifest: R6PackInput['manifest'];
let documents: R6PackInput['documents'];
let shared: SharedContent;

beforeAll(async () => {
  ({ briefing, report, manifest, documents } = await r6PackInput());
  shared = sharedContent({ briefing, report, manifest, documents });
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
  it('lists the 13 特定地域づくり事業協同組合 of 島根県 under 【島根県】 on slide 27', () => {
    const list = prefectureMentions(briefing, '島根県').find((m) => m.kind === 'list')!;
    expect(list).toMatchObject({ programNo: '11', programName: '特定地域づくり事業協同組合', slide: 27 });
    expect(list.names).toEqual(['松江市', '邑南町', '浜田市', '津和野町', '大田市', '海士町', '安来市', '西ノ島町', '雲南市', '知夫村', '奥出雲町', '隠岐の島町', '飯南町']);
  });

  it('keeps one list item that names several municipalities as one cooperative (柳津町・三島町・昭和村)', () => {
    const list = prefectureMentions(briefing, '福島県').find((m) => m.kind === 'list')!;
    expect(list.names).toContain('柳津町・三島町・昭和村');
    expect(list.names).toHaveLength(7);
  });

  it('shows 千葉県 in the asbestos table with its row 19 = 2 + 17 (slide 58, line 3639)', () => {
    const mentions = prefectureMentions(briefing, '千葉県');
    expect(mentions.map((m) => [m.programNo, m.slide])).toEqual([['21-③', 58], ['21-⑪', 66]]);
    expect(mentions[0]).toMatchObject({ kind: 'mention', names: ['千葉県'], lines: [3639], row: { label: '千葉県', cells: ['19', '2', '17'] } });
    expect(mentions[1]!.row).toBeNull();
  });

  it('says so in one line when the briefing names neither the prefecture nor its municipalities (茨城県)', () => {
    expect(prefectureMentions(briefing, '茨城県')).toEqual([]);
    const view = mentionsView(briefing, '茨城県');
    expect(view.none).toBe(NO_MENTION);
    expect(NO_MENTION).toBe('本資料には貴団体に固有の記載はありません。');
    expect(view.rows).toEqual([]);
  });

  it('gives source lines as ranges: 1688–1695行目 for the 島根県 list', () => {
    expect(mentionsView(briefing, '島根県').rows.find((r) => r.kind === '一覧')?.lines).toBe('1688–1695行目');
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
    expect(svg).toMatch(/^<svg role="img" /);
    for (const text of ['>89<', '>7,200<', '目標 10,000人', '>R8<', '>H21<', '>2026<']) expect(svg).toContain(text);
    expect(svg).toContain(`font-family:${FONT_FAMILY}`);
    expect(svg).not.toMatch(/<style|class="zr|ecmeta_|<image|href=/);
    // the same data gives the same markup, whatever echarts instance drew it before
    expect(seriesChartSvg(s, seriesTarget(briefing, s), { fontFamily: FONT_FAMILY })).toBe(svg);
  });

  it('draws 移住・交流情報ガーデン 来場者数 from 平成27年度 16,687 to 令和5年度 7,834', () => {
    const svg = seriesChartSvg(series('series-s10-1'), null);
    for (const text of ['>16,687<', '>7,834<', '>H27<', '>R5<']) expect(svg).toContain(text);
    expect(svg).not.toContain('目標');
  });

  it('labels years the way the briefing does, with the Western year under them', () => {
    expect([2009, 2019, 2026].map(shortYearLabel)).toEqual(['H21\n2009', 'R元\n2019', 'R8\n2026']);
  });
});

describe('program sections from the Markdown documents', () => {
  it('has one section per program in contact-list order, its charts drawn inline', () => {
    expect(shared.programs).toHaveLength(31);
    expect(shared.programs.map((p) => p.no).slice(-2)).toEqual(['21-⑩', '21-⑪']);
    const first = shared.programs[0]!;
    expect(first).toMatchObject({ anchor: 'prog-01', name: '地域おこし協力隊', slides: '1–5' });
    expect(first.bodyHtml.match(/<figure class="chart"><svg role="img"/g)).toHaveLength(2);
    expect(first.bodyHtml).toContain('<figcaption>隊員数の推移</figcaption>');
    expect(first.bodyHtml).not.toContain('charts/');
    // the document's title is the section heading now, its sections are h2 under it
    expect(first.bodyHtml).not.toMatch(/<h1/);
    expect(first.bodyHtml).toContain('<h2>予算</h2>');
    expect(shared.programs[3]!.bodyHtml.match(/<figure class="chart">/g)).toHaveLength(3);
  });

  it('refuses a briefing whose program has no document', () => {
    expect(() => sharedContent({ briefing, report, manifest, documents: documents.slice(1) })).toThrow('no Markdown document for program 1 地域おこし協力隊');
  });

  it('drops raw HTML of a document, keeps link text only and fetches no image', () => {
    const markdown = [
      '---',
      'program: "1"',
      '---',
      '# 題',
      '',
      '<iframe src="file:///etc/passwd"></iframe>',
      '',
      '<script>document.write("JS")</script>',
      '',
      'a [link](javascript:alert(1)) <img src="http://example.com/x.png"> ![photo](http://example.com/y.png) ![隊員数の推移](charts/01-x--series-s01-1.svg "series-s01-1")',
      '',
      '| 区分 | 値 |',
      '| --- | --: |',
      '| スライド3・209行目 | 地域おこし協力隊員の募集等に要する経費 |',
    ].join('\n');
    const html = programBodyHtml(markdown, { chartSvg: (src, title) => (title === 'series-s01-1' ? '<svg data-chart="1"></svg>' : null) });
    expect(html).not.toMatch(/<iframe|<script|<img|<a |href=|javascript:|example\.com|program: "1"/);
    expect(html).toContain('<span>link</span>');
    expect(html).toContain('<span class="image-omitted">［図: photo］</span>');
    expect(html).toContain('<figure class="chart"><svg data-chart="1"></svg><figcaption>隊員数の推移</figcaption></figure>');
    expect(html).toContain('<td class="short">スライド3・209行目</td>');
    expect(html).toContain('<td align="right">地域おこし協力隊員の募集等に要する経費</td>');
  });
});

describe('appendices', () => {
  it('summarises the validation: the 3 acknowledged warnings with their reasons, no failure', () => {
    const view = validationView(briefing, report);
    expect(view).toMatchObject({ acknowledged: 3, failed: 0, errors: 0, warnings: 3 });
    expect(view.acknowledgedChecks.map((c) => c.id).sort()).toEqual(['date-plausible:date-s58-7', 'jet-sports-name', 'rinji-total']);
    const rinji = view.acknowledgedChecks.find((c) => c.id === 'rinji-total')!;
    expect(rinji.reason).toContain('内訳の合計は17.0兆円で総額約18.3兆円に1.3兆円届かない');
    expect(rinji.programs).toBe('21-② 新型コロナウイルス感染症対応地方創生臨時交付金に係る効果の公表');
    expect(view.byProgram).toHaveLength(31);
    expect(view.byProgram[0]).toMatchObject({ no: '1', name: '地域おこし協力隊', failed: 0 });
  });

  it('lists every contact, phones printed only on slides marked as such', () => {
    const rows = contactRows(briefing.programs);
    expect(rows).toHaveLength(31);
    expect(rows[0]).toMatchObject({ no: '1', departments: ['地域自立応援課'], phones: ['03-5253-5394'], slides: '1–5' });
    expect(rows.find((r) => r.no === '21-⑪')?.phones).toEqual(['03-3595-3189（スライド記載）']);
    expect(rows.find((r) => r.no === '21-⑩')?.phones).toEqual(['03-5253-5523', '03-6256-1168（スライド記載）']);
    expect(allPhones(briefing.programs)).toEqual(expect.arrayContaining(['03-5253-5394', '03-5253-5534', '03-3595-3189', '03-6256-1168']));
  });
});

describe('layout', () => {
  it('renders a prefecture pack as HTML: lang, title, policy, cover recipient, contents, parts on named pages', () => {
    const target = packTargets(['12-chiba'])[0]!;
    const view = packView(shared, target, new Map([['prog-01', 5]]));
    const html = compileTemplates().layout(view);
    expect(html).toMatch(/^<!doctype html>\n<html lang="ja">/);
    expect(html).toContain('<title>地域力創造グループ 施策説明資料（令和6年度） 千葉県版</title>');
    expect(html).toContain('content="default-src &#x27;none&#x27;;');
    expect(html).toContain('<p class="cover-recipient">千葉県 御中</p>');
    expect(html).toContain('<p class="cover-year">令和6年度（2024年度）</p>');
    expect(html).toContain('<dt>作成日</dt><dd>2024年4月1日</dd>');
    expect(html).toContain('<a href="#prog-01"><span class="toc-no">1</span><span class="toc-label">地域おこし協力隊</span><span class="toc-page">5</span></a>');
    expect(html).toContain('<a href="#mentions"><span class="toc-no"></span><span class="toc-label">貴団体に関係する記載</span><span class="toc-page"></span></a>');
    expect(html).toContain('#prog-01 { page: prog-01; }\n@page prog-01 { @top-left { content: "1\u3000地域おこし協力隊"; } }');
    expect(html.match(/<h1>/g)).toHaveLength(31);
  });

  it('puts a text into CSS as a string nothing can break out of', () => {
    expect(cssString('PPP／PFI "quoted" \\ </style><script>')).toBe('"PPP／PFI \\22 quoted\\22  \\5c  \\3c \\2f style\\3e \\3c script\\3e "');
    expect(cssString('line\nbreak')).toBe('"line break"');
    expect(() => runningHeaderCss([{ selector: '#x{}', pageName: 'p', header: '' }])).toThrow(/not a CSS selector/);
  });
});
