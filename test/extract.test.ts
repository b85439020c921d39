import { describe, expect, it } from 'vitest';
import { extractDates } from '../pipeline/parse/extract/dates.ts';
import type { SlideContext } from '../pipeline/parse/extract/context.ts';
import { normalizeLine } from '../pipeline/parse/normalize.ts';
import type { SlideSegment } from '../pipeline/parse/segment.ts';
import { Span } from '../pipeline/parse/span.ts';
import { parseR6 } from './helpers/r6.ts';

describe('budgets (予算額)', () => {
  it('reads every budget statement of R6 with its amount in yen', async () => {
    const { briefing } = await parseR6();
    const rows = briefing.budgets.map((b) => [b.program, b.label, b.amount.yen, b.partOf]);
    expect(rows).toEqual([
      ['1', 'R6当初予算額', 248_000_000, false],
      ['2', 'R5補正予算額', 46_000_000, false],
      ['4', 'R6当初予算額', 90_000_000, false],
      ['5', 'R6当初予算額', 6_000_000, false],
      ['6', 'R6当初予算額', 30_000_000, false],
      ['9', 'R6当初予算額', 600_000_000, true],
      ['9', 'R6当初予算額', 600_000_000, true],
      ['11', 'R6当初予算額', 560_000_000, false],
      ['12', 'R6当初予算額', 30_000_000, false],
      ['13', '令和6年度計画額', 570_000_000_000, false],
      ['13', '令和6年度当初予算額', 800_000_000, false],
      ['13', 'R6当初予算額', 805_000_000, false],
      ['13', 'R5予算額', 805_000_000, false],
      ['14', 'R5補正', 20_000_000, false],
      ['14', 'R6当初', 80_000_000, false],
      ['18', 'R6当初予算', 1_100_000_000, false],
      ['18', 'R6当初予算', 500_000_000, false],
      ['20', 'R6当初予算額', 25_000_000, false],
      ['20', 'R5予算額', 25_000_000, false],
    ]);
  });

  it('keeps the provenance of a letter-spaced amount', async () => {
    const { briefing } = await parseR6();
    const b = briefing.budgets.find((x) => x.program === '11')!;
    expect(b).toMatchObject({ kind: '当初', fiscalYear: 2024, amount: { printed: '5.6億円', unit: '億円' } });
    expect(b.at).toEqual({ line: 1642, column: 1, endLine: 1642, endColumn: 26, raw: 'R 6 当 初 予 算 額 ： 5 . 6 億 円' });
  });
});

describe('fiscal measures (財政措置)', () => {
  it('reads the 地域おこし協力隊 caps: 300万円/団体 and 520万円/人 = 320万円 + 200万円', async () => {
    const { briefing } = await parseR6();
    const caps = briefing.measures.filter((m) => m.program === '1' && m.slide === 1);
    expect(caps[0]).toMatchObject({ item: '地域おこし協力隊員の募集等に要する経費', cap: { yen: 3_000_000 }, perUnit: '団体', kind: '特別交付税措置' });
    const activity = caps.find((m) => m.cap?.yen === 5_200_000)!;
    expect(activity).toMatchObject({ item: '地域おこし協力隊員の活動に要する経費', perUnit: '人' });
    expect(activity.components.map((c) => [c.label, c.amount.yen])).toEqual([
      ['報償費等', 3_200_000],
      ['その他活動経費', 2_000_000],
    ]);
    expect(activity.at).toMatchObject({ line: 12, raw: '520万円' });
  });

  it('reads a raised cap with the amount before the change (報償費等 280万円 ⇒ 320万円)', async () => {
    const { briefing } = await parseR6();
    const raised = briefing.measures.find((m) => m.previous?.yen === 2_800_000)!;
    expect(raised).toMatchObject({ item: '報償費等', cap: { yen: 3_200_000 }, perUnit: '人', program: '1' });
  });

  it('reads 措置率 and per-year caps of 地域活性化起業人 and the 副業型 total 200万円 = 100万円 + 100万円', async () => {
    const { briefing } = await parseR6();
    const kigyo = briefing.measures.filter((m) => m.program === '2');
    expect(kigyo.filter((m) => m.slide === 6).map((m) => [m.cap?.yen, m.perUnit, m.perYear, m.rate])).toEqual([
      [5_600_000, '人', true, null],
      [1_000_000, '人', true, 0.5],
      [1_000_000, '団体', true, 0.5],
    ]);
    const total = kigyo.find((m) => m.components.length === 2)!;
    expect(total.cap?.yen).toBe(2_000_000);
    expect(total.components.map((c) => [c.label, c.amount.yen])).toEqual([
      ['報償費等', 1_000_000],
      ['旅費', 1_000_000],
    ]);
  });

  it('reads table caps under a header (ローカル10,000 補助上限額) and per-unit caps of 集落支援員', async () => {
    const { briefing } = await parseR6();
    const local = briefing.measures.filter((m) => m.slide === 17 && m.cap).map((m) => m.cap?.yen);
    expect(local).toEqual([50_000_000, 35_000_000, 25_000_000, 50_000_000]);
    const shuraku = briefing.measures.filter((m) => m.slide === 34).map((m) => [m.item, m.cap?.yen, m.perUnit]);
    expect(shuraku).toEqual([
      ['集落支援員（専任）', 4_850_000, '人'],
      ['集落支援員（兼任）', 400_000, '人'],
    ]);
  });

  it('does not take a count of people for money (約7万7千人)', async () => {
    const { briefing } = await parseR6();
    expect(briefing.measures.some((m) => m.cap?.yen === 77_000)).toBe(false);
  });
});

describe('rates and shares', () => {
  it('reads 措置率, 充当率 and 交付税措置率 as fractions', async () => {
    const { briefing } = await parseR6();
    const decarbon = briefing.rates.filter((r) => r.slide === 23).map((r) => [r.name, r.value]);
    expect(decarbon).toEqual(expect.arrayContaining([['充当率', 0.9], ['交付税措置率', 0.5], ['充当率', 1], ['交付税措置率', 0.7]]));
    expect(briefing.rates.find((r) => r.slide === 1)).toMatchObject({ name: '措置率', value: 0.5, printed: '0.5' });
  });

  it('groups funding shares that add up to 1 (½ 国費 + ¼ 特別交付税 + ¼ 実質的な地方負担)', async () => {
    const { briefing } = await parseR6();
    expect(briefing.shareGroups.map((g) => g.shares.map((s) => `${s.label}=${s.printed}`))).toEqual([
      ['国費=½', '特別交付税=¼', '実質的な地方負担=¼'],
      ['特別交付税=½', '自治体負担=½'],
      ['国費=1/4', '特別交付税=1/8', '実質的な地方負担=1/8', '利用料収入=1/2'],
    ]);
  });
});

describe('time series and breakdowns', () => {
  it('reads 隊員数 and 自治体数 for 平成21年度 … 令和5年度 (15 values each)', async () => {
    const { briefing } = await parseR6();
    const members = briefing.series.find((s) => s.label === '隊員数')!;
    expect(members.unit).toBe('人');
    expect(members.points.map((p) => p.fiscalYear)).toEqual(Array.from({ length: 15 }, (_, i) => 2009 + i));
    expect(members.points.map((p) => p.value)).toEqual([89, 257, 413, 617, 978, 1629, 2799, 4090, 4976, 5530, 5503, 5560, 6015, 6447, 7200]);
    expect(members.points[10]).toMatchObject({ yearLabel: '元年度', fiscalYear: 2019 });
    const towns = briefing.series.find((s) => s.label === '自治体数')!;
    expect(towns.points.map((p) => p.value)).toEqual([31, 90, 147, 207, 318, 444, 673, 886, 997, 1061, 1071, 1065, 1085, 1116, 1164]);
    expect(towns.points[14]!.at).toMatchObject({ line: 74, raw: '1,164' });
  });

  it('reads the 移住・交流情報ガーデン table H27–R5 into three series', async () => {
    const { briefing } = await parseR6();
    const garden = briefing.series.filter((s) => s.program === '4');
    expect(garden.map((s) => [s.label, s.unit])).toEqual([
      ['来場者数', '人'],
      ['あっせん件数', '件'],
      ['イベント回数', '回'],
    ]);
    expect(garden[0]!.points.map((p) => [p.fiscalYear, p.value])).toEqual([
      [2015, 16687], [2016, 11319], [2017, 13955], [2018, 12772], [2019, 10841], [2020, 3192], [2021, 2894], [2022, 6618], [2023, 7834],
    ]);
  });

  it('reads JET participants by country: 14 categories and the printed total 5,831', async () => {
    const { briefing } = await parseR6();
    const jet = briefing.breakdowns.find((b) => b.program === '19')!;
    expect(jet.label).toContain('招致国別');
    expect(jet.items).toHaveLength(14);
    expect(jet.items[0]).toMatchObject({ label: 'アメリカ合衆国', value: 3042 });
    expect(jet.items.at(-1)).toMatchObject({ label: 'その他', value: 162 });
    expect(jet.total).toMatchObject({ value: 5831 });
    expect(jet.items.reduce((s, i) => s + i.value, 0)).toBe(5831);
  });
});

describe('dates and places', () => {
  it('converts era years and dates to the Western calendar', async () => {
    const { briefing } = await parseR6();
    const find = (printed: string) => briefing.dates.find((d) => d.printed === printed)!;
    expect(find('R6.4.1')).toMatchObject({ era: '令和', eraYear: 6, year: 2024, month: 4, day: 1 });
    expect(find('R5.3末')).toMatchObject({ year: 2023, month: 3, endOfMonth: true });
    expect(find('平成26年度')).toMatchObject({ year: 2014, fiscal: true });
    expect(find('S62')).toMatchObject({ era: '昭和', year: 1987 });
    expect(find('R30.11.2')).toMatchObject({ year: 2048, month: 11, day: 2, at: { line: 3625 } });
  });

  it('gives the era-less end of a period the era of its start: 平成26年度から28年度まで', async () => {
    const { briefing } = await parseR6();
    const line = briefing.dates.filter((d) => d.at.line === 2696);
    expect(line.map((d) => [d.printed, d.era, d.year])).toEqual([
      ['平成26年度', '平成', 2014],
      ['28年度', '平成', 2016],
      ['平成26年4月22日', '平成', 2014],
    ]);
    // a year with its own era is no carried end (H26～R2: R2 is 令和)
    expect(briefing.dates.filter((d) => d.printed === '2年度' || d.printed === '2年')).toEqual([]);
  });

  it('carries an era only to the end of a period, never to a duration or a year before the start', () => {
    const datesIn = (line: string) => {
      const lines = [normalizeLine(line, 1)];
      const slide = { index: 1, lines, title: '', startLine: 1, endLine: 1, printedPage: null, sheets: [] } as unknown as SlideSegment;
      return extractDates({ slide, span: new Span(lines), program: null, fiscalYear: 2024 } as SlideContext).map((d) => `${d.era}${d.eraYear ?? ''}:${d.printed}`);
    };
    expect(datesIn('平成26年度から28年度までの3年間')).toEqual(['平成26:平成26年度', '平成28:28年度']);
    expect(datesIn('平成26年4月から28年3月まで')).toEqual(['平成26:平成26年4月', '平成28:28年3月']);
    expect(datesIn('R2から3年で達成')).toEqual(['令和2:R2']);
    expect(datesIn('R6から3年間延長')).toEqual(['令和6:R6']);
    expect(datesIn('令和6年度から3年度分')).toEqual(['令和6:令和6年度']);
    expect(datesIn('令和5年4月から6月まで')).toEqual(['令和5:令和5年4月']);
    expect(datesIn('令和2年4月から5年6月間')).toEqual(['令和2:令和2年4月']);
  });

  it('reads the 特定地域づくり事業協同組合 list: 98 cooperatives, 101 municipalities, 36 prefectures', async () => {
    const { briefing } = await parseR6();
    const listed = briefing.places.filter((p) => p.kind === 'list');
    const municipalities = listed.filter((p) => p.municipality);
    expect(new Set(municipalities.map((p) => p.group)).size).toBe(98);
    expect(municipalities).toHaveLength(101);
    expect(new Set(listed.map((p) => p.prefecture)).size).toBe(36);
    // 【島根県】 lists 13 municipalities (松江市 … 飯南町), each its own cooperative.
    const shimane = municipalities.filter((p) => p.prefecture === '島根県');
    expect(shimane.map((p) => p.municipality)).toEqual(['松江市', '邑南町', '浜田市', '津和野町', '大田市', '海士町', '安来市', '西ノ島町', '雲南市', '知夫村', '奥出雲町', '隠岐の島町', '飯南町']);
    // Split by the extraction: 【京都\n府】, 五島\n市, and みなかみ町 glued to 【埼玉県】.
    expect(listed.filter((p) => p.prefecture === '京都府').map((p) => p.municipality)).toEqual([null, '綾部市', '京丹後市']);
    expect(municipalities.find((p) => p.municipality === '五島市')?.prefecture).toBe('長崎県');
    expect(municipalities.find((p) => p.municipality === 'みなかみ町')?.prefecture).toBe('群馬県');
    expect(municipalities.filter((p) => p.group === municipalities.find((m) => m.municipality === '三島町')!.group).map((p) => p.municipality)).toEqual(['柳津町', '三島町', '昭和村']);
  });

  it('finds prefectures named in running text (千葉県 in the asbestos table)', async () => {
    const { briefing } = await parseR6();
    expect(briefing.places.find((p) => p.prefecture === '千葉県' && p.slide === 58)?.at.line).toBe(3639);
    expect(briefing.places.find((p) => p.municipality === '邑南町' && p.kind === 'mention')?.prefecture).toBe('島根県');
  });
});

describe('embedded spreadsheets', () => {
  it('reads the counts of a sheet note with the manifest\'s vocabulary, and with the default one when a manifest names none', async () => {
    const { Manifest } = await import('../schemas/manifest.ts');
    const { r6Manifest, parseText, R6_TEXT, R6_TEXT_PATH } = await import('./helpers/r6.ts');
    const { briefing } = await parseR6();
    const counts = (b: typeof briefing) => b.sheets.flatMap((s) => s.copies.flatMap((c) => c.counts.map((n) => `${c.label} ${n.note} ${n.label} ${n.value}`)));
    expect(counts(briefing)).toContain('加工用 (2) R2 公表済み 1600');
    // a manifest written before sheets: was one, or none at all (a bare source): the same counts
    const { sheets: _, ...withoutSheets } = await r6Manifest();
    const older = (await parseText(R6_TEXT, R6_TEXT_PATH, Manifest.parse(withoutSheets))).briefing;
    expect(counts(older)).toEqual(counts(briefing));
    expect(counts(briefing).length).toBeGreaterThan(10);
  });
});
