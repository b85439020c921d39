import { describe, expect, it } from 'vitest';
import { changeEntries, concernsPrefecture, marksWithin } from '../../pipeline/diff/entries.ts';
import { compareSentences, sentenceKey, type Sentence } from '../../pipeline/diff/sentences.ts';
import { placeMarks } from '../../pipeline/views/text-runs.ts';
import { R7_CHANGES, R7_SENTENCES } from '../helpers/r7-realistic.ts';
import { r7Edition } from '../helpers/r7-edition.ts';

const at = (line: number) => ({ line, column: 1, endLine: line, endColumn: 40, raw: '' });
const sentence = (text: string, line: number): Sentence => ({ key: sentenceKey(text), text, slideTitle: '地域おこし協力隊について', at: at(line) });
const program = { name: '地域おこし協力隊', id: 'kyoryokutai', no: '1' };

describe('sentences of the slides, compared by meaning', () => {
  it('takes a sentence with other numbers, other spacing or on another line as the same sentence', () => {
    const before = [sentence('任期終了後の隊員が定住するための空き家の改修に要する経費：措置率0.5', 10), sentence('隊員の約4割は女性 隊員の約7割が20歳代と30歳代', 11)];
    const after = [sentence('隊員の約4割は女性　隊員の約7割が20歳代と30歳代', 30), sentence('任期終了後の隊員が定住するための空き家の改修に要する経費：措置率0.6', 40)];
    expect(compareSentences(program, before, after)).toEqual([]);
  });

  it('lists a new sentence as added, a gone one as removed, and a reworded one as one change', () => {
    const before = [sentence('組合設立、運営支援のためのアドバイザー派遣を実施', 5), sentence('また、公表にあたっては見やすく分かりやすい説明となるよう努めてください。', 6)];
    const after = [sentence('組合設立、運営支援のためのアドバイザー派遣及び研修を実施', 7), sentence('島根県邑南町では、行政相談委員と連携した出張相談会を毎月開催', 8)];
    const changes = compareSentences(program, before, after);
    expect(changes.map((c) => [c.kind, c.before?.printed ?? null, c.after?.printed ?? null])).toEqual([
      ['changed', '組合設立、運営支援のためのアドバイザー派遣を実施', '組合設立、運営支援のためのアドバイザー派遣及び研修を実施'],
      ['added', null, '島根県邑南町では、行政相談委員と連携した出張相談会を毎月開催'],
      ['removed', 'また、公表にあたっては見やすく分かりやすい説明となるよう努めてください。', null],
    ]);
  });

  it('counts a sentence printed twice: one of the two gone is one removed', () => {
    const s = '詳細はホームページをご参照ください。';
    expect(compareSentences(program, [sentence(s, 1), sentence(s, 2)], [sentence(s, 3)]).map((c) => c.kind)).toEqual(['removed']);
  });
});

describe('the changes a reader is given, on the realistic R7', () => {
  it('finds exactly the sentences R7 adds, drops and rewords, with the slide of each side', async () => {
    const { changes } = await r7Edition();
    expect(changes.sentences.map((c) => [c.programId, c.kind, c.before?.printed ?? null, c.after?.printed ?? null])).toEqual([
      [R7_SENTENCES.reworded.program, 'changed', R7_SENTENCES.reworded.from, R7_SENTENCES.reworded.to],
      [R7_SENTENCES.added.program, 'added', null, `【取組例】：${R7_SENTENCES.added.text}`],
      [R7_SENTENCES.removed.program, 'removed', R7_SENTENCES.removed.text, null],
    ]);
    for (const c of changes.sentences) expect((c.after ?? c.before)!.slide).toBeGreaterThan(0);
  });

  it('labels changes as the ministry does, leaves out years that only moved with the edition, and finds the prefecture a change names', async () => {
    const { changes, briefing } = await r7Edition();
    const entries = changeEntries(changes, briefing);
    const label = (printed: string) => entries.find((e) => e.after?.printed.endsWith(printed))?.label;
    expect(label(R7_CHANGES.cap.to)).toBe('拡充');
    expect(label(R7_CHANGES.budget.to)).toBe('増額');
    expect(label(R7_CHANGES.seriesPoint.to)).toBe('新規');
    expect(label('75%')).toBe('拡充');
    expect(label(R7_CHANGES.phone.to)).toBe('変更');
    expect(entries.slice(0, 4).map((e) => `${e.label} ${e.subject}`)).toEqual(['新設 地域の担い手確保支援事業', '終了 医療コンテナの活用', '番号変更 成果連動型民間委託契約方式（PFS）について', '番号変更 労働者協同組合制度']);
    // R6 → R7 in a label names the same year of each edition: not listed; a date that moved otherwise is
    expect(entries.filter((e) => e.section === '日付・年度' && e.before?.printed === 'R6' && e.after?.printed === 'R7')).toEqual([]);
    expect(changes.dates.some((c) => c.before?.printed === 'R6' && c.after?.printed === 'R7')).toBe(true);
    expect(entries.some((e) => e.section === '記載された地方公共団体の数')).toBe(false);
    // ids in reading order, each once
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const concern = entries.filter((e) => concernsPrefecture(e, briefing, '島根県'));
    expect(concern.map((e) => e.after?.printed)).toEqual([`【取組例】：${R7_SENTENCES.added.text}`]);
    expect(entries.filter((e) => concernsPrefecture(e, briefing, '東京都'))).toEqual([]);
    // the mark of the cap sits after the figure, within the list item that prints it
    const cap = entries.find((e) => e.label === '拡充' && e.after?.printed === R7_CHANGES.cap.to)!;
    const item = briefing.slides.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'list' ? b.items : [])).find((i) => i.at.line === cap.at!.line)!;
    const marks = marksWithin(entries, item.at);
    expect(marks.map((m) => m.label)).toEqual(['拡充', '拡充']);
    const pieces = placeMarks(item.text, marks);
    expect(pieces.map((p) => p.text).join('')).toBe(item.text);
    expect(pieces[0]!.text.endsWith(R7_CHANGES.cap.to)).toBe(true);
  });
});
