import { describe, expect, it } from 'vitest';
import { parseR6 } from './helpers/r6.ts';

describe('slides', () => {
  it('splits R6 into its 68 printed pages', async () => {
    const { briefing } = await parseR6();
    expect(briefing.slides).toHaveLength(68);
    expect(briefing.slides.map((s) => s.index)).toEqual(Array.from({ length: 68 }, (_, i) => i + 1));
  });

  it('agrees with every page number the extraction kept (10, 12, 14, 28 and 58)', async () => {
    const { briefing } = await parseR6();
    const printed = briefing.slides.filter((s) => s.printedPage !== null).map((s) => [s.index, s.printedPage]);
    expect(printed).toEqual([
      [10, 10],
      [12, 12],
      [14, 14],
      [28, 28],
      [58, 58],
    ]);
    expect(briefing.notes.filter((n) => n.ruleId === 'segment-page-mismatch')).toEqual([]);
  });

  it('keeps the four spreadsheet dumps inside slide 57 as copies of one table', async () => {
    const { briefing } = await parseR6();
    expect(briefing.sheets).toHaveLength(1);
    const sheet = briefing.sheets[0]!;
    expect(sheet.slide).toBe(57);
    expect(sheet.copies.map((c) => c.label)).toEqual(['加工用 (2)', '加工用', '元データ', '原本']);
    expect(briefing.slides[57]!.title).toBe('アスベスト対策の推進');
  });

  it('removes the page number glued to the text of slide 10 ("徒歩5分10")', async () => {
    const { briefing } = await parseR6();
    expect(briefing.notes.find((n) => n.ruleId === 'segment-glued-page-number')?.at?.line).toBe(517);
  });

  it('reports the manifest entry that keeps a chart label from starting a page', async () => {
    const { briefing } = await parseR6();
    expect(briefing.notes.find((n) => n.ruleId === 'segment-not-page-start')?.at?.line).toBe(2527);
  });
});
