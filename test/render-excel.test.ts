import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Briefing } from '../schemas/briefing.ts';
import type { Manifest } from '../schemas/manifest.ts';
import { headerFooterText, safeSheetName, safeText } from '../pipeline/render-excel/cell-safety.ts';
import { fitToPrint, fitWidth, PRINT_WIDTH_UNITS, textWidth, wrappedLines } from '../pipeline/render-excel/column-width.ts';
import { renderProgramDocuments } from '../pipeline/render-markdown/program-document.ts';
import {
  COVER_SHEET,
  DEPARTMENTS_SHEET,
  FIGURES_SHEET,
  PEOPLE_SHEET,
  PROGRAMS_SHEET,
  renderContactsWorkbook,
} from '../pipeline/render-excel/index.ts';
import { slideRanges } from '../pipeline/views/slide-ranges.ts';
import { YEN } from '../pipeline/render-excel/sheets-figures.ts';
import type { ValidationReport } from '../schemas/validation.ts';
import { parseR6, r6Manifest } from './helpers/r6.ts';
import { validateText } from './helpers/validate.ts';
import { cellOf, dataRows, headers, linkOf, readWorkbook, rowWhere, sheet, valueOf } from './helpers/xlsx.ts';


// 施策別担当者 as a prefecture reads it: the contact list of the R6 briefing (see contacts.test.ts), one row a program.
const R6_PROGRAM_ROWS: [string, string, string, string, string, string][] = [
  ['1', '地域おこし協力隊', '地域自立応援課', '久芝、森本、豊原、河西、芳賀', '03-5253-5394', '1–5'],
  ['2', '地域活性化起業人', '地域自立応援課', '手塚、金島、芳賀', '03-5253-5391', '6–8'],
  ['3', '地域プロジェクトマネージャー', '地域自立応援課', '森本、豊原、芳賀', '03-5253-5391', '9'],
  ['4', '移住・交流情報ガーデン／移住・定住対策への支援', '地域自立応援課', '手塚、大城、河西、芳賀', '03-5253-5391', '10–11'],
  ['5', '関係人口創出・拡大事業', '地域自立応援課', '森本、豊原、芳賀', '03-5253-5391', '12–13'],
  ['6', 'ふるさとワーキングホリデー', '地域自立応援課', '手塚、金島、豊原', '03-5253-5391', '14'],
  [
    '7',
    'ふるさとづくり大賞・ふるさとイベント大賞',
    '地域振興室\n地域自立応援課',
    '日比野（地域振興室）\n大城（地域自立応援課）',
    '03-5253-5534（地域振興室）\n03-5253-5394（地域自立応援課）',
    '15',
  ],
  ['8', '外部専門家（地域力創造アドバイザー）制度', '人材力活性化・連携交流室', '大野', '03-5253-5394', '16'],
  ['9', 'ローカルスタートアップ支援制度', '地域政策課', '中津留、金澤、北海', '03-5253-5523', '17–22'],
  ['10', '地域脱炭素の推進', '地域政策課', '中津留、服部', '03-5253-5523', '23–25'],
  ['11', '特定地域づくり事業協同組合', '地域振興室', '日比野', '03-5253-5534', '26–28'],
  ['12', '地域運営組織（RMO）の形成・運営', '地域振興室', '平岡', '03-5253-5533', '29–30'],
  ['13', '過疎対策について', '過疎対策室', '國金、樋口、景山、白波瀬', '03-5253-5536', '31–34'],
  ['14', '自治体DXの推進', '地域情報化企画室', '作井、高橋', '03-5253-5525', '35–41'],
  ['15', '「定住自立圏構想」の推進', '地域自立応援課', '手塚、森本、大城', '03-5253-5391', '42–43'],
  ['16', '所有者不明土地等対策', '地域振興室', '谷垣', '03-5253-5534', '44–46'],
  ['17', 'PPP／PFIの導入促進', '地域振興室', '松木', '03-5253-5533', '47–48'],
  ['18', '地域における多文化共生施策の推進', '国際室', '河合、野村', '03-5253-5527', '49–52'],
  ['19', 'JETプログラム', '国際室', '桒田、大井', '03-5253-5527', '53–54'],
  ['20', '日本にゆかりのある方々と国内自治体との連携促進事業', '国際室', '河合、倉鹿野', '03-5253-5527', '55'],
  ['21-①', '行政相談活動と困りごと解決への連携のお願い', '地域政策課', '伊藤、中村', '03-5253-5523', '56'],
  ['21-②', '新型コロナウイルス感染症対応地方創生臨時交付金に係る効果の公表', '地域政策課', '伊藤、宮内', '03-5253-5523', '57'],
  ['21-③', 'アスベスト対策の推進', '地域政策課', '伊藤、田村', '03-5253-5523', '58'],
  ['21-④', '庁舎等の公共建築物等における木材利用の促進', '地域政策課', '伊藤、中村', '03-5253-5523', '59'],
  ['21-⑤', '建設工事従事者の安全及び健康の確保の推進', '地域政策課', '伊藤、田村', '03-5253-5523', '60'],
  ['21-⑥', '再犯防止対策の推進', '地域政策課', '伊藤、田村', '03-5253-5523', '61'],
  ['21-⑦', '死因究明等の推進', '地域政策課', '伊藤、中村', '03-5253-5523', '62'],
  ['21-⑧', '「旧統一教会」問題に係る被害者等への支援', '地域政策課', '伊藤、宮内', '03-5253-5523', '63'],
  ['21-⑨', '医療コンテナの活用', '地域政策課', '伊藤、中村', '03-5253-5523', '64'],
  ['21-⑩', '成果連動型民間委託契約方式（PFS）について', '地域政策課', '伊藤、中村', '03-5253-5523\n03-6256-1168（内閣府 成果連動型事業推進室・スライド記載）', '65'],
];
const R6_LAST_ROW = ['21-⑪', '労働者協同組合制度', '厚生労働省労働者協同組合業務室', null, '03-3595-3189（厚生労働省労働者協同組合業務室・スライド記載）', '66'];

const DATA_SHEETS = [PROGRAMS_SHEET, DEPARTMENTS_SHEET, PEOPLE_SHEET, FIGURES_SHEET];

let briefing: Briefing;
let report: ValidationReport;
let manifest: Manifest;
let bytes: Uint8Array;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  briefing = (await parseR6()).briefing;
  report = await validateText();
  manifest = await r6Manifest();
  bytes = await renderContactsWorkbook(briefing, report, manifest);
  wb = await readWorkbook(bytes);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('contacts workbook: sheets', () => {
  it('has the cover first, then contacts by program, department and person, then the figures', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['表紙・注記', '施策別担当者', '課室別', '担当者別', '予算・財政措置']);
    expect([COVER_SHEET, ...DATA_SHEETS]).toEqual(wb.worksheets.map((ws) => ws.name));
  });

  it('names every sheet validly: at most 31 characters, none of : \\ / ? * [ ]', () => {
    for (const ws of wb.worksheets) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(ws.name).not.toMatch(/[:\\/?*[\]]/);
      expect(ws.name).not.toMatch(/^'|'$/);
    }
  });
});

describe('contacts workbook: 施策別担当者', () => {
  it('has the 31 programs of the R6 contact list, exactly', () => {
    const ws = sheet(wb, PROGRAMS_SHEET);
    expect(headers(ws)).toEqual(['No.', '施策名', '担当課室', '担当者', '電話番号', 'スライド', '施策別資料']);
    expect(dataRows(ws).map((r) => r.slice(0, 6))).toEqual([...R6_PROGRAM_ROWS, R6_LAST_ROW]);
    expect(dataRows(ws)).toHaveLength(31);
  });

  it('keeps each person of row 7 with the phone of their own department, wrapped', () => {
    const ws = sheet(wb, PROGRAMS_SHEET);
    const row = rowWhere(ws, 'No.', '7');
    expect(cellOf(ws, row, '担当課室').value).toBe('地域振興室\n地域自立応援課');
    expect(cellOf(ws, row, '担当者').value).toBe('日比野（地域振興室）\n大城（地域自立応援課）');
    expect(cellOf(ws, row, '電話番号').value).toBe('03-5253-5534（地域振興室）\n03-5253-5394（地域自立応援課）');
    for (const h of ['担当課室', '担当者', '電話番号']) expect(cellOf(ws, row, h).alignment?.wrapText).toBe(true);
    expect(row.height).toBeGreaterThan(18);
  });

  it('shows a phone printed on a slide with the office the slide gives it for, marked as from the slide', () => {
    const ws = sheet(wb, PROGRAMS_SHEET);
    expect(cellOf(ws, rowWhere(ws, 'No.', '21-⑪'), '電話番号').value).toBe('03-3595-3189（厚生労働省労働者協同組合業務室・スライド記載）');
    // 21-⑩: the table's phone, and the 内閣府 number its slide prints — as the packs and documents show them
    expect(cellOf(ws, rowWhere(ws, 'No.', '21-⑩'), '電話番号').value).toBe('03-5253-5523\n03-6256-1168（内閣府 成果連動型事業推進室・スライド記載）');
  });

  it('stores program numbers and phone numbers as text, with the Text format', () => {
    const ws = sheet(wb, PROGRAMS_SHEET);
    for (let r = 2; r <= ws.rowCount; r++) {
      for (const h of ['No.', '電話番号']) {
        const cell = cellOf(ws, ws.getRow(r), h);
        expect(cell.type, `${h} of row ${r}`).toBe(3 /* ValueType.String */);
        expect(cell.numFmt).toBe('@');
      }
    }
  });
});

describe('contacts workbook: 課室別 and 担当者別', () => {
  it('has one row per department of the contact list: 8 in R6', () => {
    const ws = sheet(wb, DEPARTMENTS_SHEET);
    const names = new Set(briefing.programs.flatMap((p) => p.departments.map((d) => d.name)));
    expect(names.size).toBe(8);
    expect(dataRows(ws).map((r) => r[0])).toEqual([
      '地域自立応援課',
      '地域振興室',
      '人材力活性化・連携交流室',
      '地域政策課',
      '過疎対策室',
      '地域情報化企画室',
      '国際室',
      '厚生労働省労働者協同組合業務室',
    ]);
  });

  it('tells which phone of a department is for which programs', () => {
    const ws = sheet(wb, DEPARTMENTS_SHEET);
    const row = rowWhere(ws, '担当課室', '地域自立応援課');
    expect(cellOf(ws, row, '電話番号').value).toBe('03-5253-5394（No. 1, 7）\n03-5253-5391（No. 2, 3, 4, 5, 6, 15）');
    expect(cellOf(ws, row, '担当者').value).toBe('久芝、森本、豊原、河西、芳賀、手塚、金島、大城');
    expect(cellOf(ws, row, '施策数').value).toBe(8);
    const mhlw = rowWhere(ws, '担当課室', '厚生労働省労働者協同組合業務室');
    expect(cellOf(ws, mhlw, '電話番号').value).toBe('03-3595-3189（スライド記載）');
    expect(cellOf(ws, mhlw, '施策（No. 施策名）').value).toBe('21-⑪ 労働者協同組合制度');
  });

  it('has one row per person and department: 32 in R6', () => {
    const ws = sheet(wb, PEOPLE_SHEET);
    const people = new Set(briefing.programs.flatMap((p) => p.departments.flatMap((d) => d.people.map((n) => `${d.name}/${n}`))));
    expect(people.size).toBe(32);
    expect(dataRows(ws)).toHaveLength(32);
    expect(headers(ws)).toEqual(['担当者', '担当課室', '電話番号', '施策数', '施策（No. 施策名）']);
  });

  it('puts 芳賀 on one row with all five programs', () => {
    const ws = sheet(wb, PEOPLE_SHEET);
    expect(dataRows(ws).filter((r) => r[0] === '芳賀')).toEqual([
      [
        '芳賀',
        '地域自立応援課',
        '03-5253-5394（No. 1）\n03-5253-5391（No. 2, 3, 4, 5）',
        5,
        '1 地域おこし協力隊\n2 地域活性化起業人\n3 地域プロジェクトマネージャー\n4 移住・交流情報ガーデン／移住・定住対策への支援\n5 関係人口創出・拡大事業',
      ],
    ]);
  });

  it('gives 大城 the phone of 地域自立応援課 for row 7, not that of 地域振興室', () => {
    const ws = sheet(wb, PEOPLE_SHEET);
    expect(cellOf(ws, rowWhere(ws, '担当者', '大城'), '電話番号').value).toBe('03-5253-5391（No. 4, 15）\n03-5253-5394（No. 7）');
    expect(cellOf(ws, rowWhere(ws, '担当者', '日比野'), '電話番号').value).toBe('03-5253-5534');
  });
});

describe('contacts workbook: 予算・財政措置', () => {
  const rowsOf = () => {
    const ws = sheet(wb, FIGURES_SHEET);
    const h = headers(ws);
    return dataRows(ws).map((r) => Object.fromEntries(h.map((name, i) => [name, r[i]])) as Record<string, unknown>);
  };
  const find = (pred: (r: Record<string, unknown>) => boolean) => {
    const found = rowsOf().filter(pred);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('has every budget line once and every fiscal measure, program by program, and no internal columns', () => {
    const ws = sheet(wb, FIGURES_SHEET);
    // what prints first (A–L, the print area), then the fiscal year and the yen to compute with
    expect(headers(ws)).toEqual(['No.', '施策名', '区分', '種別', '項目', '記載', '措置率', '充当率', '交付税措置率', '補助率', '備考', 'スライド', '年度', '金額（円）', '施策別資料']);
    const rows = rowsOf();
    // 19 budgets less the one printed again rounded (8.0億円 = 805百万円); all 63 measures
    expect(rows.filter((r) => r.区分 !== '財政措置')).toHaveLength(18);
    expect(rows.filter((r) => r.区分 === '財政措置')).toHaveLength(briefing.measures.length);
    const order = new Map(briefing.programs.map((p) => [p.no, p.order]));
    const orders = rows.map((r) => order.get(r['No.'] as string)!);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('stores 520万円 of 地域おこし協力隊 as 5,200,000 yen and shows it as printed, with its components', () => {
    const r = find((x) => x.項目 === '地域おこし協力隊員の活動に要する経費');
    expect(r).toMatchObject({ 'No.': '1', 施策名: '地域おこし協力隊', 区分: '財政措置', 種別: '特別交付税措置', '金額（円）': 5_200_000, 記載: '520万円／人', 備考: '内訳：報償費等 320万円 ＋ その他活動経費 200万円', スライド: '1' });
    const ws = sheet(wb, FIGURES_SHEET);
    const cell = cellOf(ws, rowWhere(ws, '項目', '地域おこし協力隊員の活動に要する経費'), '金額（円）');
    expect(cell.numFmt).toBe(YEN);
    expect(cell.type).toBe(2 /* ValueType.Number */);
  });

  it('stores R6当初予算額 248百万円 with its fiscal year in 和暦 and 西暦', () => {
    expect(find((x) => x['No.'] === '1' && x.区分 === '予算')).toMatchObject({ 種別: '当初', 項目: 'R6当初予算額', 年度: '令和6年度（2024）', '金額（円）': 248_000_000, 記載: '248百万円' });
  });

  it('shows every amount as printed, in one plain yen format: never 「300.0万円」 or 「5700.00億円」', () => {
    const ws = sheet(wb, FIGURES_SHEET);
    const column = headers(ws).indexOf('金額（円）') + 1;
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(column);
      if (cell.value === null) continue;
      expect(typeof cell.value).toBe('number');
      expect(cell.numFmt).toBe(YEN);
    }
    expect(rowsOf().map((r) => r.記載).filter((v) => typeof v === 'string' && /\d\.\d+万円|\.00億円/.test(v))).toEqual([]);
  });

  it('gives rates as the slides print them, the same as the packs: 0.5, 0.5×財政力補正, 90%', () => {
    expect(find((x) => x.項目 === '起業人が発案・提案した事業に要する経費').措置率).toBe('0.5');
    expect(find((x) => x.項目 === '地方自治体が実施する移住・定住対策に要する経費').措置率).toBe('0.5×財政力補正');
    expect(find((x) => x['No.'] === '10' && x.項目 === '脱炭素化推進事業債')).toMatchObject({ 充当率: '90%', 交付税措置率: '50%', 種別: '地方債' });
    expect(find((x) => x.項目 === '報償費等').備考).toBe('280万円から320万円へ引上げ');
  });

  it('labels figures as the slides do: 【参考】 budgets, a bond plan, one budget printed twice, JET, ワーホリ, 起業人', () => {
    const refs = rowsOf().filter((r) => r.区分 === '参考（他府省の事業）');
    expect(refs.map((r) => [r.項目, r['金額（円）']])).toEqual([
      ['R6当初予算（外国人受入環境整備交付金（法務省所管））', 1_100_000_000],
      ['R6当初予算（文化芸術振興費補助金（地域日本語教育の総合的な体制づくり推進事業）（文化庁所管））', 500_000_000],
    ]);
    expect(find((x) => x.区分 === '地方債計画')).toMatchObject({ 項目: '令和6年度計画額（過疎対策事業債）', '金額（円）': 570_000_000_000, 記載: '5,700億円' });
    expect(rowsOf().filter((r) => r['No.'] === '13' && r.区分 === '予算').map((r) => [r.記載, r.備考])).toEqual([
      ['805百万円', 'スライド31では「8.0億円」と表記'],
      ['805百万円', null],
    ]);
    expect(find((x) => x['金額（円）'] === 6_020_000).項目).toBe('私立学校におけるJET参加者の雇用に係る都道府県の助成経費');
    expect(find((x) => x['No.'] === '6' && x.区分 === '財政措置')).toMatchObject({ 記載: '15,000千円＋5千円×全参加者の延べ滞在日数（団体あたり）', '金額（円）': null });
    expect(rowsOf().filter((r) => r['No.'] === '2' && String(r.項目).startsWith('【') && String(r.項目).includes('受入れの期間中')).map((r) => r.項目)).toEqual(['【企業派遣型】受入れの期間中に要する経費', '【副業型】受入れの期間中に要する経費']);
  });
});

describe('contacts workbook: layout and print', () => {
  it('freezes and styles the header row of every sheet', () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const header = ws.getRow(1).getCell(1);
      expect(header.font?.bold).toBe(true);
      expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
    expect(sheet(wb, FIGURES_SHEET).views[0]).toMatchObject({ xSplit: 2 });
  });

  it('filters over the whole data range of each data sheet', () => {
    expect(sheet(wb, PROGRAMS_SHEET).autoFilter).toBe('A1:G32');
    expect(sheet(wb, DEPARTMENTS_SHEET).autoFilter).toBe('A1:E9');
    expect(sheet(wb, PEOPLE_SHEET).autoFilter).toBe('A1:E33');
    expect(sheet(wb, FIGURES_SHEET).autoFilter).toBe(`A1:O${dataRows(sheet(wb, FIGURES_SHEET)).length + 1}`);
  });

  it('prints every sheet on A4, one page wide, the header row on every page', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(ws.pageSetup.orientation).toBe(ws.name === COVER_SHEET ? 'portrait' : 'landscape');
      expect(ws.headerFooter.oddHeader).toBe('&L地域力創造グループ 施策説明資料（令和6年度）&R令和6年度（FY2024）');
      expect(ws.headerFooter.oddFooter).toBe('&L&A&C&P / &N&R令和6年4月1日作成');
    }
    // the budget sheet prints its key columns, No. to スライド, on one A4 width
    const figures = sheet(wb, FIGURES_SHEET);
    expect(figures.pageSetup.printArea).toBe(`A1:L${figures.rowCount}`);
  });

  it('fits column widths to the content, counting full-width characters double, then narrows them to print on A4', () => {
    const ws = sheet(wb, PROGRAMS_SHEET);
    // a column of the default width is left out of the file: the sheet says its default is 9
    expect(ws.properties.defaultColWidth).toBe(9);
    const widths = ws.columns.map((c) => c.width ?? 9);
    // fitted: No. "21-⑪" 4 + 2; 施策名 capped at 44; 担当課室 and 担当者 at 30; the phones with their office
    // at 40; スライド 10 — 161 units, narrowed to 142 (landscape at 8.4 pt or more) by each one's share above 6;
    // the link to the document, on screen only, keeps its fitted width
    expect(widths).toEqual([6, 38, 26, 26, 34, 9, 44]);
    expect(widths.slice(0, 6).reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(PRINT_WIDTH_UNITS.landscape);
    expect(cellOf(ws, rowWhere(ws, 'No.', '21-②'), '施策名').alignment?.wrapText).toBe(true);
    for (const other of wb.worksheets) {
      const printed = other.pageSetup.printArea ? other.pageSetup.printArea.charCodeAt(3) - 64 : other.columnCount;
      const units = other.columns.slice(0, printed).reduce((a, c) => a + (c.width ?? 9), 0);
      expect(units, other.name).toBeLessThanOrEqual(PRINT_WIDTH_UNITS[other.pageSetup.orientation === 'portrait' ? 'portrait' : 'landscape']);
    }
  });

  it('narrows columns by their share above the floor, never under it, and leaves narrow tables alone', () => {
    expect(fitToPrint([7, 44, 30, 30, 40, 10], 142)).toEqual([6, 38, 26, 26, 34, 9]);
    expect(fitToPrint([10, 20], 142)).toEqual([10, 20]);
    expect(fitToPrint([16, 40, 40], 50, [16])).toEqual([16, 17, 17]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 4, max: 60 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 40, max: 200 }), (widths, units) => {
        const fitted = fitToPrint(widths, units);
        const floorTotal = widths.reduce((a, w) => a + Math.min(w, 6), 0);
        expect(fitted.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(Math.max(units, floorTotal));
        fitted.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(Math.min(widths[i]!, 6)));
      }),
    );
  });

  it('links each program row to its program document, in a column of its own outside the print area', () => {
    const documents = renderProgramDocuments(briefing, report, manifest).map((d) => d.path);
    const programs = sheet(wb, PROGRAMS_SHEET);
    const links = dataRows(programs).map((_, r) => linkOf(cellOf(programs, programs.getRow(r + 2), '施策別資料')));
    expect(links).toEqual(documents);
    expect(links[0]).toBe('programs/01-chiiki-okoshi-kyoryokutai.md');
    expect(programs.pageSetup.printArea).toBe('A1:F32');
    const figures = sheet(wb, FIGURES_SHEET);
    const first = rowWhere(figures, '項目', '地域おこし協力隊員の活動に要する経費');
    expect(linkOf(cellOf(figures, first, '施策別資料'))).toBe('programs/01-chiiki-okoshi-kyoryokutai.md');
    // the name itself stays plain text, which every spreadsheet program wraps
    expect(linkOf(cellOf(programs, programs.getRow(2), '施策名'))).toBeNull();
  });

  it('sets the workbook properties from the manifest, dated generatedAt', () => {
    expect(wb.creator).toBe('briefing-pack');
    expect(wb.lastModifiedBy).toBe('briefing-pack');
    expect(wb.title).toBe('地域力創造グループ 施策説明資料（令和6年度） 施策担当者・予算一覧');
    expect(wb.subject).toBe('施策担当者一覧・予算・財政措置（令和6年度（FY2024））');
    expect(wb.created.toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2024-04-01T00:00:00.000Z');
  });

  it('says on the cover which briefing it is made from, and how to read each sheet', () => {
    const rows = new Map(dataRows(sheet(wb, COVER_SHEET)).map(([k, v]) => [k, v]));
    expect(rows.get('資料名')).toBe('地域力創造グループ 施策説明資料（令和6年度）');
    expect(rows.get('発行')).toBe('総務省 地域力創造グループ');
    expect(rows.get('年度')).toBe('令和6年度（FY2024）');
    // the edition id is the staff's: the cover names the fiscal year instead
    expect(rows.has('版')).toBe(false);
    expect(rows.get('作成日')).toBe('令和6年4月1日');
    // internal QA stays out of what prefectures read: no file path, no checksum
    expect([...rows.keys()].filter((k) => /SHA|出典ファイル/.test(String(k)))).toEqual([]);
    expect(rows.get('合計の注意')).toMatch(/「内数」の予算額.*合計しない/);
  });
});

describe('contacts workbook: safety and stability', () => {
  it('writes text that looks like a formula as text, never as a formula', async () => {
    const evil = structuredClone(briefing);
    evil.programs[0]!.name = '=HYPERLINK("x")';
    evil.programs[1]!.departments[0]!.people = ['+SUM(A1)', '@cmd', '-1+2'];
    const out = await readWorkbook(await renderContactsWorkbook(evil, report, manifest));
    const ws = sheet(out, PROGRAMS_SHEET);
    const name = cellOf(ws, rowWhere(ws, 'No.', '1'), '施策名');
    expect(name.type).toBe(3 /* ValueType.String */);
    expect(name.value).toBe('=HYPERLINK("x")');
    expect(name.formula).toBeUndefined();
    expect(name.numFmt).toBe('@');
    expect(cellOf(ws, rowWhere(ws, 'No.', '2'), '担当者').value).toBe('+SUM(A1)、@cmd、-1+2');
    const zip = await JSZip.loadAsync(await renderContactsWorkbook(evil, report, manifest));
    for (const file of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/.*\.xml$/.test(f))) {
      expect(await zip.file(file)!.async('string')).not.toMatch(/<f[ >]/);
    }
  });

  it('drops characters XML cannot hold instead of writing a broken file', async () => {
    const odd = structuredClone(briefing);
    odd.programs[0]!.name = '地域おこし\u0007協力隊\u0000';
    const out = await readWorkbook(await renderContactsWorkbook(odd, report, manifest));
    const ws = sheet(out, PROGRAMS_SHEET);
    expect(cellOf(ws, rowWhere(ws, 'No.', '1'), '施策名').value).toBe('地域おこし協力隊');
  });

  it('gives byte-identical files for the same input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-12-31T23:59:58Z'));
    const first = await renderContactsWorkbook(briefing, report, manifest);
    vi.setSystemTime(new Date('2025-06-15T08:30:00Z'));
    const second = await renderContactsWorkbook(briefing, report, manifest);
    vi.useRealTimers();
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).equals(Buffer.from(bytes))).toBe(true);
  });

  it('dates every zip entry generatedAt, content types first, no folder entries', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const entries = Object.values(zip.files);
    expect(entries[0]!.name).toBe('[Content_Types].xml');
    expect(entries.some((e) => e.dir)).toBe(false);
    for (const e of entries) expect(e.date.toISOString()).toBe('2024-04-01T00:00:00.000Z');
  });

  it('can be written to a file and read back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'contacts-xlsx-'));
    try {
      const path = join(dir, 'contacts.xlsx');
      await writeFile(path, bytes);
      const back = await readWorkbook(new Uint8Array(await readFile(path)));
      expect(sheet(back, PROGRAMS_SHEET).rowCount).toBe(32);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});



describe('small helpers', () => {
  it('writes slide numbers as runs', () => {
    expect(slideRanges([1, 2, 3, 4, 5])).toBe('1–5');
    expect(slideRanges([17, 18, 19, 20, 21, 22])).toBe('17–22');
    expect(slideRanges([42, 44])).toBe('42, 44');
    expect(slideRanges([9, 3, 4, 5, 4])).toBe('3–5, 9');
    expect(slideRanges([])).toBe('');
  });

  it('makes any sheet name valid', () => {
    expect(safeSheetName('予算/財政措置: [R6]?*\\')).toBe('予算／財政措置： ［R6］？＊＼');
    expect(safeSheetName('a'.repeat(40))).toBe('a'.repeat(31));
    expect(safeSheetName("'quoted'")).toBe('’quoted’');
    expect(safeSheetName('   ')).toBe('Sheet');
    expect(safeSheetName('History')).toBe('History_');
    expect(safeSheetName('課室別', new Set(['課室別']))).toBe('課室別(2)');
    expect(safeSheetName('X'.repeat(31), new Set(['x'.repeat(31)]))).toBe(`${'X'.repeat(28)}(2)`);
    expect(safeSheetName('😀'.repeat(16))).toBe('😀'.repeat(15));
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const safe = safeSheetName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(31);
        expect(safe).not.toMatch(/[:\\/?*[\]\u0000-\u001F]|^'|'$/);
      }),
    );
  });

  it('cleans text for cells and print headers', () => {
    expect(safeText('a\r\nb\u0001c')).toBe('a\nbc');
    expect(headerFooterText('R&D 資料')).toBe('R&&D 資料');
  });

  it('measures East-Asian width: full-width characters count double', () => {
    expect(textWidth('No.')).toBe(3);
    expect(textWidth('地域')).toBe(4);
    expect(textWidth('21-⑪')).toBe(5);
    expect(textWidth('ab\n地域振興室')).toBe(10);
    expect(fitWidth(['No.', '21-⑪'])).toBe(7);
    expect(fitWidth(['新型コロナウイルス感染症対応地方創生臨時交付金に係る効果の公表'], { min: 4, max: 44 })).toBe(44);
    expect(wrappedLines('地域振興室\n地域自立応援課', 30)).toBe(2);
    expect(wrappedLines('あ'.repeat(30), 31)).toBe(2);
  });
});
