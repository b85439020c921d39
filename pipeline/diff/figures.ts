import type { Program } from '../../schemas/briefing.ts';
import type { FigureChange } from '../../schemas/diff.ts';
import type { KeyedFigure } from './kinds.ts';

/** The program a change belongs to, by its name and id in the newer edition. */
export interface ChangeProgram {
  name: string;
  id: string | null;
  no: string;
}

/** Compare keyed figures of one program in two editions (none before, for a new program). */
export function compareFigures(program: ChangeProgram, before: readonly KeyedFigure[], after: readonly KeyedFigure[]): FigureChange[] {
  const out: FigureChange[] = [];
  const value = (k: KeyedFigure) => ({ value: k.value, printed: k.printed, at: k.at, slide: null });
  const head = { program: program.name, programId: program.id, programNo: program.no };
  const afterByKey = new Map(after.map((a) => [a.key, a]));
  const beforeKeys = new Set(before.map((b) => b.key));
  for (const b of before) {
    const a = afterByKey.get(b.key);
    if (!a) out.push({ ...head, subject: b.subject, kind: 'removed', before: value(b), after: null });
    else if (a.value !== b.value || (a.value === null && a.printed !== b.printed)) out.push({ ...head, subject: a.subject, kind: 'changed', before: value(b), after: value(a) });
  }
  for (const a of after) if (!beforeKeys.has(a.key)) out.push({ ...head, subject: a.subject, kind: 'added', before: null, after: value(a) });
  return out;
}

/** Departments, people and phones of a program, keyed by department. */
export function contactFigures(p: Program): KeyedFigure[] {
  return p.departments.flatMap((d) => [
    { key: `課室 ${d.name}`, subject: `担当課室 ${d.name}`, value: null, printed: d.name, at: p.at },
    ...d.phones.map((ph) => ({ key: `電話 ${d.name}`, subject: `電話番号（${d.name}）`, value: null, printed: ph, at: p.at })),
    ...d.people.map((person) => ({ key: `担当者 ${person}`, subject: `担当者 ${person}（${d.name}）`, value: null, printed: person, at: p.at })),
  ]);
}
