import type { RootContent } from 'mdast';
import { slideRanges } from '../views/slide-ranges.ts';
import { formatEraYear } from '../units/era.ts';
import { budgetSummaries } from './budget-section.ts';
import { countWithUnit, lineRange } from '../views/formats.ts';
import { list, paragraph } from './mdast.ts';
import type { ProgramFigures } from './program-figures.ts';

/**
 * A factual overview: the titles of the program's slides, then one line per kind of figure they
 * state. The briefing keeps no running text, so nothing here is paraphrased or invented.
 */
export function overviewSection(f: ProgramFigures): RootContent[] {
  const slides = f.slides.map((s) => `スライド${s.index}: ${s.title}（${lineRange(s.startLine, s.endLine)}）`);
  const statements = [
    ...(f.budgets.length > 0 ? [`予算: ${budgetSummaries(f.budgets)}`] : []),
    ...(f.measures.length > 0 ? [`財政措置: ${measureKinds(f)}`] : []),
    ...f.series.map((s) => {
      const first = s.points[0]!;
      const last = s.points[s.points.length - 1]!;
      return `推移: ${s.label} ${formatEraYear(first.fiscalYear)} ${countWithUnit(first.value, s.unit)} → ${formatEraYear(last.fiscalYear)} ${countWithUnit(last.value, s.unit)}`;
    }),
    ...f.breakdowns.map((b) => `内訳: ${b.label} ${b.items.length}区分${b.total ? `（${b.total.label} ${countWithUnit(b.total.value, b.unit)}）` : ''}`),
  ];
  return [
    paragraph(`この施策の資料はスライド${slideRanges(f.program.slides)}（${f.slides.length}枚）です。`),
    list(slides),
    ...(statements.length > 0 ? [paragraph('スライドに記載の数値:'), list(statements)] : []),
  ];
}

/** 特別交付税措置 9件、普通交付税措置 1件: the measures counted by kind, in order of first appearance. */
function measureKinds(f: ProgramFigures): string {
  const counts = new Map<string, number>();
  for (const m of f.measures) counts.set(m.kind ?? '種別不明', (counts.get(m.kind ?? '種別不明') ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${kind} ${n}件`).join('、');
}
