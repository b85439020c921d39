import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import { DEPARTMENTS_SHEET, PEOPLE_SHEET, PROGRAMS_SHEET } from './sheets-contacts.ts';
import { BUDGET, FIGURES_SHEET, MEASURE, PLAN, REFERENCE } from './sheets-figures.ts';
import { FROM_SLIDE } from '../views/contacts-view.ts';
import { formatEraDate, formatEraYear } from '../units/era.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import { CHANGES_SHEET } from './sheets-changes.ts';
import type { Table } from './table.ts';

export const COVER_SHEET = '表紙・注記';

/** 令和6年度（FY2024）: the fiscal year as the manifest declares it. */
export function fiscalYearLabel(manifest: Manifest): string {
  const { name, year } = manifest.era;
  return `${name}${year === 1 ? '元' : year}年度（FY${manifest.fiscalYear}）`;
}

function sheet(name: string): string {
  return `「${name}」シート`;
}

/** What produced the workbook, and how to read each sheet (the 変更点 sheet when there is one). */
export function coverTable(briefing: Briefing, manifest: Manifest, changes: EditionDiff | null = null): Table {
  const about: [string, string][] = [
    ['資料名', manifest.title],
    ['発行', manifest.publisher],
    ['年度', fiscalYearLabel(manifest)],
    ['作成日', formatEraDate(manifest.generatedAt)],
    ['収録', `施策 ${briefing.programs.length}件・スライド ${briefing.slides.length}枚・予算 ${briefing.budgets.length}件・財政措置 ${briefing.measures.length}件`],
  ];
  const notes: [string, string][] = [
    [sheet(PROGRAMS_SHEET), `資料末尾の施策担当者一覧のとおり、1行に1施策。複数の課室が担当する施策は課室ごとに改行し、担当者と電話番号に（課室名）を付記。一覧に電話番号がない施策は、スライドに印字された番号を「${FROM_SLIDE}」として表示。スライド欄は資料のスライド番号（「1–5」はスライド1から5まで）。施策名をクリックすると、同じフォルダの programs にある施策別資料が開きます。`],
    [sheet(DEPARTMENTS_SHEET), '担当課室ごとに、電話番号・担当者・担当する施策。電話番号が施策によって異なる課室は、番号ごとに（No. 施策番号）を付記。'],
    [sheet(PEOPLE_SHEET), '担当者（氏名と課室の組）ごとに1行。複数の施策を担当する人も1行にまとめ、その施策をすべて表示。'],
    [sheet(FIGURES_SHEET), `区分「${BUDGET}」は各施策の予算額、「${PLAN}」は地方債の計画額、「${REFERENCE}」は資料が【参考】として示す他府省所管の事業の予算額、「${MEASURE}」は地方財政措置・補助の上限額・措置額と率。「金額（円）」は円単位の数値で並べ替え・合計ができ、「記載」は資料の表記（万円・百万円・億円など）。同じ予算額が別のスライドに丸めて再掲されている場合は1行にまとめ、備考に再掲を記載。印刷されるのは「No.」から「スライド」までの列で、「年度」と「金額（円）」は画面でのみ表示。`],
    ...(changes
      ? [[sheet(CHANGES_SHEET), `${formatEraYear(changes.from.fiscalYear)}の資料と比べて変わった箇所（資料の「前年度からの主な変更点」と同じもの）。1行に1件で、「区分」（予算額・上限額・スライドの記載・担当など）と「変更」（新設・拡充・新規・削除など）で絞り込めます。前年度と今年度の記載と、それぞれのスライド番号を表示。`] as [string, string]]
      : []),
    ['合計の注意', '「内数」の予算額はより大きな予算の一部で、同じ額が複数のスライドに載ることもあるため、他の額と合計しない。財政措置の上限額は「単位」（1人あたり等）ごとの上限で、予算額とは合計できない。年度・種別（当初・補正・計画）で絞り込んでから合計する。'],
  ];
  return {
    name: COVER_SHEET,
    landscape: false,
    filter: false,
    columns: [{ header: '項目', maxWidth: 24 }, { header: '内容', maxWidth: 80 }],
    rows: [...about, ...notes],
  };
}
