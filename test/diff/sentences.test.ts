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
    expect(label(R7_CHANGES.seriesPoint.to)).toBe('追加');
    expect(label('R7当初予算額 12百万円')).toBe('新規');
    expect(label('75%')).toBe('拡充');
    expect(label(R7_CHANGES.phone.to)).toBe('変更');
    expect(entries.slice(0, 4).map((e) => `${e.label} ${e.subject}`)).toEqual(['新設 地域の担い手確保支援事業', '掲載終了 医療コンテナの活用', '番号変更 成果連動型民間委託契約方式（PFS）について', '番号変更 労働者協同組合制度']);
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
    const item = briefing.slides.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'list' ? b.items : [])).find((i) => i.at.line === cap.places[0]!.line)!;
    const marks = marksWithin(entries, item.at);
    expect(marks.map((m) => m.label)).toEqual(['拡充', '拡充']);
    // the same change on two slides is one entry with both slides and a mark at each place
    const component = entries.filter((e) => e.label === '拡充' && e.before?.printed === R7_CHANGES.capComponent.from && e.after?.printed === R7_CHANGES.capComponent.to);
    expect(component).toHaveLength(1);
    expect(component[0]!.after!.slides).toEqual([1, 2]);
    expect(component[0]!.places).toHaveLength(2);
    const jet = entries.filter((e) => e.before?.printed === R7_CHANGES.quantity.from && e.after?.printed === R7_CHANGES.quantity.to);
    expect(jet.map((e) => e.after!.slides)).toEqual([[53, 54]]);
    // a cap before its raise (280万円 → 320万円 on the 拡充 slide) changed, but it is no 拡充 of its own
    expect(entries.find((e) => e.subject.endsWith('（引上げ前）'))!.label).toBe('変更');
    // a figure's subject reads without the slide's bullet
    expect(entries.filter((e) => /^[●○・]/.test(e.subject))).toEqual([]);
    const pieces = placeMarks(item.text, marks);
    expect(pieces.map((p) => p.text).join('')).toBe(item.text);
    // after the whole word: 540万円／人
    expect(pieces[0]!.text.endsWith(`${R7_CHANGES.cap.to}／人`)).toBe(true);
  });
});

describe('review mends: pairing, year shifts, prefectures, sentence marks', () => {
  it('pairs reworded sentences best-first across both lists, not the first good match', () => {
    const before = [sentence('移住相談会の開催経費を支援します。', 1), sentence('移住相談会の開催経費及び広報経費を支援します。', 2)];
    const after = [sentence('移住相談会の開催経費及び広報経費を支援します（拡充）。', 3), sentence('移住相談会の開催経費を引き続き支援。', 4)];
    expect(compareSentences(program, before, after).map((c) => [c.kind, c.before?.printed, c.after?.printed])).toEqual([
      ['changed', '移住相談会の開催経費及び広報経費を支援します。', '移住相談会の開催経費及び広報経費を支援します（拡充）。'],
      ['changed', '移住相談会の開催経費を支援します。', '移住相談会の開催経費を引き続き支援。'],
    ]);
  });

  it('keeps a target or a deadline that moved, and leaves out only past years named from the new edition', async () => {
    const { changes, briefing } = await r7Edition();
    const date = (printed: [string, string], value: [number, number]) => ({ ...changes.dates[0]!, kind: 'changed' as const, before: { ...changes.dates[0]!.before!, printed: printed[0], value: value[0] }, after: { ...changes.dates[0]!.after!, printed: printed[1], value: value[1] } });
    const diff = { ...changes, dates: [date(['令和８年度', '令和９年度'], [20260000, 20270000]), date(['令和４年度', '令和５年度'], [20220000, 20230000])] };
    const dates = changeEntries(diff, briefing).filter((e) => e.section === '日付・年度');
    expect(dates.map((e) => e.after?.printed)).toEqual(['令和９年度']);
  });

  it('reads prefecture names as the slides name places: 東京都府中市 is no mention of 京都府', async () => {
    const { changes, briefing } = await r7Edition();
    const entry = { ...changeEntries(changes, briefing).find((e) => e.section === 'スライドの記載')!, after: { printed: '東京都府中市では、出張相談会を開催', slides: [56] }, before: null };
    expect(concernsPrefecture(entry, briefing, '東京都')).toBe(true);
    expect(concernsPrefecture(entry, briefing, '京都府')).toBe(false);
  });

  it('sets a reworded sentence’s mark after the sentence, never after a number of another sentence', async () => {
    const { changes, briefing } = await r7Edition();
    const base = changeEntries(changes, briefing).find((e) => e.section === 'スライドの記載' && e.label === '変更')!;
    const text = '令和7年度は3団体で実施。対象を3市町村に拡大。';
    const entry = { ...base, after: { printed: '※対象を3市町村に拡大。', slides: [1] }, places: [{ line: 1, column: 1, endLine: 1, endColumn: 30, raw: '' }] };
    const pieces = placeMarks(text, marksWithin([entry], { line: 1, column: 1, endLine: 1, endColumn: 40, raw: '' }));
    expect(pieces.map((p) => p.text)).toEqual([text]);
    expect(pieces[0]!.mark?.id).toBe(entry.id);
  });
});
