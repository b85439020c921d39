import { fig, type GenericRule } from './rule.ts';

/** Shares of one funding picture add up to 1 (½ 国費 + ¼ 特別交付税 + ¼ 実質的な地方負担). */
export const shareSum: GenericRule = {
  id: 'share-sum',
  description: 'funding shares that belong together sum to 1',
  run(ctx) {
    for (const g of ctx.briefing.shareGroups) {
      const total = g.shares.reduce((s, x) => s + x.value, 0);
      ctx.outcome({
        id: `share-sum:${g.id}`,
        statement: `the shares ${g.shares.map((s) => `${s.printed} ${s.label}`).join(' + ')} add up to 1`,
        pass: Math.abs(total - 1) < 1e-9,
        detail: `${g.shares.map((s) => s.printed).join(' + ')} = ${Number(total.toFixed(6))}`,
        expected: '1',
        actual: String(Number(total.toFixed(6))),
        figures: g.shares.map((s) => fig('share', s.label, s.value, s.printed, g.program, s.at)),
      });
    }
  },
};
