import type { Quantity } from '../../schemas/figures.ts';
import { fig, insideDate, type GenericRule } from './rule.ts';

/** The words that label a number: what stands right before it, back to a delimiter (at least three characters, no digits). */
const LABEL = /([^、。，,．.：:；;（）()「」『』【】・\s\u30000-9０-９～~⇒→＝=＋+％%]{3,16})[：:は約\s\u3000]*$/;
/** Labels that are a year or a time, not what is counted. */
const TIME_WORD = /(?:令和|平成|昭和|年度|年|月|日|時点|現在)$/;

/** The words right after a number and its unit, up to a delimiter: 「78か国から約７万７千人」 → から約. */
const FOLLOWING = /^([^、。，,．.：:；;（）()「」『』【】・\s\u30000-9０-９～~⇒→＝=＋+％%]{3,8})/;
/** An acronym the line names what it counts by (ALT, CIR): with one number of the unit on the line, that number is its count. */
const ACRONYM = /(?<![A-Za-z])[A-Z]{3,5}(?![A-Za-z])/g;

/** The keys a quantity is known by: the words before it, the words after it, or the acronym its line counts by. */
function keysOf(q: Quantity, sameUnitOnLine: number): string[] {
  const keys: string[] = [];
  const before = LABEL.exec(q.context.slice(0, q.contextOffset));
  if (before && !TIME_WORD.test(before[1]!)) keys.push(`before:${before[1]!.normalize('NFKC')}`);
  const after = FOLLOWING.exec(q.context.slice(q.contextOffset + q.printed.length));
  if (after && !TIME_WORD.test(after[1]!)) keys.push(`after:${after[1]!.normalize('NFKC')}`);
  const acronyms = [...new Set(q.context.normalize('NFKC').match(ACRONYM) ?? [])];
  if (acronyms.length === 1 && sameUnitOnLine === 1) keys.push(`acronym:${acronyms[0]}`);
  return keys;
}


/**
 * The same labelled figure printed on two slides of a program agrees: 「R6当初予算額 6.0億円の内数」 on
 * the slide of each scheme, the ALT count of two JET slides. Labelled means the same unit and the same words right before the number, or right
 * after it, or the one acronym its line counts by; each slide once. Where the values differ, the
 * one the others disagree with is blamed (of two, the later).
 */
export const repeatedFigure: GenericRule = {
  id: 'repeated-figure',
  description: 'the same labelled figure printed on two slides agrees',
  run(ctx) {
    const b = ctx.briefing;
    const groups = new Map<string, { q: Quantity; label: string }[]>();
    const counted = b.quantities.filter((q) => q.program !== null && !insideDate(b, q.at));
    for (const q of counted) {
      const sameUnit = counted.filter((o) => o.at.line === q.at.line && o.unit === q.unit).length;
      for (const key of keysOf(q, sameUnit)) {
        const k = `${q.program}\u0000${q.unit}\u0000${key}`;
        if (!groups.has(k)) groups.set(k, []);
        groups.get(k)!.push({ q, label: key.slice(key.indexOf(':') + 1) });
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
      ctx.outcome({
        id: `repeated-figure:${id}`,
        statement: `「${first.label}」の${first.q.unit}が${list.length}か所で同じ`,
        pass: counts.size === 1,
        detail: list.map((x) => `${x.q.printed} (line ${x.q.at.line})`).join(counts.size === 1 ? ' = ' : ' ≠ '),
        expected: counts.size === 1 ? undefined : first.q.printed,
        actual: odd?.q.printed,
        figures: list.map((x) => fig('value', x.label, x.q.value, x.q.printed, x.q.program, x.q.at)),
        at: odd?.q.at ?? first.q.at,
      });
    }
  },
};
