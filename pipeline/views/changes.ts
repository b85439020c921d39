import type { EditionDiff } from '../../schemas/diff.ts';

type Section = Exclude<keyof EditionDiff, 'schemaVersion' | 'from' | 'to' | 'programs'>;

/** The sections of a diff as a reader names them, in the order they are shown. */
export const DIFF_SECTIONS: readonly { key: Section; title: string }[] = [
  { key: 'budgets', title: '予算額' },
  { key: 'caps', title: '上限額・措置額' },
  { key: 'rates', title: '措置率・充当率・補助率' },
  { key: 'shares', title: '負担割合' },
  { key: 'series', title: '時系列' },
  { key: 'breakdowns', title: '内訳' },
  { key: 'quantities', title: '本文の数値' },
  { key: 'tables', title: '表' },
  { key: 'sheets', title: '調査結果の表' },
  { key: 'dates', title: '日付・年度' },
  { key: 'places', title: '記載された地方公共団体の数' },
  { key: 'contacts', title: '担当・連絡先' },
];
