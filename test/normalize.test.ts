import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLine } from '../pipeline/parse/normalize.ts';
import { Span } from '../pipeline/parse/span.ts';

const norm = (s: string) => normalizeLine(s, 1).text;

describe('normalization of extraction defects', () => {
  it('replaces Kangxi and CJK radicals used for kanji', () => {
    expect(norm('協⼒隊全国ネットワーク')).toBe('協力隊全国ネットワーク');
    expect(norm('活動⽀援、地域住⺠、首⾧')).toBe('活動支援、地域住民、首長');
    // supplement radicals a PDF writer gives for the kanji that share their glyph
    expect(norm('⻑期、⻘年、関⻄、⻭科')).toBe('長期、青年、関西、歯科');
  });

  it('reads the punctuation look-alikes of a PDF text layer as the punctuation of the text', () => {
    // Chromium's and LibreOffice's PDFs of the R6 deck: 移住・交流 came out with ‧ U+2027, PPP／PFI with ∕ U+2215
    expect(norm('移住\u2027交流情報ガーデン\u2215移住\u2027定住対策への支援')).toBe('移住・交流情報ガーデン／移住・定住対策への支援');
    expect(norm('\u2329概要\u232a（H26\u301c）')).toBe('〈概要〉（H26～）');
    // and each character still maps to its own column
    expect(normalizeLine('PPP\u2215PFI', 1).text).toBe('PPP／PFI');
  });

  it('widens half-width katakana and narrows full-width digits and letters', () => {
    expect(norm('地域活性化ﾌｧﾝﾄﾞ、民間ｸﾗｳﾄﾞﾌｧﾝﾃﾞｨﾝｸﾞ')).toBe('地域活性化ファンド、民間クラウドファンディング');
    expect(norm('１０，０００人、２7県、ＪＥＴ、措置率０．５')).toBe('10,000人、27県、JET、措置率0.5');
  });

  it('turns private-use bullets into real bullets and keeps ①, ❶ and ㈱', () => {
    expect(norm('\uf06c 課題')).toBe('● 課題');
    expect(norm('\uf06e 人材')).toBe('■ 人材');
    expect(norm('① ❶ ㈱脱炭素化支援機構')).toBe('① ❶ ㈱脱炭素化支援機構');
  });

  it('closes up letter-spaced titles and amounts, and keeps spaces between table cells', () => {
    expect(norm(' ロ ー カ ル 1 0 ,000プロジ ェクト（ 国庫 補助 事業 ）')).toBe('ローカル10,000プロジェクト（国庫補助事業）');
    expect(norm('R 6 当 初 予 算 額 ： 5 . 6 億 円')).toBe('R6当初予算額：5.6億円');
    expect(norm('施 策 名 担当課室 担当者 電話番号')).toBe('施策名 担当課室 担当者 電話番号');
    expect(norm('年 度 21年度 22年度 23年度')).toBe('年度 21年度 22年度 23年度');
    expect(norm('沖縄県 11 9 2')).toBe('沖縄県 11 9 2');
    expect(norm(' ＪＥＴプログ ラ ム （ ” T h e  J a p a n  E x c h a n g e ” ）')).toBe('JETプログラム（”The Japan Exchange”）');
  });

  it('maps every normalized character back to its original column', () => {
    const raw = 'R 6 当 初 予 算 額 ： 5 . 6 億 円';
    const span = new Span([normalizeLine(raw, 42)]);
    const at = span.locate(span.text.indexOf('5.6億円'), span.text.length);
    expect(at).toEqual({ line: 42, column: 17, endLine: 42, endColumn: 26, raw: '5 . 6 億 円' });
  });

  it('never loses the way back: every character maps into the raw line, in order (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('ロ', 'ー', ' ', '1', '０', 'ﾌ', 'ﾞ', '⼒', '\uf06c', 'A', '、', '\t', '年', '度') }), (raw) => {
        const line = normalizeLine(raw, 1);
        expect(line.start).toHaveLength(line.text.length);
        for (let i = 0; i < line.text.length; i++) {
          expect(line.start[i]!).toBeGreaterThanOrEqual(0);
          expect(line.end[i]!).toBeLessThanOrEqual(raw.length);
          if (i > 0) expect(line.start[i]!).toBeGreaterThan(line.start[i - 1]!);
        }
      }),
    );
  });
});
