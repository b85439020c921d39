import type ExcelJS from 'exceljs';
import { formatEraDate } from '../units/era.ts';
import { headerFooterText } from './cell-safety.ts';

/** What every printed page says about where it comes from. */
export interface PageContext {
  /** title of the briefing, e.g. 地域力創造グループ 施策説明資料（令和6年度） */
  title: string;
  /** e.g. 令和6年度（FY2024） */
  fiscalYear: string;
  /** manifest.generatedAt, e.g. 2024-04-01 */
  generatedAt: string;
}

/** A4, one page wide and as many pages long as needed, the header row on every page, title and page x / y. */
export function applyPrintSetup(ws: ExcelJS.Worksheet, page: PageContext, landscape: boolean): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    differentFirst: false,
    differentOddEven: false,
    oddHeader: `&L${headerFooterText(page.title)}&R${headerFooterText(page.fiscalYear)}`,
    oddFooter: `&L&A&C&P / &N&R${headerFooterText(`${formatEraDate(page.generatedAt)}作成`)}`,
  };
}
