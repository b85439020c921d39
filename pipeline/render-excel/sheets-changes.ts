import type { Briefing } from '../../schemas/briefing.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import { changeEntries, type ChangeEntry } from '../diff/entries.ts';
import type { Table, TableCell } from './table.ts';

export const CHANGES_SHEET = '変更点';

const COLUMNS = ['No.', '施策名', '区分', '変更', '項目', '前年度', '前年度スライド', '今年度', '今年度スライド'] as const;

/** The slide as a number (filterable), several as text: 53・54. */
const slideCell = (side: ChangeEntry['before']): TableCell => (!side || side.slides.length === 0 ? null : side.slides.length === 1 ? side.slides[0]! : side.slides.join('・'));

/**
 * What changed since the previous edition — the entries the packs list under 前年度からの主な変更点,
 * one row each — filterable by program (施策名), section (区分) and change (変更: 新設, 拡充, 新規 …),
 * with the value of each year and the slide each stands on (never a line number: this sheet is for
 * prefectures).
 */
export function changesTable(diff: EditionDiff, briefing: Briefing): Table {
  const rows: TableCell[][] = changeEntries(diff, briefing).map((e) => [
    // a program that ended is marked with last year's number: another program may carry it now
    e.current ? e.programNo : `前年度 ${e.programNo}`,
    e.programName,
    e.section,
    e.label,
    e.subject,
    e.before?.printed ?? null,
    slideCell(e.before),
    e.after?.printed ?? null,
    slideCell(e.after),
  ]);
  return {
    name: CHANGES_SHEET,
    landscape: true,
    freezeColumns: 2,
    columns: COLUMNS.map((header) => ({ header, text: header === 'No.', maxWidth: header === '項目' ? 40 : header === '施策名' ? 24 : header === '前年度' || header === '今年度' ? 36 : 20, center: header.endsWith('スライド') })),
    rows,
  };
}
