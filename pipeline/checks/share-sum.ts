import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/**
 * Shares of one funding picture add up to 1 (½ 国費 + ¼ 特別交付税 + ¼ 実質的な地方負担), and a
 * share outside every group must be a sub-total of a group on its slide (½ 市町村助成 =
 * 1/4 国費 + 1/8 特別交付税 + 1/8 実質的な地方負担); otherwise a share was misprinted.
 */
export const shareSum: GenericRule = {
  id: 'share-sum',
  description: 'funding shares that belong together sum to 1',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const { shareGroups, shares } = ctx.briefing;
    for (const g of shareGroups) {
      const total = g.shares.reduce((s, x) => s + x.value, 0);
      out.push({
        id: `share-sum:${g.id}`,
        statement: `負担割合 ${g.shares.map((s) => `${s.printed} ${s.label}`).join(' + ')} の合計が1`,
        pass: Math.abs(total - 1) < 1e-9,
        detail: `${g.shares.map((s) => s.printed).join(' + ')} = ${Number(total.toFixed(6))}`,
        expected: '1',
        actual: String(Number(total.toFixed(6))),
        figures: g.shares.map((s) => fig('share', s.label, s.value, s.printed, g.program, s.at)),
      });
    }
    const grouped = new Set(shareGroups.flatMap((g) => g.shares.map((s) => `${s.at.line}:${s.at.column}`)));
    for (const s of shares) {
      if (grouped.has(`${s.at.line}:${s.at.column}`)) continue;
      const groups = shareGroups.filter((g) => g.slide === s.slide);
      const subtotal = groups.find((g) => subsetSums(g.shares.map((x) => x.value)).some((v) => Math.abs(v - s.value) < 1e-9));
      // Without a picture to belong to, the misprint may be this share or one of the nearest group.
      const nearest = [...groups].sort((a, b) => Math.abs(a.at.line - s.at.line) - Math.abs(b.at.line - s.at.line))[0];
      const context = subtotal ?? nearest;
      out.push({
        id: `share-sum:${s.id}`,
        statement: `${s.printed} ${s.label} が同じスライドの負担割合の小計と一致`,
        pass: subtotal !== undefined,
        detail: subtotal ? `${s.printed} = a part of ${subtotal.shares.map((x) => `${x.printed} ${x.label}`).join(' + ')}` : `${s.printed} ${s.label} completes no picture and is no sub-total of one`,
        expected: 'a sub-total of a group adding to 1',
        actual: s.printed,
        figures: [fig('share', s.label, s.value, s.printed, s.program, s.at), ...(context?.shares ?? []).map((x) => fig('part', x.label, x.value, x.printed, context!.program, x.at))],
      });
    }
    return out;
  },
};

function subsetSums(values: number[]): number[] {
  const sums: number[] = [];
  for (let mask = 1; mask < 1 << values.length; mask++) {
    let s = 0;
    values.forEach((v, i) => {
      if (mask & (1 << i)) s += v;
    });
    sums.push(s);
  }
  return sums;
}
