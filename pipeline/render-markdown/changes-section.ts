import type { RootContent } from 'mdast';
import type { ChangeSide, ReaderChanges } from '../diff/entries.ts';
import { paragraph, table } from './mdast.ts';

/** The one line a document without a previous edition carries. */
export const NO_PREVIOUS_LINE = '本版は前年度の資料との比較を行っていないため、変更点は掲載していません。';

const side = (s: ChangeSide | null) => (s ? `${s.printed}${s.slides.length === 0 ? '' : `（スライド${s.slides.join('・')}）`}` : '—');

/**
 * 前年度からの主な変更点 of one program: each of its changes with both years' text and slides —
 * the same entries the packs and the workbook list. One line when no previous edition is known,
 * or when nothing of the program changed.
 */
export function changesNodes(changes: ReaderChanges | null, programNo: string): RootContent[] {
  if (!changes) return [paragraph(NO_PREVIOUS_LINE)];
  const own = changes.entries.filter((e) => e.current && e.programNo === programNo);
  if (own.length === 0) return [paragraph(`${changes.fromYear}の資料と比べて、この施策の記載に変更はありません。`)];
  return [
    paragraph(`${changes.fromYear}の資料と比べて変わった箇所です（${own.length}件）。`),
    table(
      [{ header: '区分' }, { header: '項目' }, { header: `前年度（${changes.fromYear}）` }, { header: `本年度（${changes.toYear}）` }],
      own.map((e) => [`${e.label}（${e.section}）`, e.subject, side(e.before), side(e.after)]),
    ),
  ];
}
