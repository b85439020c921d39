import { PHONE_PATTERN, type Program } from '../../../schemas/briefing.ts';
import type { Provenance } from '../../../schemas/provenance.ts';
import { compact } from '../normalize.ts';
import type { SlideSegment } from '../segment.ts';
import { Span } from '../span.ts';

export interface ContactNote {
  ruleId: string;
  reason: string;
  at: Provenance | null;
}

export interface ContactList {
  programs: Omit<Program, 'slidePhones' | 'slides' | 'id' | 'slug'>[];
  slideIndexes: number[];
  notes: ContactNote[];
}

/** The heading row of the contact list (施策名 / 担当課室 / 担当者 / 電話番号), on compacted text. */
export const CONTACT_LIST_HEADER = /施策名.*担当課室.*担当者.*電話番号/;
const FOOTER = /担当者一覧/;
const ROW_START = /^(\d{1,2})(?:\s*[-‐－]\s*([①-⑳]))?\s*[．.、]\s*/;
const DEPARTMENT = /(課|室|課室|部|局|グループ|センター|事務所)$/;
const PERSON_LIST = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]{1,5}(、[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]{1,5})*、?$/u;

/** 課 and 室 end every department; 部/局 only count on longer names, since 服部 is a person. */
function isDepartment(token: string): boolean {
  if (token.includes('、')) return false;
  return /(課|室)$/.test(token) ? token.length >= 3 : DEPARTMENT.test(token) && token.length >= 5;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Slides that hold the closing contact list (施策名 / 担当課室 / 担当者 / 電話番号). */
export function contactSlides(slides: SlideSegment[]): SlideSegment[] {
  return slides.filter((s) => CONTACT_LIST_HEADER.test(compact(s.lines.slice(0, 3).map((l) => l.text).join(''))));
}

/**
 * Parse the contact list: one row per program, numbered 1 … 20 and 21-① … Rows run over several
 * lines; departments end in 課/室, people are 、-separated names, phones are 0X-XXXX-XXXX.
 */
export function extractContacts(slides: SlideSegment[]): ContactList {
  const listSlides = contactSlides(slides);
  const notes: ContactNote[] = [];
  const span = new Span(listSlides.flatMap((s) => s.lines));
  const rows: { no: string; tokens: Token[]; start: number; end: number }[] = [];
  let offset = 0;
  for (const line of span.lines) {
    const text = line.text;
    const lineStart = offset;
    offset += text.length + 1;
    if (CONTACT_LIST_HEADER.test(compact(text)) || FOOTER.test(compact(text)) || text.trim() === '') continue;
    const m = ROW_START.exec(text);
    let bodyStart = 0;
    if (m) {
      rows.push({ no: m[2] ? `${m[1]}-${m[2]}` : String(Number(m[1])), tokens: [], start: lineStart, end: lineStart + text.length });
      bodyStart = m[0].length;
    }
    const row = rows.at(-1);
    if (!row) {
      notes.push({ ruleId: 'contacts-orphan-line', reason: `text before the first numbered row: "${text}"`, at: span.locate(lineStart, lineStart + text.length) });
      continue;
    }
    for (const t of text.slice(bodyStart).matchAll(/\S+/g)) {
      const start = lineStart + bodyStart + t.index!;
      row.tokens.push({ text: t[0], start, end: start + t[0].length });
    }
    row.end = lineStart + text.length;
  }

  const programs = rows.map((row, i) => buildProgram(row, i + 1, span, notes));
  return { programs, slideIndexes: listSlides.map((s) => s.index), notes };
}

function buildProgram(
  row: { no: string; tokens: Token[]; start: number; end: number },
  order: number,
  span: Span,
  notes: ContactNote[],
): Omit<Program, 'slidePhones' | 'slides' | 'id' | 'slug'> {
  const nameParts: string[] = [];
  const departments: string[] = [];
  const peopleGroups: string[][] = [];
  const phones: string[] = [];
  let pendingDept = '';
  let continuingPeople = false;
  row.tokens.forEach((tok, k) => {
    const t = tok.text;
    if (PHONE_PATTERN.test(t)) {
      phones.push(t);
      continuingPeople = false;
    } else if (pendingDept || (k > 0 && isDepartment(t)) || (k > 0 && t.endsWith('・') && isDepartment(row.tokens[k + 1]?.text ?? ''))) {
      pendingDept += t;
      if (!t.endsWith('・')) {
        departments.push(pendingDept);
        pendingDept = '';
      }
      continuingPeople = false;
    } else if (departments.length > 0 && PERSON_LIST.test(t)) {
      const names = t.split('、').filter(Boolean);
      if (continuingPeople) peopleGroups.at(-1)!.push(...names);
      else peopleGroups.push(names);
      continuingPeople = t.endsWith('、');
    } else if (departments.length === 0) {
      nameParts.push(t);
    } else {
      notes.push({ ruleId: 'contacts-unknown-token', reason: `row ${row.no}: cannot tell what "${t}" is`, at: span.locate(tok.start, tok.end) });
    }
  });
  const at = span.locate(row.start, row.end);
  if (departments.length === 0) {
    notes.push({ ruleId: 'contacts-no-department', reason: `row ${row.no} names no 担当課室`, at });
    departments.push('(不明)');
  }
  return {
    no: row.no,
    order,
    name: compact(nameParts.join('')),
    departments: pairDepartments(row.no, departments, peopleGroups, phones, notes, at),
    people: peopleGroups.flat(),
    phones,
    at,
  };
}

/**
 * One department takes every person and phone of its row; several departments (row 7) take
 * people groups and phones in the order printed, which must then match one to one.
 */
function pairDepartments(
  no: string,
  departments: string[],
  peopleGroups: string[][],
  phones: string[],
  notes: ContactNote[],
  at: Provenance,
): Program['departments'] {
  if (departments.length === 1) return [{ name: departments[0]!, people: peopleGroups.flat(), phones }];
  if (peopleGroups.length !== departments.length || (phones.length !== departments.length && phones.length > 1)) {
    notes.push({
      ruleId: 'contacts-ambiguous-pairing',
      reason: `row ${no}: ${departments.length} departments, ${peopleGroups.length} groups of people and ${phones.length} phones cannot be paired one to one`,
      at,
    });
  }
  return departments.map((name, i) => ({
    name,
    people: peopleGroups[i] ?? [],
    phones: phones.length === departments.length ? [phones[i]!] : phones.length === 1 ? [phones[0]!] : [],
  }));
}
