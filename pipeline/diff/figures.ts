import type { Briefing, Program } from '../../schemas/briefing.ts';
import type { FigureChange } from '../../schemas/diff.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { compact } from '../parse/normalize.ts';
import { formatEraYear } from '../units/era.ts';
import type { ProgramMatch } from './programs.ts';

interface Keyed {
  key: string;
  subject: string;
  value: number | null;
  printed: string;
  at: Provenance | null;
}

/** Number repeated keys in order, so two "当初予算額" of one program stay apart. */
function numbered(items: Omit<Keyed, 'key'>[], keyOf: (i: Omit<Keyed, 'key'>) => string): Keyed[] {
  const seen = new Map<string, number>();
  return items.map((i) => {
    const base = keyOf(i);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...i, key: n === 1 ? base : `${base}#${n}` };
  });
}

/** Compare keyed figures of one program in two editions. */
function compare(program: string, before: Keyed[], after: Keyed[]): FigureChange[] {
  const out: FigureChange[] = [];
  const value = (k: Keyed) => ({ value: k.value, printed: k.printed, at: k.at });
  for (const b of before) {
    const a = after.find((x) => x.key === b.key);
    if (!a) out.push({ program, subject: b.subject, kind: 'removed', before: value(b), after: null });
    else if (a.value !== b.value || (a.value === null && a.printed !== b.printed)) out.push({ program, subject: a.subject, kind: 'changed', before: value(b), after: value(a) });
  }
  for (const a of after) if (!before.some((b) => b.key === a.key)) out.push({ program, subject: a.subject, kind: 'added', before: null, after: value(a) });
  return out;
}

/** "R6当初予算額" and "R7当初予算額" are the same line of two editions: drop the year. */
const budgetKey = (label: string) => compact(label).replace(/^(令和(元|\d{1,2})年度|[RH](元|\d{1,2}))/, '');

export function budgetChanges(from: Briefing, to: Briefing, matches: ProgramMatch[]): FigureChange[] {
  const of = (b: Briefing, p: Program) =>
    numbered(
      b.budgets.filter((x) => x.program === p.no).map((x) => ({ subject: budgetKey(x.label) + (x.partOf ? '（内数）' : ''), value: x.amount.yen, printed: `${x.label} ${x.amount.printed}`, at: x.at })),
      (i) => i.subject,
    );
  return matches.flatMap((m) => compare(m.after.name, of(from, m.before), of(to, m.after)));
}

export function capChanges(from: Briefing, to: Briefing, matches: ProgramMatch[]): FigureChange[] {
  const of = (b: Briefing, p: Program) =>
    numbered(
      b.measures
        .filter((x) => x.program === p.no && x.cap)
        .flatMap((x) => [
          { subject: `${x.item}${x.perUnit ? `／${x.perUnit}` : ''}`, value: x.cap!.yen, printed: x.cap!.printed, at: x.at },
          ...x.components.map((c) => ({ subject: `${x.item} ${c.label}`, value: c.amount.yen, printed: c.amount.printed, at: c.at })),
        ]),
      (i) => compact(i.subject),
    );
  return matches.flatMap((m) => compare(m.after.name, of(from, m.before), of(to, m.after)));
}

export function seriesChanges(from: Briefing, to: Briefing, matches: ProgramMatch[]): FigureChange[] {
  const of = (b: Briefing, p: Program) =>
    b.series
      .filter((s) => s.program === p.no)
      .flatMap((s) => s.points.map((pt) => ({ key: `${s.label}@${pt.fiscalYear}`, subject: `${s.label} ${formatEraYear(pt.fiscalYear)}`, value: pt.value, printed: `${pt.printed}${s.unit && !pt.printed.endsWith(s.unit) ? s.unit : ''}`, at: pt.at })));
  return matches.flatMap((m) => compare(m.after.name, of(from, m.before), of(to, m.after)));
}

export function contactChanges(matches: ProgramMatch[]): FigureChange[] {
  const of = (p: Program): Keyed[] =>
    p.departments.flatMap((d) => [
      { key: `課室 ${d.name}`, subject: `担当課室 ${d.name}`, value: null, printed: d.name, at: p.at },
      ...d.phones.map((ph) => ({ key: `電話 ${d.name}`, subject: `電話番号（${d.name}）`, value: null, printed: ph, at: p.at })),
      ...d.people.map((person) => ({ key: `担当者 ${person}`, subject: `担当者 ${person}（${d.name}）`, value: null, printed: person, at: p.at })),
    ]);
  return matches.flatMap((m) => compare(m.after.name, of(m.before), of(m.after)));
}
