import type { Place, Quantity } from '../../schemas/figures.ts';
import { fig, ITEM_START, type GenericRule, type RuleOutcome } from './rule.ts';

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
    const out: RuleOutcome[] = [];
    const b = ctx.briefing;
    // the places of the list that follows the count: from the first place after it, over its wrapped
    // (and blank) lines, to a line that names none or starts an item of its own (●, ・, ※ …)
    const after = (q: Quantity, kind?: Place['kind']) => {
      const own = b.places.filter((p) => p.program === q.program && p.slide === q.slide && (kind === undefined || p.kind === kind) && (p.at.line > q.at.line || (p.at.line === q.at.line && p.at.column > q.at.endColumn)));
      const first = own.reduce<Place | null>((a, p) => (a === null || p.at.line < a.at.line ? p : a), null);
      if (!first) return [];
      let last = first.at.line;
      for (let line = first.at.line + 1; line <= (b.slides[q.slide - 1]?.endLine ?? line); line++) {
        const text = ctx.lineText(line);
        if (text.trim() === '') continue;
        if (ITEM_START.test(text) || /^[\s\u3000]*【/.test(text) || !own.some((p) => p.at.line === line)) break;
        last = line;
      }
      return own.filter((p) => p.at.line >= first.at.line && p.at.line <= last);
    };
    for (const q of b.quantities) {
      const sameLine = b.quantities.filter((o) => o.at.line === q.at.line);
      // 1都1道2府27県: a run of two or more prefecture-kind counts
      if ((PREFECTURE_SUFFIXES as readonly string[]).includes(q.unit) && sameLine.filter((o) => (PREFECTURE_SUFFIXES as readonly string[]).includes(o.unit)).length >= 2) {
        const named = new Set(after(q).map((p) => p.prefecture).filter((name) => name.endsWith(q.unit)));
        if (named.size > 0) out.push(report(q, named.size, `列挙された${q.unit}の数`, `${q.unit}で終わる都道府県名`));
        continue;
      }
      // 98組合（36道府県101市町村） above a 【県名】 list
      const list = b.places.filter((p) => p.program === q.program && p.slide === q.slide && p.kind === 'list' && p.at.line > q.at.line);
      if (list.length === 0 || !sameLine.some((o) => /^(?:都)?道府県$/.test(o.unit)) || !sameLine.some((o) => /^市(?:区)?町村$/.test(o.unit))) continue;
      if (/^(?:都)?道府県$/.test(q.unit)) out.push(report(q, new Set(list.map((p) => p.prefecture)).size, '一覧の【県名】見出しの数', '見出しの道府県'));
      else if (/^市(?:区)?町村$/.test(q.unit)) out.push(report(q, list.filter((p) => p.municipality).length, '一覧の市町村数', '市町村'));
      else if (sameLine.indexOf(q) === 0) out.push(report(q, new Set(list.filter((p) => p.municipality && p.group !== null).map((p) => p.group)).size, '一覧の項目数', '項目'));
    }
    return out;
  },
};

function report(q: Quantity, counted: number, what: string, unit: string): RuleOutcome {
  return {
    id: `listed-count:${q.id}`,
    statement: `${q.printed}は${what}と一致`,
    pass: counted === q.value,
    detail: `stated ${q.printed}; counted ${counted} (${unit})`,
    expected: String(counted),
    actual: q.printed,
    figures: [fig('stated', what, q.value, q.printed, q.program, q.at)],
    at: q.at,
  };
}

