import type { Briefing } from '../../schemas/briefing.ts';
import type { EditionDiff, FigureChange } from '../../schemas/diff.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { DIFF_SECTIONS } from './kinds.ts';

/** One side of a change as a reader sees it: what was printed, on which slide of its edition. */
export interface ChangeSide {
  printed: string;
  slide: number | null;
}

/**
 * One change since the previous edition, as the packs, the program documents and the workbook
 * list it: a program added, removed, renamed or renumbered, or a figure, sentence or contact.
 */
export interface ChangeEntry {
  /** "chg-007": the same entry has the same id in every pack of a run, so marks can link to it */
  id: string;
  /** the section of the diff it comes from, as a reader names it: 施策, 予算額, 上限額・措置額 … */
  section: string;
  /** 新設, 終了, 名称変更, 番号変更, 新規, 削除, 拡充, 縮小, 増額, 減額, 変更, 追加, 修正 */
  label: string;
  /** the program's number and name in this edition (last year's for a program that ended) */
  programNo: string;
  programName: string;
  /** false for a program that ended: its number is last year's */
  current: boolean;
  subject: string;
  before: ChangeSide | null;
  after: ChangeSide | null;
  /** where the new figure or sentence stands in this edition's source: the place of its mark */
  at: Provenance | null;
}

/** Sections whose figures grow or shrink a measure: an increase is 拡充, as the ministry's slides say. */
const MEASURES = new Set(['caps', 'rates', 'shares']);

function label(key: string, c: FigureChange): string {
  if (key === 'sentences') return c.kind === 'added' ? '追加' : c.kind === 'removed' ? '削除' : '修正';
  if (c.kind === 'added') return key === 'contacts' ? '追加' : '新規';
  if (c.kind === 'removed') return '削除';
  const from = c.before?.value ?? null;
  const to = c.after?.value ?? null;
  if (from !== null && to !== null && from !== to) {
    if (MEASURES.has(key)) return to > from ? '拡充' : '縮小';
    if (key === 'budgets') return to > from ? '増額' : '減額';
  }
  return '変更';
}

/**
 * Every change of a diff a reader needs, in reading order: the programs added, ended, renamed and
 * renumbered first, then each program of this edition with its changes by section (figures,
 * sentences, contacts). Left out: years that moved with the edition (the same point in time) and
 * how many places a program names (a count the pipeline makes, not a figure of the slides). Ids
 * are given in that order. Pure.
 */
export function changeEntries(diff: EditionDiff, briefing: Briefing): ChangeEntry[] {
  const p = diff.programs;
  const firstSlide = (no: string) => briefing.programs.find((x) => x.no === no)?.slides[0] ?? null;
  const side = (printed: string, slide: number | null): ChangeSide => ({ printed, slide });
  // the program itself is the subject; its number (or its name, when that changed) before and after
  const program = (label: string, x: { no: string; name: string }, current: boolean, before: ChangeSide | null, after: ChangeSide | null) => ({ section: '施策', label, programNo: x.no, programName: x.name, current, subject: x.name, before, after, at: null });
  const programs: Omit<ChangeEntry, 'id'>[] = [
    ...p.added.map((x) => program('新設', x, true, null, side(`${x.no}（新設）`, firstSlide(x.no)))),
    // a program that ended keeps last year's number: another program may carry it now
    ...p.removed.map((x) => program('終了', x, false, side(x.no, null), side('掲載なし', null))),
    ...p.renamed.map((x) => program('名称変更', x.after, true, side(x.before.name, null), side(x.after.name, firstSlide(x.after.no)))),
    ...p.renumbered.map((x) => program('番号変更', x.after, true, side(x.before.no, null), side(x.after.no, firstSlide(x.after.no)))),
  ];
  const yearGap = diff.to.fiscalYear - diff.from.fiscalYear;
  const order = new Map(briefing.programs.map((x) => [x.no, x.order]));
  const figures = DIFF_SECTIONS.filter(({ key }) => key !== 'places').flatMap(({ key, title }, sectionIndex) =>
    diff[key]
      // a year that moved with the edition (R6 → R7, 令和４年度までに → 令和5年度までに) names the same point in time
      .filter((c) => !(key === 'dates' && c.kind === 'changed' && c.before?.value != null && c.after?.value != null && c.after.value - c.before.value === yearGap * 10000))
      .map((c) => ({
      sectionIndex,
      entry: {
        section: title,
        label: label(key, c),
        programNo: c.programNo,
        programName: c.program,
        current: true,
        subject: c.subject,
        before: c.before && side(c.before.printed, c.before.slide),
        after: c.after && side(c.after.printed, c.after.slide),
        // a contact is shown in the contact tables, not in the slides' text: it has no mark
        at: key === 'contacts' ? null : (c.after?.at ?? null),
      },
    })),
  );
  // by program in this edition's order, then by section (a stable sort keeps the diff's order within)
  const sorted = figures.sort((a, b) => (order.get(a.entry.programNo) ?? Infinity) - (order.get(b.entry.programNo) ?? Infinity) || a.sectionIndex - b.sectionIndex).map((f) => f.entry);
  return [...programs, ...sorted].map((e, i) => ({ id: `chg-${String(i + 1).padStart(3, '0')}`, ...e }));
}

/**
 * Whether a change concerns a prefecture: it names the prefecture or one of its municipalities
 * the briefing lists, or its figure stands on a line that does (a row of a table by prefecture).
 */
export function concernsPrefecture(entry: ChangeEntry, briefing: Briefing, prefecture: string): boolean {
  const places = briefing.places.filter((p) => p.prefecture === prefecture);
  if (entry.at && places.some((p) => p.at.line === entry.at!.line)) return true;
  const names = [prefecture, ...new Set(places.flatMap((p) => (p.municipality ? [p.municipality] : [])))];
  const texts = [entry.subject, entry.before?.printed ?? '', entry.after?.printed ?? ''];
  return texts.some((t) => names.some((n) => t.includes(n)));
}

/** A mark beside a changed figure or sentence in this edition's text, linking to its entry. */
export interface ChangeMark {
  label: string;
  /** the entry's id */
  id: string;
  /** the text to set the mark after (the figure as printed); at the end of the text when not found */
  find: string[];
}

/** Whether a place lies within a span of the source. */
function within(at: Provenance, span: Provenance): boolean {
  const afterStart = at.line > span.line || (at.line === span.line && at.column >= span.column);
  const beforeEnd = at.line < span.endLine || (at.line === span.endLine && at.column < span.endColumn);
  return afterStart && beforeEnd;
}

/**
 * The marks of a text of this edition: every change whose new figure or sentence starts inside the
 * span. Removed figures have no place in this edition and no mark.
 */
export function marksWithin(entries: readonly ChangeEntry[], span: Provenance | null): ChangeMark[] {
  if (!span) return [];
  return entries
    .filter((e) => e.at !== null && e.after !== null && within(e.at, span))
    .map((e) => ({ label: e.label, id: e.id, find: findCandidates(e.after!.printed) }));
}

/** The figure as printed, then its last word (a budget is printed with its label), then its number. */
function findCandidates(printed: string): string[] {
  const last = printed.split(/\s+/).at(-1) ?? printed;
  const number = /[\d０-９][\d０-９,，.．]*/u.exec(printed)?.[0];
  return [...new Set([printed, last, ...(number ? [number] : [])])];
}
