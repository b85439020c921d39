import type { Program } from '../../schemas/briefing.ts';
import type { ContactLine, ProgramView } from '../views/program-view.ts';

/** One program of the contact list: its number and name beside each of its contact lines. */
export interface ContactRow {
  no: string;
  name: string;
  /** the rows the program takes (its number and name span them) */
  span: number;
  first: ContactLine;
  rest: ContactLine[];
}

/** 連絡先一覧, from the program views: the same lines as each program's own 担当, in the contact list's order. */
export function contactRows(views: readonly ProgramView[]): ContactRow[] {
  return views.map((v) => {
    const [first, ...rest] = v.contacts.length > 0 ? v.contacts : [{ department: '', people: [], phones: [], note: null }];
    return { no: v.program.no, name: v.program.name, span: 1 + rest.length, first: first!, rest };
  });
}

/** Every phone number a pack must print: the contact list's and those on the program slides. */
export function allPhones(programs: readonly Program[]): string[] {
  return [...new Set(programs.flatMap((p) => [...p.phones, ...p.departments.flatMap((d) => d.phones), ...p.slidePhones.map((s) => s.phone)]))];
}
