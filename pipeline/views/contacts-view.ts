import type { Program } from '../../schemas/briefing.ts';
import { slideRanges } from './slide-ranges.ts';

/** Marks a phone that the contact table does not give and that was read from the program's own slides. */
export const FROM_SLIDE = '（スライド記載）';

/** One row of 施策別担当者: the contact list as printed, each person kept with the phone of their department. */
export interface ProgramContact {
  no: string;
  name: string;
  departments: string;
  people: string;
  phones: string;
  slides: string;
}

export interface PhoneUse {
  phone: string;
  fromSlide: boolean;
  /** numbers of the programs this phone is given for */
  programs: string[];
}

/** Everything one department (担当課室) answers for, across the contact list. */
export interface DepartmentContacts {
  name: string;
  people: string[];
  phones: PhoneUse[];
  programs: Program[];
}

/** One person of one department; the same surname in another department is another person. */
export interface PersonContacts {
  name: string;
  department: string;
  phones: PhoneUse[];
  programs: Program[];
}

interface ShownPhone {
  phone: string;
  fromSlide: boolean;
}

export function programContact(p: Program): ProgramContact {
  const several = p.departments.length > 1;
  const label = (text: string, department: string) => (several ? `${text}（${department}）` : text);
  const people = p.departments
    .filter((d) => d.people.length > 0)
    .map((d) => label(d.people.join('、'), d.name));
  const paired = p.departments.flatMap((d) => d.phones.map((phone) => label(phone, d.name)));
  // a row whose phones could not be paired with its departments keeps them unlabelled, as printed
  const listed = paired.length > 0 ? paired : p.phones;
  // a number a slide prints besides the list's own, with the office the slide gives it for
  const known = new Set([...p.phones, ...p.departments.flatMap((d) => d.phones)]);
  const fromSlides = [...new Map(p.slidePhones.filter((s) => !known.has(s.phone)).map((s) => [s.phone, s])).values()].map((s) => (s.office ? `${s.phone}（${s.office}・スライド記載）` : `${s.phone}${FROM_SLIDE}`));
  const phones = [...listed, ...fromSlides];
  return {
    no: p.no,
    name: p.name,
    departments: p.departments.map((d) => d.name).join('\n'),
    people: people.join('\n'),
    phones: phones.join('\n'),
    slides: slideRanges(p.slides),
  };
}

export function departmentContacts(programs: readonly Program[]): DepartmentContacts[] {
  const byName = new Map<string, DepartmentContacts>();
  for (const p of programs) {
    for (const d of p.departments) {
      let entry = byName.get(d.name);
      if (!entry) byName.set(d.name, (entry = { name: d.name, people: [], phones: [], programs: [] }));
      for (const person of d.people) if (!entry.people.includes(person)) entry.people.push(person);
      addPhones(entry.phones, departmentPhones(p, d.name), p.no);
      if (!entry.programs.includes(p)) entry.programs.push(p);
    }
  }
  return [...byName.values()];
}

export function personContacts(programs: readonly Program[]): PersonContacts[] {
  const byKey = new Map<string, PersonContacts>();
  for (const p of programs) {
    for (const d of p.departments) {
      for (const name of d.people) {
        const key = `${d.name}\u0000${name}`;
        let entry = byKey.get(key);
        if (!entry) byKey.set(key, (entry = { name, department: d.name, phones: [], programs: [] }));
        addPhones(entry.phones, departmentPhones(p, d.name), p.no);
        if (!entry.programs.includes(p)) entry.programs.push(p);
      }
    }
  }
  return [...byKey.values()];
}

/**
 * Phones as one cell: a single phone alone; several, each with the programs it is given for, so
 * that nobody calls 03-5253-5394 about a program of 03-5253-5391.
 */
export function phoneUsesText(uses: readonly PhoneUse[]): string {
  if (uses.length === 1) return showPhone(uses[0]!);
  return uses.map((u) => `${showPhone(u)}（No. ${u.programs.join(', ')}）`).join('\n');
}

/**
 * The phones of one department for one program: its own from the contact table; when the table
 * gives the program no phone at all, those printed on the program's slides, marked as such.
 */
function departmentPhones(p: Program, department: string): ShownPhone[] {
  if (p.phones.length > 0) {
    const d = p.departments.find((x) => x.name === department);
    return (d?.phones ?? []).map((phone) => ({ phone, fromSlide: false }));
  }
  return slidePhones(p);
}

function slidePhones(p: Program): ShownPhone[] {
  return [...new Set(p.slidePhones.map((s) => s.phone))].map((phone) => ({ phone, fromSlide: true }));
}

function showPhone(s: ShownPhone): string {
  return s.fromSlide ? `${s.phone}${FROM_SLIDE}` : s.phone;
}

function addPhones(uses: PhoneUse[], phones: readonly ShownPhone[], program: string): void {
  for (const s of phones) {
    let use = uses.find((u) => u.phone === s.phone && u.fromSlide === s.fromSlide);
    if (!use) uses.push((use = { ...s, programs: [] }));
    if (!use.programs.includes(program)) use.programs.push(program);
  }
}
