import type { Briefing } from '../../schemas/briefing.ts';
import type { EditionDiff, FigureChange } from '../../schemas/diff.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { DIFF_SECTIONS } from '../diff/kinds.ts';
import type { Table, TableCell } from './table.ts';

export const CHANGES_SHEET = '変更点';

const KIND_LABELS: Record<FigureChange['kind'], string> = { changed: '変更', added: '追加', removed: '削除' };
const COLUMNS = ['No.', '施策名', '区分', '変更', '項目', '前年度', '今年度', 'スライド'] as const;

/**
 * What changed since the previous edition, one row per change, filterable by program (施策名) and
 * kind (区分, 変更): programs added, removed, renamed and renumbered first, then every figure and
 * contact that changed, with the value of each year and the slide of this year's (never a line
 * number: this sheet is for prefectures).
 */
export function changesTable(diff: EditionDiff, briefing: Briefing): Table {
  const slideOf = (at: Provenance | null) => (at ? (briefing.slides.find((s) => s.startLine <= at.line && at.line <= s.endLine)?.index ?? null) : null);
  // a program's own first slide (its `at` is its row of the contact list)
  const firstSlide = (no: string) => briefing.programs.find((x) => x.no === no)?.slides[0] ?? null;
  const p = diff.programs;
  const programRows: TableCell[][] = [
    ...p.added.map((x) => [x.no, x.name, '施策', '追加', '施策の新設', null, x.name, firstSlide(x.no)]),
    // a removed program's number is last year's: another program may carry it now
    ...p.removed.map((x) => [`前年度 ${x.no}`, x.name, '施策', '削除', '施策の終了（前年度の資料にあり）', x.name, null, null]),
    ...p.renamed.map((x) => [x.after.no, x.after.name, '施策', '名称変更', '施策名', x.before.name, x.after.name, firstSlide(x.after.no)]),
    ...p.renumbered.map((x) => [x.after.no, x.after.name, '施策', '番号変更', '施策担当者一覧の番号', x.before.no, x.after.no, null]),
  ];
  const figureRows: TableCell[][] = DIFF_SECTIONS.flatMap(({ key, title }) =>
    diff[key].map((c) => [c.programNo, c.program, title, KIND_LABELS[c.kind], c.subject, c.before?.printed ?? null, c.after?.printed ?? null, key === 'contacts' ? null : slideOf(c.after?.at ?? null)]),
  );
  return {
    name: CHANGES_SHEET,
    landscape: true,
    freezeColumns: 2,
    columns: COLUMNS.map((header) => ({ header, text: header === 'No.', maxWidth: header === '項目' ? 40 : header === '施策名' ? 24 : 20, center: header === 'スライド' })),
    rows: [...programRows, ...figureRows],
  };
}
