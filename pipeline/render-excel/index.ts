import ExcelJS from 'exceljs';
import type { Briefing } from '../../schemas/briefing.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { repackZip } from './deterministic-zip.ts';
import type { PageContext } from './print-setup.ts';
import { coverTable, fiscalYearLabel } from './sheets-cover.ts';
import { departmentsTable, peopleTable, programsTable } from './sheets-contacts.ts';
import { figuresTable } from './sheets-figures.ts';
import { changesTable } from './sheets-changes.ts';
import { addTableSheet } from './table.ts';

export { COVER_SHEET } from './sheets-cover.ts';
export { DEPARTMENTS_SHEET, PEOPLE_SHEET, PROGRAMS_SHEET } from './sheets-contacts.ts';
export { FIGURES_SHEET } from './sheets-figures.ts';
export { CHANGES_SHEET } from './sheets-changes.ts';

/**
 * The workbook for prefectures (contacts.xlsx): cover and notes, contacts by program, department
 * and person, budgets and fiscal measures, and — with the previous edition — what changed since it. Pure: no file I/O, no clock — the same briefing and
 * manifest always give the same bytes, dated manifest.generatedAt.
 */
export async function renderContactsWorkbook(briefing: Briefing, report: ValidationReport, manifest: Manifest, changes: EditionDiff | null = null): Promise<Uint8Array> {
  const stamp = new Date(`${manifest.generatedAt}T00:00:00Z`);
  const page: PageContext = { title: manifest.title, fiscalYear: fiscalYearLabel(manifest), generatedAt: manifest.generatedAt };

  const wb = new ExcelJS.Workbook();
  wb.title = `${manifest.title} 施策担当者・予算一覧`;
  wb.subject = `施策担当者一覧・予算・財政措置（${page.fiscalYear}）`;
  wb.creator = 'briefing-pack';
  wb.lastModifiedBy = 'briefing-pack';
  wb.company = manifest.publisher;
  wb.keywords = `${manifest.edition} ${manifest.fiscalYear}`;
  wb.description = `出典: ${manifest.title}`;
  wb.created = stamp;
  wb.modified = stamp;

  const taken = new Set<string>();
  const tables = [
    coverTable(briefing, manifest, changes),
    programsTable(briefing.programs),
    departmentsTable(briefing.programs),
    peopleTable(briefing.programs),
    figuresTable(briefing, report),
    // what changed since the previous edition, when the manifest names it
    ...(changes ? [changesTable(changes, briefing)] : []),
  ];
  for (const table of tables) addTableSheet(wb, table, page, taken);

  // stored, not deflated: repackZip deflates each entry once, as it writes the archive again
  const packed = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Parameters<typeof wb.xlsx.writeBuffer>[0]);
  return repackZip(new Uint8Array(packed as ArrayBuffer), stamp);
}
