import { cited } from '../lib/cite.ts';
import type { Quantity } from '../../schemas/figures.ts';
import { fig, insideDate, type GenericRule, type RuleOutcome } from './rule.ts';

/** The words that label a number: what stands right before it, back to a delimiter (at least three characters, no digits). */
const LABEL = /([^、。，,．.：:；;（）()「」『』【】・\s\u30000-9０-９～~⇒→＝=＋+％%]{3,16})[：:は約\s\u3000]*$/;
/** Labels that are a year or a time, not what is counted. */
const TIME_WORD = /(?:令和|平成|昭和|年度|年|月|日|時点|現在)$/;

/** The words right after a number and its unit, up to a delimiter: 「78か国から約７万７千人」 → から約. */
const FOLLOWING = /^([^、。，,．.：:；;（）()「」『』【】・\s\u30000-9０-９～~⇒→＝=＋+％%]{3,8})/;

/** A line about an acronym: it starts with the acronym and its spelled-out form, 「ALT（外国語指導助手）…」. */
const ACRONYM_LINE = /^[\s\u3000•・●○◆■※]*([A-Z]{3,5})[\s\u3000]*[（(]/;

/**
 * The keys a quantity is known by: the words right before it together with those right after it
 * (「当初予算額」 … 「の内数」; a label alone may name different things: 受入れ自治体数 850団体（企業派遣型）
 * and 40団体（副業型）), or the acronym its line is about when the line has no other number of its unit.
 */
function keysOf(q: Quantity, sameUnitOnLine: number): string[] {
  const keys: string[] = [];
  const before = LABEL.exec(q.context.slice(0, q.contextOffset));
  const after = FOLLOWING.exec(q.context.slice(q.contextOffset + q.printed.length));
  if (before && after && !TIME_WORD.test(before[1]!)) keys.push(`label:${before[1]!.normalize('NFKC')}…${after[1]!.normalize('NFKC')}`);
  const acronym = ACRONYM_LINE.exec(q.context.normalize('NFKC'));
  if (acronym && sameUnitOnLine === 1) keys.push(`acronym:${acronym[1]}`);
  return keys;
}


/**
 * The same labelled figure printed on two slides of a program agrees: 「R6当初予算額 6.0億円の内数」 on
 * the slide of each scheme, the ALT count of two JET slides. Labelled means the same unit and the
 * same words right before and right after the number, or a line about the same acronym with no other
 * number of that unit; each slide once. Where the values differ, the one the others disagree with
 * is blamed (of two, the later).
 */
export const repeatedFigure: GenericRule = {
  id: 'repeated-figure',
  description: 'the same labelled figure printed on two slides agrees',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const b = ctx.briefing;
    const groups = new Map<string, { q: Quantity; label: string }[]>();
    const counted = b.quantities.filter((q) => q.program !== null && !insideDate(b, q.at));
    for (const q of counted) {
      const sameUnit = counted.filter((o) => o.at.line === q.at.line && o.unit === q.unit).length;
      for (const key of keysOf(q, sameUnit)) {
        const k = `${q.program}\u0000${q.unit}\u0000${key}`;
        if (!groups.has(k)) groups.set(k, []);
        groups.get(k)!.push({ q, label: key.slice(key.indexOf(':') + 1).split('…')[0]! });
      }
    }
    const reported = new Set<string>();
    for (const list of groups.values()) {
      // on two slides or more, each slide once (a key repeated on one slide labels different things)
      const slides = list.map((x) => x.q.slide);
      if (new Set(slides).size < 2 || new Set(slides).size !== slides.length) continue;
      const id = list.map((x) => x.q.id).join('+');
      if (reported.has(id)) continue;
      reported.add(id);
      const counts = new Map<number, number>();
      for (const { q } of list) counts.set(q.value, (counts.get(q.value) ?? 0) + 1);
      const [common] = [...counts.entries()].sort((x, y) => y[1] - x[1] || 0);
      const odd = list.find((x) => x.q.value !== (counts.size > 1 && common![1] === 1 ? list[0]!.q.value : common![0]));
      const first = list[0]!;
      out.push({
        id: `repeated-figure:${id}`,
        statement: `「${first.label}」の${first.q.unit}が${list.length}か所で同じ`,
        pass: counts.size === 1,
        detail: list.map((x) => `${x.q.printed} (${cited(x.q.at)})`).join(counts.size === 1 ? ' = ' : ' ≠ '),
        expected: counts.size === 1 ? undefined : first.q.printed,
        actual: odd?.q.printed,
        figures: list.map((x) => fig('value', x.label, x.q.value, x.q.printed, x.q.program, x.q.at)),
        at: odd?.q.at ?? first.q.at,
      });
    }
    return out;
  },
};
