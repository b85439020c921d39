import type { Briefing } from '../../schemas/briefing.ts';
import type { EditionDiff, FigureChange } from '../../schemas/diff.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { holds } from '../parse/content/block-text.ts';
import { listMarker } from '../parse/content/markers.ts';
import { formatEraYear } from '../units/era.ts';
import { PREFECTURE_PATTERN } from '../units/prefectures.ts';
import { BEFORE_RAISE, DIFF_SECTIONS } from './kinds.ts';

/** One side of a change as a reader sees it: what was printed, on which slides of its edition. */
export interface ChangeSide {
  printed: string;
  /** the slides it is printed on; none for what no slide shows (a program's number, the contact list) */
  slides: number[];
}

/**
 * One change since the previous edition, as the packs, the program documents and the workbook
 * list it: a program added, ended, renamed or renumbered, or a figure, sentence or contact.
 */
export interface ChangeEntry {
  /** "chg-007": the same entry has the same id in every pack of a run, so marks can link to it */
  id: string;
  /** the section of the diff it comes from, as a reader names it: 施策, 予算額, 上限額・措置額 … */
  section: string;
  /** 新設, 掲載終了, 名称変更, 番号変更, 拡充, 縮小, 増額, 減額, 新規, 追加, 削除, 変更 */
  label: string;
  /** the program's number and name in this edition (last year's for a program no longer listed) */
  programNo: string;
  programName: string;
  /** false for a program no longer listed: its number is last year's */
  current: boolean;
  subject: string;
  before: ChangeSide | null;
  after: ChangeSide | null;
  /** where the new figure or sentence stands in this edition's source, each place a mark; none for contacts */
  places: Provenance[];
}

/**
 * Sections whose figures grow or shrink a measure: a higher cap or rate is 拡充, as the ministry's
 * slides say. Not shares: a larger share of a 地方負担 is no 拡充.
 */
const MEASURES = new Set(['caps', 'rates']);

function label(key: string, c: FigureChange): string {
  if (key === 'sentences' || key === 'contacts') return c.kind === 'added' ? '追加' : c.kind === 'removed' ? '削除' : '変更';
  // a new year of a series is the latest value, not a new measure
  if (c.kind === 'added') return key === 'series' ? '追加' : '新規';
  if (c.kind === 'removed') return '削除';
  const from = c.before?.value ?? null;
  const to = c.after?.value ?? null;
  if (from !== null && to !== null && from !== to && !c.subject.endsWith(BEFORE_RAISE)) {
    if (MEASURES.has(key)) return to > from ? '拡充' : '縮小';
    if (key === 'budgets') return to > from ? '増額' : '減額';
  }
  return '変更';
}

/** A figure's line begins with the slide's bullet (●令和7年度で…): the subject reads without it, as the parser reads markers. */
const subjectOf = (subject: string) => subject.slice(listMarker(subject)?.end ?? 0);

type Entry = Omit<ChangeEntry, 'id'>;

/**
 * The same change printed on several slides (a count on the JET overview and on its detail slide,
 * a cap and the same cap of its 拡充 slide) is one entry with every slide and every place.
 */
function merged(entries: readonly Entry[]): Entry[] {
  const out: Entry[] = [];
  const byKey = new Map<string, Entry>();
  for (const e of entries) {
    const key = e.section === 'スライドの記載' || e.section === '担当・連絡先' ? null : JSON.stringify([e.programNo, e.section, e.label, e.before?.printed ?? null, e.after?.printed ?? null]);
    const first = key === null ? undefined : byKey.get(key);
    if (!first) {
      out.push(e);
      if (key !== null) byKey.set(key, e);
      continue;
    }
    const join = (a: ChangeSide | null, b: ChangeSide | null) => a && { ...a, slides: [...new Set([...a.slides, ...(b?.slides ?? [])])].sort((x, y) => x - y) };
    Object.assign(first, { before: join(first.before, e.before), after: join(first.after, e.after), places: [...first.places, ...e.places] });
  }
  return out;
}

/**
 * Every change of a diff a reader needs, in reading order: the programs added, no longer listed,
 * renamed and renumbered first, then each program of this edition with its changes by section
 * (figures, sentences, contacts), the same change on several slides once. Left out: years that
 * moved with the edition (the same point in time) and how many places a program names (a count
 * the pipeline makes, not a figure of the slides). Ids are given in that order. Pure.
 */
export function changeEntries(diff: EditionDiff, briefing: Briefing): ChangeEntry[] {
  const p = diff.programs;
  const firstSlide = (no: string) => briefing.programs.find((x) => x.no === no)?.slides.slice(0, 1) ?? [];
  const side = (printed: string, slides: number[]): ChangeSide => ({ printed, slides });
  // the program itself is the subject; its number (or its name, when that changed) before and after
  const program = (label: string, x: { no: string; name: string }, current: boolean, before: ChangeSide | null, after: ChangeSide | null): Entry => ({ section: '施策', label, programNo: x.no, programName: x.name, current, subject: x.name, before, after, places: [] });
  const programs: Entry[] = [
    ...p.added.map((x) => program('新設', x, true, null, side(`${x.no}（新設）`, firstSlide(x.no)))),
    // a program no longer listed keeps last year's number: another program may carry it now
    ...p.removed.map((x) => program('掲載終了', x, false, side(x.no, []), side('掲載なし', []))),
    ...p.renamed.map((x) => program('名称変更', x.after, true, side(x.before.name, []), side(x.after.name, firstSlide(x.after.no)))),
    ...p.renumbered.map((x) => program('番号変更', x.after, true, side(x.before.no, []), side(x.after.no, firstSlide(x.after.no)))),
  ];
  const yearGap = diff.to.fiscalYear - diff.from.fiscalYear;
  // a year of the past edition or before it, moved by the editions' gap: the same point in time named
  // from the new year (R6 → R7, 令和４年度までに → 令和5年度までに); a target or a deadline that moves is a change
  const movedWithEdition = (c: FigureChange) =>
    c.kind === 'changed' && c.before?.value != null && c.after?.value != null && c.after.value - c.before.value === yearGap * 10000 && Math.floor(c.before.value / 10000) <= diff.from.fiscalYear;
  const order = new Map(briefing.programs.map((x) => [x.no, x.order]));
  // of a new program, what it is given (budgets, caps, rates): the rest of it is new by its 新設
  const isNew = new Set(p.added.map((x) => x.no));
  const figures = DIFF_SECTIONS.filter(({ key }) => key !== 'places').flatMap(({ key, title }, sectionIndex) =>
    diff[key]
      // a year that moved with the edition (R6 → R7, 令和４年度までに → 令和5年度までに) names the same point in time
      .filter((c) => !(key === 'dates' && movedWithEdition(c)))
      .filter((c) => !isNew.has(c.programNo) || key === 'budgets' || key === 'caps' || key === 'rates')
      .map((c) => {
        // a contact stands in the contact list, not on a slide of the program: no slide, no mark
        const slides = (v: FigureChange['before']) => (key === 'contacts' || v?.slide == null ? [] : [v.slide]);
        const entry: Entry = {
          section: title,
          label: label(key, c),
          programNo: c.programNo,
          programName: c.program,
          current: true,
          subject: subjectOf(c.subject),
          before: c.before && side(c.before.printed, slides(c.before)),
          after: c.after && side(c.after.printed, slides(c.after)),
          places: key === 'contacts' || !c.after?.at ? [] : [c.after.at],
        };
        return { sectionIndex, entry };
      }),
  );
  // by program in this edition's order, then by section (a stable sort keeps the diff's order within)
  const sorted = figures.sort((a, b) => (order.get(a.entry.programNo) ?? Infinity) - (order.get(b.entry.programNo) ?? Infinity) || a.sectionIndex - b.sectionIndex).map((f) => f.entry);
  return [...programs, ...merged(sorted)].map((e, i) => ({ id: `chg-${String(i + 1).padStart(3, '0')}`, ...e }));
}

/** What a reader's output is given of the changes since the previous edition: both years and the entries. */
export interface ReaderChanges {
  /** 令和6年度: the edition compared with */
  fromYear: string;
  /** 令和7年度 */
  toYear: string;
  entries: ChangeEntry[];
}

/** The changes as the packs, the program documents, the workbook and the cover letters list them. Pure. */
export function readerChanges(diff: EditionDiff, briefing: Briefing): ReaderChanges {
  return { fromYear: formatEraYear(diff.from.fiscalYear), toYear: formatEraYear(diff.to.fiscalYear), entries: changeEntries(diff, briefing) };
}

/**
 * Whether a change names a prefecture: its text names the prefecture (read as the slides' place
 * names are: 東京都府中市 names 東京都, not 京都府) or one of the prefecture's municipalities that no
 * other prefecture has a namesake of, or its figure stands on a line that names it (a row of a
 * table by prefecture).
 */
export function concernsPrefecture(entry: ChangeEntry, briefing: Briefing, prefecture: string): boolean {
  const places = briefing.places.filter((p) => p.prefecture === prefecture);
  // a figure (not a sentence: its place is its whole block) on a line that names the prefecture
  if (entry.section !== 'スライドの記載' && entry.places.some((at) => at.line === at.endLine && places.some((p) => p.at.line === at.line))) return true;
  const texts = [entry.subject, entry.before?.printed ?? '', entry.after?.printed ?? ''];
  if (texts.some((t) => [...t.matchAll(PREFECTURES_IN_TEXT)].some((m) => m[0] === prefecture))) return true;
  // a municipality's name alone where another prefecture has one of that name (府中市) is no mention of this one
  const elsewhere = new Set(briefing.places.filter((p) => p.prefecture !== prefecture && p.municipality).map((p) => p.municipality!));
  const municipalities = [...new Set(places.flatMap((p) => (p.municipality && !elsewhere.has(p.municipality) ? [p.municipality] : [])))];
  return texts.some((t) => municipalities.some((n) => t.includes(n)));
}

/** Prefecture names in a text, leftmost first, so that one name never reads inside another. */
const PREFECTURES_IN_TEXT = new RegExp(PREFECTURE_PATTERN, 'gu');

/** A mark beside a changed figure or sentence in this edition's text, linking to its entry. */
export interface ChangeMark {
  label: string;
  /** the entry's id */
  id: string;
  /** the text to set the mark after (the figure as printed); at the end of the text when not found */
  find: string[];
}

/**
 * The marks of a text of this edition: one for every place of a change that starts inside the
 * span. Removed figures have no place in this edition and no mark.
 */
export function marksWithin(entries: readonly ChangeEntry[], span: Provenance | null): ChangeMark[] {
  if (!span) return [];
  return entries.flatMap((e) => (e.after ? e.places.filter((at) => holds(span, at)).map(() => ({ label: e.label, id: e.id, find: findCandidates(e) })) : []));
}

/**
 * Where a mark goes: after the figure as printed, else its last word (a budget is printed with its
 * label), else its number. After a sentence as printed, else without the label or note marker it
 * is listed with — never after a number, which may stand in another sentence of the text.
 */
function findCandidates(e: ChangeEntry): string[] {
  const printed = e.after!.printed;
  if (e.section === 'スライドの記載') return [...new Set([printed, printed.replace(/^[^：]{1,30}：/u, ''), printed.replace(/^(?:※\d*|（注\d*）)\s*/u, '')])];
  const last = printed.split(/\s+/).at(-1) ?? printed;
  const number = /[\d０-９][\d０-９,，.．]*/u.exec(printed)?.[0];
  return [...new Set([printed, last, ...(number ? [number] : [])])];
}
