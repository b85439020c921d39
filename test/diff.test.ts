import { describe, expect, it } from 'vitest';
import { diffEditions } from '../pipeline/diff/index.ts';
import { formatDiffMarkdown } from '../pipeline/diff/markdown.ts';
import { R6_TEXT, parseR6, parseText, r6Manifest } from './helpers/r6.ts';
import { syntheticR7 } from './helpers/r7.ts';

async function r7() {
  const manifest = { ...(await r6Manifest()), edition: 'r7', fiscalYear: 2025, era: { name: '令和' as const, year: 7 } };
  return (await parseText(await syntheticR7(), 'sources/r7/briefing.txt', manifest)).briefing;
}

const figureChanges = (d: ReturnType<typeof diffEditions>) =>
  [d.budgets, d.caps, d.rates, d.shares, d.series, d.breakdowns, d.quantities, d.tables, d.sheets, d.dates, d.places].reduce((n, x) => n + x.length, 0);

describe('diff of two editions', () => {
  it('reports the synthetic R7 changes exactly, by meaning', async () => {
    const { briefing: before } = await parseR6();
    const after = await r7();
    const d = diffEditions(before, after);
    const names = (xs: { no: string; name: string }[]) => xs.map((x) => `${x.no} ${x.name}`);
    expect(names(d.programs.added)).toEqual(['22 地域活性化テスト事業']);
    expect(names(d.programs.removed)).toEqual(['21-⑨ 医療コンテナの活用']);
    expect(d.programs.renamed).toEqual([]);
    expect(d.programs.renumbered.map((r) => `${r.before.no}→${r.after.no} ${r.after.name}`)).toEqual([
      '21-⑩→21-⑨ 成果連動型民間委託契約方式（PFS）について',
      '21-⑪→21-⑩ 労働者協同組合制度',
    ]);
    const show = (c: (typeof d.budgets)[number]) => [c.program, c.subject, c.kind, c.before?.printed ?? null, c.after?.printed ?? null];
    expect(d.budgets.map(show)).toEqual([
      ['地域おこし協力隊', '当初予算額', 'changed', 'R6当初予算額 248百万円', 'R7当初予算額 275百万円'],
      // a new program's own figures are listed
      ['地域活性化テスト事業', '当初予算額', 'added', null, 'R7当初予算額 12百万円'],
    ]);
    expect(d.caps.map(show)).toEqual([
      ['地域おこし協力隊', '地域おこし協力隊員の活動に要する経費／人', 'changed', '520万円', '540万円'],
      ['地域おこし協力隊', '地域おこし協力隊員の活動に要する経費 報償費等', 'changed', '320万円', '340万円'],
    ]);
    expect(d.series.map(show)).toEqual([
      ['地域おこし協力隊', '隊員数 令和6年度', 'added', null, '7,910人'],
      ['地域おこし協力隊', '自治体数 令和6年度', 'added', null, '1,200団体'],
    ]);
    expect(d.contacts.map(show)).toEqual([['過疎対策について', '電話番号（過疎対策室）', 'changed', '03-5253-5536', '03-5253-5537']]);
    // the JET slides moved to the front: the same sentences, on other slides, are no change
    expect(d.sentences).toEqual([]);
  });

  it('shows both source locations of every changed figure', async () => {
    const { briefing: before } = await parseR6();
    const d = diffEditions(before, await r7());
    const cap = d.caps[0]!;
    expect(cap.before!.at!.line).toBe(12);
    expect(cap.after!.at!.line).toBeGreaterThan(12); // the JET slides now come first
    const md = formatDiffMarkdown(d);
    expect(md.split('\n').slice(0, 3)).toEqual(['## r6 → r7', '', `**1 program(s) added, 1 removed, 0 renamed, 2 renumbered, ${figureChanges(d)} figure change(s), ${d.sentences.length} sentence change(s), 1 contact change(s)**`]);
    expect(md).toContain('- 番号変更: 21-⑩ → 21-⑨ 成果連動型民間委託契約方式（PFS）について');
    expect(md).toContain(`| 地域おこし協力隊 | 地域おこし協力隊員の活動に要する経費／人 | 520万円 (L12) | 540万円 (L${cap.after!.at!.line}) |`);
  });

  it('is empty between an edition and itself', async () => {
    const { briefing } = await parseR6();
    const d = diffEditions(briefing, briefing);
    expect([d.programs.added, d.programs.removed, d.programs.renumbered, d.contacts, d.sentences].every((x) => x.length === 0)).toBe(true);
    expect(figureChanges(d)).toBe(0);
  });

  it('keys figures by their words without numbers: a neighbour that gains a digit moves nothing else', async () => {
    const { briefing: before } = await parseR6();
    const manifest = await r6Manifest();
    const side = (briefing: typeof before, text: string) => ({ briefing, lineText: (n: number) => text.split('\n')[n - 1] ?? '' });
    // 地方自治体表彰３事例 → 10事例: only that figure changes, not its neighbours 15事例, 4事例, 27事例
    const digit = R6_TEXT.replace('地方自治体表彰３事例', '地方自治体表彰10事例');
    const after = (await parseText(digit, 'sources/r7/briefing.txt', manifest)).briefing;
    const d = diffEditions(side(before, R6_TEXT), side(after, digit));
    expect(d.quantities.map((c) => [c.kind, c.before?.printed ?? null, c.after?.printed ?? null])).toEqual([['changed', '3事例', '10事例']]);
  });
});
