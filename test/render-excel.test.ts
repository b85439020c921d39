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
import { fitWidth, textWidth, wrappedLines } from '../pipeline/render-excel/column-width.ts';
import {
  COVER_SHEET,
  DEPARTMENTS_SHEET,
  FIGURES_SHEET,
  PEOPLE_SHEET,
  PROGRAMS_SHEET,
  renderContactsWorkbook,
} from '../pipeline/render-excel/index.ts';
import { slideRanges } from '../pipeline/views/slide-ranges.ts';
import { YEN_FORMAT, rateFormat, yenDisplay } from '../pipeline/render-excel/yen-format.ts';
import { parseR6, r6Manifest } from './helpers/r6.ts';
import { cellOf, dataRows, headers, readWorkbook, rowWhere, sheet } from './helpers/xlsx.ts';

const MAN_EN = '0"."0,"万円"';
const OKU_EN = '0"."00,,"億円"';
const HYAKUMAN_EN = '#,##0,,"百万円"';
const SEN_EN = '#,##0,"千円"';

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
  ['21-⑩', '成果連動型民間委託契約方式（PFS）について', '地域政策課', '伊藤、中村', '03-5253-5523', '65'],
];
const R6_LAST_ROW = ['21-⑪', '労働者協同組合制度', '厚生労働省労働者協同組合業務室', null, '03-3595-3189（スライド記載）', '66'];

const DATA_SHEETS = [PROGRAMS_SHEET, DEPARTMENTS_SHEET, PEOPLE_SHEET, FIGURES_SHEET];

let briefing: Briefing;
let manifest: Manifest;
let bytes: Uint8Array;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  briefing = (await parseR6()).briefing;
  manifest = await r6Manifest();
  bytes = await renderContactsWorkbook(briefing, manifest);
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
    expect(headers(ws)).toEqual(['No.', '施策名', '担当課室', '担当者', '電話番号', 'スライド']);
    expect(dataRows(ws)).toEqual([...R6_PROGRAM_ROWS, R6_LAST_ROW]);
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

  it('shows the phone of 21-⑪ from its slide, marked as such', () => {
    const ws = sheet(wb, PROGRAMS_SHEET);
    expect(cellOf(ws, rowWhere(ws, 'No.', '21-⑪'), '電話番号').value).toBe('03-3595-3189（スライド記載）');
    // 21-⑩ has a phone in the table: the table's phone is shown, not the one on its slide
    expect(cellOf(ws, rowWhere(ws, 'No.', '21-⑩'), '電話番号').value).toBe('03-5253-5523');
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
  const figure = (id: string) => {
    const ws = sheet(wb, FIGURES_SHEET);
    const row = rowWhere(ws, 'ID', id);
    return (h: string) => cellOf(ws, row, h);
  };

  it('has every budget and every fiscal measure: 19 + 41 rows in R6, program by program', () => {
    const ws = sheet(wb, FIGURES_SHEET);
    expect(briefing.budgets).toHaveLength(19);
    expect(briefing.measures).toHaveLength(41);
    const rows = dataRows(ws);
    expect(rows).toHaveLength(60);
    const order = new Map(briefing.programs.map((p) => [p.no, p.order]));
    const orders = rows.map((r) => order.get(r[0] as string)!);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('stores 520万円 of 地域おこし協力隊 as 5,200,000 yen, shown in 万円, with its components', () => {
    const cell = figure('measure-s01-4');
    expect(cell('No.').value).toBe('1');
    expect(cell('施策名').value).toBe('地域おこし協力隊');
    expect(cell('区分').value).toBe('財政措置');
    expect(cell('項目').value).toBe('地域おこし協力隊員の活動に要する経費');
    expect(cell('種別').value).toBe('特別交付税措置');
    expect(cell('金額').value).toBe(5_200_000);
    expect(cell('金額').type).toBe(2 /* ValueType.Number */);
    expect(cell('金額').numFmt).toBe(MAN_EN);
    expect(cell('単位').value).toBe('1人あたり');
    expect(cell('内訳').value).toBe('報償費等 320万円（1人あたり）\nその他活動経費 200万円（1人あたり）');
    expect(cell('記載').value).toBe('520万円');
    expect(cell('スライド').value).toBe(1);
    expect(cell('行').value).toBe(12);
  });

  it('stores R6当初予算額 248百万円 as 248,000,000 yen, shown in 百万円', () => {
    const cell = figure('budget-s03-1');
    expect(cell('区分').value).toBe('予算');
    expect(cell('項目').value).toBe('R6当初予算額');
    expect(cell('種別').value).toBe('当初');
    expect(cell('年度').value).toBe(2024);
    expect(cell('年度').numFmt).toBe('0"年度"');
    expect(cell('金額').value).toBe(248_000_000);
    expect(cell('金額').numFmt).toBe(HYAKUMAN_EN);
    expect(cell('原文').value).toBe('R６当初予算額：248百万円');
    expect(cell('行').value).toBe(209);
  });

  it('shows 億円 amounts in 億円 and 千円 amounts in 千円', () => {
    expect(figure('budget-s26-1')('金額').value).toBe(560_000_000);
    expect(figure('budget-s26-1')('金額').numFmt).toBe(OKU_EN);
    expect(figure('budget-s31-1')('金額').value).toBe(570_000_000_000);
    expect(figure('measure-s14-1')('金額').value).toBe(15_000_000);
    expect(figure('measure-s14-1')('金額').numFmt).toBe(SEN_EN);
    expect(figure('measure-s14-2')('単位').value).toBe('1人日あたり');
  });

  it('marks 内数 budgets, rates as numbers in %, and the cap before a change', () => {
    expect(figure('budget-s17-1')('内数').value).toBe('内数');
    expect(figure('budget-s03-1')('内数').value).toBeNull();
    const rate = figure('measure-s06-2');
    expect(rate('措置率').value).toBe(0.5);
    expect(rate('措置率').numFmt).toBe('0%');
    expect(rate('年間').value).toBe('年間');
    const changed = figure('measure-s02-3');
    expect(changed('金額').value).toBe(3_200_000);
    expect(changed('変更前の上限').value).toBe(2_800_000);
    expect(changed('変更前の上限').numFmt).toBe(MAN_EN);
  });

  it('keeps every amount a number, summable', () => {
    const ws = sheet(wb, FIGURES_SHEET);
    const column = headers(ws).indexOf('金額') + 1;
    for (let r = 2; r <= ws.rowCount; r++) expect(typeof ws.getRow(r).getCell(column).value).toBe('number');
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
    expect(sheet(wb, PROGRAMS_SHEET).autoFilter).toBe('A1:F32');
    expect(sheet(wb, DEPARTMENTS_SHEET).autoFilter).toBe('A1:E9');
    expect(sheet(wb, PEOPLE_SHEET).autoFilter).toBe('A1:E33');
    expect(sheet(wb, FIGURES_SHEET).autoFilter).toBe('A1:S61');
  });

  it('prints every sheet on A4, one page wide, the header row on every page', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(ws.pageSetup.orientation).toBe(ws.name === COVER_SHEET ? 'portrait' : 'landscape');
      expect(ws.headerFooter.oddHeader).toBe('&L地域力創造グループ 施策説明資料（令和6年度）&R令和6年度（FY2024）');
      expect(ws.headerFooter.oddFooter).toBe('&L&A&C&P / &N&R作成 2024-04-01');
    }
  });

  it('fits column widths to the content, counting full-width characters double, capped', () => {
    const ws = sheet(wb, PROGRAMS_SHEET);
    const widths = ws.columns.map((c) => c.width);
    // No.: "21-⑪" is 4 + 2 columns wide; 施策名 is capped at 44 and wraps
    expect(widths).toEqual([7, 44, 30, 30, 32, 10]);
    expect(cellOf(ws, rowWhere(ws, 'No.', '21-②'), '施策名').alignment?.wrapText).toBe(true);
  });

  it('sets the workbook properties from the manifest, dated generatedAt', () => {
    expect(wb.creator).toBe('briefing-pack');
    expect(wb.lastModifiedBy).toBe('briefing-pack');
    expect(wb.title).toBe('地域力創造グループ 施策説明資料（令和6年度） 施策担当者・予算一覧');
    expect(wb.subject).toBe('施策担当者一覧・予算・財政措置（令和6年度（FY2024））');
    expect(wb.created.toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2024-04-01T00:00:00.000Z');
  });

  it('says on the cover which source produced it', () => {
    const rows = new Map(dataRows(sheet(wb, COVER_SHEET)).map(([k, v]) => [k, v]));
    expect(rows.get('資料名')).toBe('地域力創造グループ 施策説明資料（令和6年度）');
    expect(rows.get('発行')).toBe('総務省 地域力創造グループ');
    expect(rows.get('年度')).toBe('令和6年度（FY2024）');
    expect(rows.get('版')).toBe('r6');
    expect(rows.get('出典ファイル')).toBe('briefing.txt');
    expect(rows.get('出典の SHA-256')).toBe('a461f249d7fc17b0d0dec1ffcb93c791f480c8fbb7692a23be4a68b8cdb374ef');
    expect(rows.get('作成日')).toBe('2024-04-01');
    expect(rows.get('合計の注意')).toMatch(/「内数」の予算額.*合計しない/);
  });
});

describe('contacts workbook: safety and stability', () => {
  it('writes text that looks like a formula as text, never as a formula', async () => {
    const evil = structuredClone(briefing);
    evil.programs[0]!.name = '=HYPERLINK("x")';
    evil.programs[1]!.departments[0]!.people = ['+SUM(A1)', '@cmd', '-1+2'];
    const out = await readWorkbook(await renderContactsWorkbook(evil, manifest));
    const ws = sheet(out, PROGRAMS_SHEET);
    const name = cellOf(ws, rowWhere(ws, 'No.', '1'), '施策名');
    expect(name.type).toBe(3 /* ValueType.String */);
    expect(name.value).toBe('=HYPERLINK("x")');
    expect(name.formula).toBeUndefined();
    expect(name.numFmt).toBe('@');
    expect(cellOf(ws, rowWhere(ws, 'No.', '2'), '担当者').value).toBe('+SUM(A1)、@cmd、-1+2');
    const zip = await JSZip.loadAsync(await renderContactsWorkbook(evil, manifest));
    for (const file of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/.*\.xml$/.test(f))) {
      expect(await zip.file(file)!.async('string')).not.toMatch(/<f[ >]/);
    }
  });

  it('drops characters XML cannot hold instead of writing a broken file', async () => {
    const odd = structuredClone(briefing);
    odd.programs[0]!.name = '地域おこし\u0007協力隊\u0000';
    const out = await readWorkbook(await renderContactsWorkbook(odd, manifest));
    const ws = sheet(out, PROGRAMS_SHEET);
    expect(cellOf(ws, rowWhere(ws, 'No.', '1'), '施策名').value).toBe('地域おこし協力隊');
  });

  it('gives byte-identical files for the same input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-12-31T23:59:58Z'));
    const first = await renderContactsWorkbook(briefing, manifest);
    vi.setSystemTime(new Date('2025-06-15T08:30:00Z'));
    const second = await renderContactsWorkbook(briefing, manifest);
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

describe('yen formats', () => {
  it('shows each amount in the unit it was printed in, as Excel displays it', () => {
    expect(yenDisplay(5_200_000, '万円')).toEqual({ numFmt: MAN_EN, shown: '520.0万円' });
    expect(yenDisplay(400_000, '万円')).toEqual({ numFmt: MAN_EN, shown: '40.0万円' });
    expect(yenDisplay(50_000_000, '万円')).toEqual({ numFmt: MAN_EN, shown: '5000.0万円' });
    expect(yenDisplay(248_000_000, '百万円')).toEqual({ numFmt: HYAKUMAN_EN, shown: '248百万円' });
    expect(yenDisplay(560_000_000, '億円')).toEqual({ numFmt: OKU_EN, shown: '5.60億円' });
    expect(yenDisplay(90_000_000, '億円')).toEqual({ numFmt: OKU_EN, shown: '0.90億円' });
    expect(yenDisplay(570_000_000_000, '億円')).toEqual({ numFmt: OKU_EN, shown: '5700.00億円' });
    expect(yenDisplay(15_000_000, '千円')).toEqual({ numFmt: SEN_EN, shown: '15,000千円' });
    expect(yenDisplay(5_000, '千円')).toEqual({ numFmt: SEN_EN, shown: '5千円' });
    expect(yenDisplay(1_500_000_000_000, '兆円')).toEqual({ numFmt: '0"."000,,,"兆円"', shown: '1.500兆円' });
  });

  it('falls back to exact yen when a scaled format would round', () => {
    expect(yenDisplay(1_234_567, '万円')).toEqual({ numFmt: YEN_FORMAT, shown: '1,234,567円' });
    expect(yenDisplay(123_450_000, '億円')).toEqual({ numFmt: YEN_FORMAT, shown: '123,450,000円' });
    expect(yenDisplay(1_500, '千円')).toEqual({ numFmt: YEN_FORMAT, shown: '1,500円' });
    expect(yenDisplay(980, '円')).toEqual({ numFmt: YEN_FORMAT, shown: '980円' });
  });

  it('never combines thousands separators with the literal dot, nor escapes the dot with "!"', () => {
    for (const unit of ['千円', '万円', '百万円', '億円', '兆円'] as const) {
      const { numFmt } = yenDisplay(10 ** 12, unit);
      expect(numFmt.includes('"."') && numFmt.startsWith('#,##0')).toBe(false);
      expect(numFmt).not.toContain('!');
    }
  });

  it('shows exactly the amount in yen, for any amount', () => {
    const units = { 千円: 1e3, 万円: 1e4, 百万円: 1e6, 億円: 1e8, 兆円: 1e12 } as const;
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(units) as (keyof typeof units)[])), fc.integer({ min: 0, max: 2 ** 40 }), (unit, n) => {
        const yen = n * 1000;
        const { numFmt, shown } = yenDisplay(yen, unit);
        const m = /^(-?[\d,.]+)(円|千円|万円|百万円|億円|兆円)$/.exec(shown)!;
        const value = Number(m[1]!.replace(/,/g, '')) * (m[2] === '円' ? 1 : units[m[2] as keyof typeof units]);
        expect(Math.abs(value - yen)).toBeLessThan(1e-3 * Math.max(1, yen));
        expect(m[2] === '円').toBe(numFmt === YEN_FORMAT);
      }),
    );
  });

  it('formats rates as percentages', () => {
    expect(rateFormat(0.5)).toBe('0%');
    expect(rateFormat(0.9)).toBe('0%');
    expect(rateFormat(1 / 3)).toBe('0.0%');
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
