import type { Place, Quantity } from '../../schemas/figures.ts';
import { fig, type GenericRule, type RuleContext } from './rule.ts';

const PREFECTURE_SUFFIXES = ['都', '道', '府', '県'] as const;

/**
 * A stated count equals the places listed after it on its slide:
 * - 「１都１道２府27県で計41法人」: each of 都/道/府/県 counts the prefectures of that kind named after it;
 * - 「98組合（36道府県101市町村）」 above a list under 【県名】 headings: the items, the prefectures
 *   (their headings) and the municipalities of the list.
 */
export const listedCount: GenericRule = {
  id: 'listed-count',
  description: 'a stated count equals the places listed after it',
  run(ctx) {
    const b = ctx.briefing;
    const after = (q: Quantity, kind?: Place['kind']) => b.places.filter((p) => p.program === q.program && p.slide === q.slide && p.at.line >= q.at.line && (kind === undefined || p.kind === kind));
    for (const q of b.quantities) {
      const sameLine = b.quantities.filter((o) => o.at.line === q.at.line);
      // 1都1道2府27県: a run of two or more prefecture-kind counts
      if ((PREFECTURE_SUFFIXES as readonly string[]).includes(q.unit) && sameLine.filter((o) => (PREFECTURE_SUFFIXES as readonly string[]).includes(o.unit)).length >= 2) {
        const named = new Set(after(q).filter((p) => p.at.line > q.at.line || p.at.column > q.at.endColumn).map((p) => p.prefecture).filter((name) => name.endsWith(q.unit)));
        if (named.size > 0) report(ctx, q, named.size, `列挙された${q.unit}の数`, `${q.unit}で終わる都道府県名`);
        continue;
      }
      // 98組合（36道府県101市町村） above a 【県名】 list
      const list = after(q, 'list').filter((p) => p.at.line > q.at.line);
      if (list.length === 0 || !sameLine.some((o) => /^(?:都)?道府県$/.test(o.unit)) || !sameLine.some((o) => /^市(?:区)?町村$/.test(o.unit))) continue;
      if (/^(?:都)?道府県$/.test(q.unit)) report(ctx, q, new Set(list.map((p) => p.prefecture)).size, '一覧の【県名】見出しの数', '見出しの道府県');
      else if (/^市(?:区)?町村$/.test(q.unit)) report(ctx, q, list.filter((p) => p.municipality).length, '一覧の市町村数', '市町村');
      else if (sameLine.indexOf(q) === 0) report(ctx, q, new Set(list.filter((p) => p.municipality && p.group !== null).map((p) => p.group)).size, '一覧の項目数', '項目');
    }
  },
};

function report(ctx: RuleContext, q: Quantity, counted: number, what: string, unit: string): void {
  ctx.outcome({
    id: `listed-count:${q.id}`,
    statement: `${q.printed}は${what}と一致`,
    pass: counted === q.value,
    detail: `stated ${q.printed}; counted ${counted} (${unit})`,
    expected: String(counted),
    actual: q.printed,
    figures: [fig('stated', what, q.value, q.printed, q.program, q.at)],
    at: q.at,
  });
}

