import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIGURES_SHEET, PROGRAMS_SHEET, renderContactsWorkbook } from '../../pipeline/render-excel/index.ts';
import { pageLines, type PageLine, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';
import type { Briefing } from '../../schemas/briefing.ts';
import { CSV_AS_SHOWN, convertWithLibreOffice } from '../helpers/libreoffice.ts';
import { parseR6, r6Manifest } from '../helpers/r6.ts';
import { validateText } from '../helpers/validate.ts';

// The workbook as a prefecture opens and prints it: converted by LibreOffice to CSV (each cell's
// text as shown on screen) and to PDF (what the printer gets).

let briefing: Briefing;
let shown: Map<string, Record<string, string>[]>;
let printed: PageLine[][];

beforeAll(async () => {
  briefing = (await parseR6()).briefing;
  const bytes = await renderContactsWorkbook(briefing, await validateText(), await r6Manifest());
  const csv = await convertWithLibreOffice(bytes, 'contacts.xlsx', CSV_AS_SHOWN);
  shown = new Map(
    [...csv].map(([name, data]) => [name.replace(/^contacts-|\.csv$/g, ''), parse(Buffer.from(data), { columns: true, bom: true }) as Record<string, string>[]]),
  );
  const pdf = await convertWithLibreOffice(bytes, 'contacts.xlsx', 'pdf');
  printed = await withPdf(pdf.get('contacts.pdf')!, pageLines);
}, 240_000);

/** The sheet a printed page belongs to: its footer names it (&A), bottom left. */
function sheetOf(page: PageLine[]): string {
  return page.at(-1)!.text.split(/\s{2,}|\d+ \/ \d+/)[0]!.trim();
}

describe('contacts workbook in LibreOffice: what the screen shows', () => {
  it('shows every amount of 予算・財政措置 as the slide printed it, and the yen beside it in full', () => {
    const rows = shown.get(FIGURES_SHEET)!;
    const printedAmounts = new Map<string, number>();
    for (const b of briefing.budgets) printedAmounts.set(b.amount.printed, b.amount.yen);
    for (const m of briefing.measures) for (const a of [m.cap, m.amount]) if (a) printedAmounts.set(a.printed, a.yen);

    const withYen = rows.filter((r) => r['金額（円）'] !== '');
    expect(withYen.length).toBeGreaterThan(50);
    for (const r of withYen) {
      // 5,200,000円 — grouped, whole yen, never 「300.0万円」 or 「5700.00億円」
      expect(r['金額（円）']).toMatch(/^\d{1,3}(,\d{3})*円$/);
      const yen = Number(r['金額（円）']!.replace(/[,円]/g, ''));
      // the 記載 column holds the amount exactly as printed on the slide (年間560万円／人), worth those yen
      const amount = [...printedAmounts.keys()].filter((p) => r.記載!.includes(p)).sort((a, b) => b.length - a.length)[0];
      expect(amount, `${r.項目}: ${r.記載}`).toBeDefined();
      expect(printedAmounts.get(amount!), `${r.項目}: ${r.記載}`).toBe(yen);
    }
    const volunteer = rows.find((r) => r.項目 === '地域おこし協力隊員の活動に要する経費')!;
    expect(volunteer).toMatchObject({ 記載: '520万円／人', '金額（円）': '5,200,000円', 年度: '' });
    expect(rows.find((r) => r.項目 === 'R6当初予算額' && r['No.'] === '1')).toMatchObject({ 記載: '248百万円', 年度: '令和6年度（2024）', '金額（円）': '248,000,000円' });
  });

  it('shows rates as the slides print them (0.5, not 50%), and no cell on two lines', () => {
    const rows = shown.get(FIGURES_SHEET)!;
    const printedRates = new Set(briefing.measures.flatMap((m) => m.rates.map((r) => r.printed)));
    for (const column of ['措置率', '充当率', '交付税措置率', '補助率']) {
      const values = rows.map((r) => r[column]!).filter((v) => v !== '');
      expect(values.length, column).toBeGreaterThan(0);
      // a cell may list several rates of one measure, each as printed, with what it applies to (元利償還金の70%)
      for (const v of values) {
        for (const rate of v.split(/、/)) expect([...printedRates].some((p) => rate.trim().endsWith(p)), `${column}: ${v}`).toBe(true);
      }
    }
    expect(rows.map((r) => r.措置率)).toContain('0.5×財政力補正');
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/\n/);
  });

  it('keeps phone numbers and program numbers as text: 03-5253-5394, 21-①', () => {
    const rows = shown.get(PROGRAMS_SHEET)!;
    expect(rows).toHaveLength(31);
    expect(rows[0]).toMatchObject({ 'No.': '1', 施策名: '地域おこし協力隊', 電話番号: '03-5253-5394', スライド: '1–5' });
    expect(rows.find((r) => r['No.'] === '21-①')).toMatchObject({ 電話番号: '03-5253-5523' });
  });
});

describe('contacts workbook in LibreOffice: what the printer gets', () => {
  it('prints every sheet at 8 pt or more, the budget sheet too', () => {
    const sheets = new Set(printed.map(sheetOf));
    expect(sheets).toEqual(new Set(['表紙・注記', '施策別担当者', '課室別', '担当者別', FIGURES_SHEET]));
    for (const [i, page] of printed.entries()) {
      const smallest = Math.min(...page.map((l) => l.size));
      expect(smallest, `page ${i + 1} (${sheetOf(page)})`).toBeGreaterThanOrEqual(8);
    }
  });

  it('prints the key columns of the budget sheet, No. to スライド, on one A4 width', () => {
    const pages = printed.filter((p) => sheetOf(p) === FIGURES_SHEET);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      // the header row repeats on every page; 年度 and 金額（円） are on screen only
      const header = page.find((l) => /^\s*No\./.test(l.text))!;
      expect(header.text.replace(/\s+/g, ' ').trim()).toBe('No. 施策名 区分 種別 項目 記載 措置率 充当率 交付税措置率 補助率 備考 スライド');
      expect(page.some((l) => /円$/.test(l.text.trim()) && /\d{1,3},\d{3},\d{3}円/.test(l.text))).toBe(false);
      // dated in 和暦 in the footer
      expect(page.at(-1)!.text).toMatch(/令和6年4月1日作成$/);
    }
  });
});
