import type { Program } from '../../schemas/briefing.ts';
import { FROM_SLIDE, programContact } from '../views/contacts-view.ts';

/** One row of the contact list, as the workbook shows it (render-excel/contacts-view.ts), lines kept apart. */
export interface ContactRow {
  no: string;
  name: string;
  departments: string[];
  people: string[];
  phones: string[];
  slides: string;
}

export function contactRows(programs: readonly Program[]): ContactRow[] {
  return programs.map((p) => {
    const c = programContact(p);
    const shown = c.phones.split('\n').filter(Boolean);
    // phones printed on the slides besides the list's own, so that every number of the briefing is in the pack
    const extra = [...new Set(p.slidePhones.map((s) => s.phone))].filter((phone) => !shown.some((s) => s.startsWith(phone))).map((phone) => `${phone}${FROM_SLIDE}`);
    return {
      no: c.no,
      name: c.name,
      departments: c.departments.split('\n').filter(Boolean),
      people: c.people.split('\n').filter(Boolean),
      phones: [...shown, ...extra],
      slides: c.slides,
    };
  });
}

/** Every phone number a pack must print: the contact list's and those on the program slides. */
export function allPhones(programs: readonly Program[]): string[] {
  return [...new Set(programs.flatMap((p) => [...p.phones, ...p.departments.flatMap((d) => d.phones), ...p.slidePhones.map((s) => s.phone)]))];
}
