import type { Program } from '../../schemas/briefing.ts';
import { departmentContacts, personContacts, phoneUsesText, programContact } from '../views/contacts-view.ts';
import { programDocumentPaths } from '../views/file-names.ts';
import type { Table } from './table.ts';

export const PROGRAMS_SHEET = '施策別担当者';
export const DEPARTMENTS_SHEET = '課室別';
export const PEOPLE_SHEET = '担当者別';
/** The column of a link to the program's document (programs/….md), on screen only. */
export const DOCUMENT_COLUMN = '施策別資料';

/**
 * The contact list, one row per program, in the order printed; the last column, on screen only,
 * opens the program's document (a link in a cell of its own: LibreOffice neither wraps nor
 * aligns the text of a linked cell).
 */
export function programsTable(programs: readonly Program[]): Table {
  const documents = programDocumentPaths(programs);
  return {
    name: PROGRAMS_SHEET,
    landscape: true,
    columns: [
      { header: 'No.', text: true },
      { header: '施策名', maxWidth: 44 },
      { header: '担当課室', maxWidth: 30 },
      { header: '担当者', maxWidth: 40 },
      { header: '電話番号', text: true, maxWidth: 40 },
      { header: 'スライド', text: true },
      { header: DOCUMENT_COLUMN, maxWidth: 44 },
    ],
    printColumns: 6,
    rows: programs.map((p, i) => {
      const c = programContact(p);
      return [c.no, c.name, c.departments, c.people, c.phones, c.slides, { text: documents[i]!, link: documents[i]! }];
    }),
  };
}

/** One row per 担当課室: whom to call there, at which number, about which programs. */
export function departmentsTable(programs: readonly Program[]): Table {
  return {
    name: DEPARTMENTS_SHEET,
    landscape: true,
    columns: [
      { header: '担当課室', maxWidth: 30 },
      { header: '電話番号', text: true, maxWidth: 40 },
      { header: '担当者', maxWidth: 36 },
      { header: '施策数', center: true },
      { header: '施策（No. 施策名）', maxWidth: 56 },
    ],
    rows: departmentContacts(programs).map((d) => [
      d.name,
      phoneUsesText(d.phones),
      d.people.join('、'),
      d.programs.length,
      programLines(d.programs),
    ]),
  };
}

/** One row per person (name and department): the same name in several programs is one row. */
export function peopleTable(programs: readonly Program[]): Table {
  return {
    name: PEOPLE_SHEET,
    landscape: true,
    columns: [
      { header: '担当者' },
      { header: '担当課室', maxWidth: 30 },
      { header: '電話番号', text: true, maxWidth: 40 },
      { header: '施策数', center: true },
      { header: '施策（No. 施策名）', maxWidth: 56 },
    ],
    rows: personContacts(programs).map((p) => [
      p.name,
      p.department,
      phoneUsesText(p.phones),
      p.programs.length,
      programLines(p.programs),
    ]),
  };
}

/** One program a line, its number first: "1 地域おこし協力隊". */
function programLines(programs: readonly Program[]): string {
  return programs.map((p) => `${p.no} ${p.name}`).join('\n');
}
