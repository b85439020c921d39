import { describe, expect, it } from 'vitest';
import { R6_TEXT, parseR6, parseText, slideLines } from './helpers/r6.ts';

/**
 * Next year's briefing has the same kinds of content in another order, with other figures and
 * a program dropped. Derive such a variant from R6 and check that the parse follows it.
 */
async function variant(): Promise<string> {
  const { briefing } = await parseR6();
  const block = (index: number) => slideLines(briefing, R6_TEXT, index);
  const jet = [...block(53), ...block(54)];
  const container = block(64); // 21-⑨ 医療コンテナの活用, dropped
  const rest: string[] = [];
  briefing.slides.forEach((s) => {
    if (s.index === 53 || s.index === 54 || s.index === 64) return;
    rest.push(...block(s.index));
  });
  let text = [...jet, ...rest].join('\n');
  void container;
  text = text
    .replace('R６当初予算額：248百万円', 'R７当初予算額：275百万円')
    .replace('520万円／人を上限(報償費等：320万円、その他活動経費：200万円)', '540万円／人を上限(報償費等：340万円、その他活動経費：200万円)')
    .replace('5,503人 5,560人 6,015人 6,447人 7,200人', '5,503人 5,560人 6,015人 6,447人 7,910人')
    .replace(/\n21-⑨．医療コンテナの活用 地域政策課 伊藤、中村 03-5253-5523\n/, '\n')
    .replace('21-⑩．', '21-⑨．')
    .replace('21-⑪．', '21-⑩．');
  return text;
}

describe('a derived next edition', () => {
  it('follows reordered slides, changed figures and a dropped program', async () => {
    const { briefing } = await parseText(await variant(), 'r7.txt');
    expect(briefing.programs).toHaveLength(30);
    expect(briefing.programs.some((p) => p.name === '医療コンテナの活用')).toBe(false);
    expect(briefing.programs.at(-1)).toMatchObject({ no: '21-⑩', name: '労働者協同組合制度' });
    // The JET slides now come first and still belong to JET.
    expect(briefing.slides.slice(0, 2).map((s) => [s.title.slice(0, 8), s.program])).toEqual([
      ['JETプログラム', '19'],
      ['JETプログラム', '19'],
    ]);
    expect(briefing.budgets.find((b) => b.program === '1')).toMatchObject({ label: 'R7当初予算額', fiscalYear: 2025, amount: { yen: 275_000_000 } });
    const cap = briefing.measures.find((m) => m.program === '1' && m.components.length === 2)!;
    expect([cap.cap?.yen, ...cap.components.map((c) => c.amount.yen)]).toEqual([5_400_000, 3_400_000, 2_000_000]);
    expect(briefing.series.find((s) => s.label === '隊員数')!.points.at(-1)!.value).toBe(7910);
    expect(briefing.breakdowns.find((b) => b.program === '19')!.total?.value).toBe(5831);
    expect(briefing.notes.filter((n) => n.ruleId === 'slide-unassigned')).toEqual([]);
  });
});
