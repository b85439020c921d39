import { describe, expect, it } from 'vitest';
import { programKeys } from '../pipeline/parse/assign.ts';
import { parseR6 } from './helpers/r6.ts';

// Program of every R6 slide, in page order; null for the two pages of the contact list.
const R6_SLIDE_PROGRAMS = [
  '1', '1', '1', '1', '1', '2', '2', '2', '3', '4', '4', '5', '5', '6', '7', '8', '9', '9', '9', '9', '9', '9', '10', '10',
  '10', '11', '11', '11', '12', '12', '13', '13', '13', '13', '14', '14', '14', '14', '14', '14', '14', '15', '15', '16',
  '16', '16', '17', '17', '18', '18', '18', '18', '19', '19', '20', '21-①', '21-②', '21-③', '21-④', '21-⑤', '21-⑥',
  '21-⑦', '21-⑧', '21-⑨', '21-⑩', '21-⑪', null, null,
];

describe('slide → program assignment', () => {
  it('assigns every R6 slide to its program', async () => {
    const { briefing } = await parseR6();
    expect(briefing.slides.map((s) => s.program)).toEqual(R6_SLIDE_PROGRAMS);
  });

  it('gives every program at least one slide and lists them on the program', async () => {
    const { briefing } = await parseR6();
    for (const p of briefing.programs) expect(p.slides.length, p.no).toBeGreaterThan(0);
    expect(briefing.programs.find((p) => p.no === '9')!.slides).toEqual([17, 18, 19, 20, 21, 22]);
  });

  it('reports every slide not assigned by its own title, with the rule that decided', async () => {
    const { briefing } = await parseR6();
    const reported = briefing.notes.filter((n) => n.ruleId === 'slide-assignment');
    const byRule = briefing.slides.filter((s) => s.assignment.rule === 'body' || s.assignment.rule === 'continuation');
    expect(reported).toHaveLength(byRule.length);
    expect(briefing.slides[4]!.assignment).toEqual({ rule: 'continuation', detail: 'no program named unambiguously: continues program 1 of the slide before' });
    expect(briefing.slides[55]!.assignment.rule).toBe('body'); // 総務大臣メッセージ names 行政相談活動と困りごと解決への連携のお願い
    expect(briefing.notes.filter((n) => n.ruleId === 'slide-unassigned')).toEqual([]);
  });

  it('uses the manifest aliases for names the contact list does not use', async () => {
    const { briefing } = await parseR6();
    expect(briefing.slides[11]!.assignment).toEqual({ rule: 'alias', detail: 'title contains the manifest alias "関係人口"' });
    expect(briefing.slides[21]!.assignment.detail).toContain('分散型エネルギーインフラ');
  });

  it('derives title keys from program names without generic endings', () => {
    expect(programKeys('過疎対策について')).toContain('過疎対策');
    expect(programKeys('「定住自立圏構想」の推進')).toContain('定住自立圏構想');
    expect(programKeys('移住・交流情報ガーデン／移住・定住対策への支援')).toEqual(
      expect.arrayContaining(['移住・交流情報ガーデン', '移住・定住対策']),
    );
  });
});
