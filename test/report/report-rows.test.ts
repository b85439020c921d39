import { describe, expect, it } from 'vitest';
import { validateParsed } from '../../pipeline/commands/validate.ts';
import { reportView } from '../../pipeline/report/html-view.ts';
import { parseText, r6Manifest, R6_TEXT } from '../helpers/r6.ts';
import { replaceOnce } from '../helpers/validate.ts';

describe('the staff report pairs each check with its own finding', () => {
  it('tells apart two outcomes of one rule that say the same (神奈川県 in both asbestos tables)', async () => {
    // a slip in the 神奈川県 row of each table: the same statement, two figures, two findings
    const text = replaceOnce(replaceOnce(R6_TEXT, '神奈川県 17 － 17', '神奈川県 18 － 17'), '神奈川県 441 402 39', '神奈川県 442 402 39');
    const { briefing } = await parseText(text);
    const report = validateParsed(briefing, { text }, null);
    const rows = reportView({ report, briefing, manifest: await r6Manifest(), source: text, checks: null, fullListings: false }).rows.filter((r) => r.statement === '神奈川県の行で 合計 = うち都道府県 + うち市町村');
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.status)).toEqual(['fail', 'fail']);
    expect(rows.map((r) => r.actual).sort()).toEqual(['18', '442']);
  });
});
