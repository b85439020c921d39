import { describe, expect, it } from 'vitest';
import { markedContent, withActualText } from '../../pipeline/parse/pdf/actual-text.ts';
import { drawnLetters, withoutInferredSpaces } from '../../pipeline/parse/pdf/drawn-spaces.ts';
import { cellsOf, findGrids } from '../../pipeline/parse/pdf/grids.ts';
import { pageRules, type Rule, type TextRun } from '../../pipeline/parse/pdf/page-items.ts';
import { readingOrder } from '../../pipeline/parse/pdf/reading-order.ts';
import { columnsBox } from '../../pipeline/parse/line-box.ts';
import { normalizeLine } from '../../pipeline/parse/normalize.ts';

// The layout reading of a PDF page, on runs placed by hand with the briefing's own words: what
// pdfjs gives (text runs at positions, the drawing's rules), what the reader makes of them.

const SIZE = 10;
const FULL = SIZE; // a full-width character is an em
/** A run of full-width text whose first letter stands at x on the line with its top at y (points from the top left). */
function run(str: string, x: number, y: number, extra: Partial<TextRun> = {}): TextRun {
  const width = [...str].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? FULL * 0.55 : FULL), 0);
  return { str, x0: x, x1: x + width, y0: y, y1: y + SIZE, baseline: y + SIZE * 0.88, size: SIZE, spaceAfter: false, drawnSpacesBefore: null, ...extra };
}
const text = (runs: TextRun[], rules: Rule[] = []) => readingOrder(runs, findGrids(rules)).map((l) => l.text);

describe('reading order of a slide', () => {
  it('reads the title, then a column top to bottom, then the next, although their lines stand side by side', () => {
    const left = ['○実施主体：地方公共団体', '○活動期間：概ね1年以上3年以下', '○地方財政措置', '・募集等に要する経費'];
    // (the lines of a list start with their marks: two unmarked lines ending together read as a wrapped sentence)
    const right = ['○住民が増えることによる地域の活性化', '○行政ではできなかった柔軟な地域おこし策', '○斬新な視点（ヨソモノ・ワカモノ）', '○協力隊員の熱意と行動力'];
    const runs = [run('地域おこし協力隊について', 30, 20), ...left.map((l, i) => run(l, 30, 60 + i * 13)), ...right.map((l, i) => run(l, 500, 60 + i * 13))];
    // the title's gap of 30 pt is two lines of 13 pt: two blank lines, as a text extraction has them
    expect(text(runs)).toEqual(['地域おこし協力隊について', '', '', ...left, '', ...right]);
  });

  it('reads a table without rules row by row, its cells apart by a tab (their x follows the cell before, not one column)', () => {
    const rows = [
      ['R２', '100%', '100％'],
      ['（R5まで）', '95%', '92% ※1'],
      ['事業', '（R4まで）', '※１ R2の効果の公表団体'],
      ['一部公表', '47団体'],
    ];
    const runs = rows.flatMap((cells, r) => {
      let x = 30;
      return cells.map((c) => {
        const it = run(c, x, 40 + r * 13);
        x = it.x1 + 30;
        return it;
      });
    });
    expect(text(runs)).toEqual(rows.map((cells) => cells.join('\t')));
  });

  it('joins the lines a frame broke, and the figure a break cut, but not the items of a list', () => {
    // a frame 200 pt wide: the first two lines end at its edge, the third is short
    const runs = [
      run('・地域おこし協力隊員の活動に要する経費', 30, 40), // 19 em = 190 pt
      run('：520万円／人を上限(報償費等：320万円、その他', 30, 53),
      run('活動経費：200', 30, 66, { x1: 229 }), // ends at the edge: 「200」 and 「万円)」 are one figure
      run('万円)', 30, 79),
      run('・地域おこし協力隊員の日々のサポートに要する', 30, 92, { x1: 229 }),
      run('・任期終了後の隊員が定住するための空き家', 30, 105), // a new item, not the rest of the line before
    ];
    runs[0]!.x1 = 228;
    runs[1]!.x1 = 229;
    expect(text(runs)).toEqual(['・地域おこし協力隊員の活動に要する経費：520万円／人を上限(報償費等：320万円、その他活動経費：200万円)', '・地域おこし協力隊員の日々のサポートに要する', '・任期終了後の隊員が定住するための空き家']);
  });

  it('does not take rows that start with numbers, a numbered heading, or a second number for a pushed figure', () => {
    const rows = [run('2021年度 5,464人', 30, 40), run('2022年度 6,015人', 30, 53), run('2023年度 6,447人', 30, 66)];
    expect(text(rows)).toEqual(['2021年度 5,464人', '2022年度 6,015人', '2023年度 6,447人']);
    const heading = [run('１．移住・交流施策の推進', 30, 40), run('2．対象経費', 30, 53)];
    expect(text(heading)).toEqual(['１．移住・交流施策の推進', '2．対象経費']);
    const numbers = [run('前年度の件数 100', 30, 40), run('200件を目標', 30, 53)];
    expect(text(numbers)).toEqual(['前年度の件数 100', '200件を目標']);
  });

  it('puts back a number that did not fit on the line before it (a number does not break)', () => {
    const runs = [run('● 派遣元企業に対する負担金など起業人の受入れの期間中に要する経費 上限額 年間', 500, 40), run('560万円／人', 500, 53), run('● 起業人が発案・提案した事業に要する経費 上限額 年間100万円', 500, 66)];
    runs[0]!.x1 = 912;
    runs[2]!.x1 = 800;
    expect(text(runs)).toEqual(['● 派遣元企業に対する負担金など起業人の受入れの期間中に要する経費 上限額 年間560万円／人', '● 起業人が発案・提案した事業に要する経費 上限額 年間100万円']);
  });
});

describe('what is not a wrapped line or one line', () => {
  it('keeps the rows of a table without rules apart, though their right-aligned figures end together', () => {
    const rows = [['札幌市', '1,234'], ['千葉市', '5,678'], ['名古屋市', '12,345']];
    const runs = rows.flatMap(([city, n], r) => {
      const figure = run(n!, 0, 40 + r * 13);
      const w = figure.x1 - figure.x0;
      return [run(city!, 30, 40 + r * 13), { ...figure, x0: 200 - w, x1: 200 }];
    });
    expect(text(runs)).toEqual(['札幌市\t1,234', '千葉市\t5,678', '名古屋市\t12,345']);
  });

  it('reads lines beside a figure set large as lines of their own, not one line sorted by x', () => {
    const big = { ...run('1,234', 30, 40), y1: 70, size: 30, baseline: 66 };
    big.x1 = 30 + 5 * 30 * 0.55;
    const runs = [big, run('前年度 100', 160, 42), run('今年度 200', 160, 56)];
    expect(text(runs)).toEqual(['1,234', '前年度 100', '今年度 200']);
  });

  it('keeps a space between two numbers that no glyph draws when the gap is a word space (not a quarter em)', () => {
    const a = run('１０', 30, 40);
    const b = run('20', a.x1 + SIZE * 0.5, 40, { drawnSpacesBefore: 0 });
    const c = run('県', b.x1 + SIZE * 0.25, 40, { drawnSpacesBefore: 0 });
    expect(text([a, b, c])).toEqual(['１０ 20県']);
  });
});

describe('ruled tables', () => {
  /** A ruled grid as Chromium draws it: every border a thin filled rectangle. */
  function gridRules(xs: number[], ys: number[]): Rule[] {
    return [...ys.map((y) => ({ horizontal: true, x0: xs[0]!, x1: xs.at(-1)!, y0: y, y1: y })), ...xs.map((x) => ({ horizontal: false, x0: x, x1: x, y0: ys[0]!, y1: ys.at(-1)! }))];
  }

  it('reads a row as one line: a cell wrapped by its width goes on, a cell of two lines keeps both, two phones stay two', () => {
    const xs = [30, 255, 327, 408, 462];
    const ys = [30, 47, 86];
    const runs = [
      run('施 策 名', 33, 33), run('担当課室', 258, 33), run('担当者', 330, 33), run('電話番号', 411, 33),
      run('７．ふるさとづくり大賞', 33, 50),
      run('地域振興室', 330 - 72, 50), run('地域自立応援課', 258, 63),
      run('久芝、森本、豊', 330, 50, { x1: 399.5 }), run('原、', 330, 63), // the cell broke 「豊原、」: 「原、」 may not start a line alone
      run('03-5253-5534', 411, 50, { x1: 455 }), run('03-5253-5394', 411, 63, { x1: 455 }),
    ];
    expect(text(runs, gridRules(xs, ys))).toEqual(['施 策 名\t担当課室\t担当者\t電話番号', '７．ふるさとづくり大賞\t地域振興室 地域自立応援課\t久芝、森本、豊原、\t03-5253-5534 03-5253-5394']);
  });

  it('reads a table inside a frame by its own cells, and a box around a list as no table', () => {
    const frame: Rule[] = gridRules([20, 300], [20, 120]);
    const table = gridRules([30, 130, 230], [30, 50, 70]);
    const runs = [run('区分', 33, 33), run('金額', 133, 33), run('国', 33, 53), run('1,234', 133, 53), run('・予算額 100万円', 33, 80), run('・対象 5団体', 33, 93)];
    expect(text(runs, [...frame, ...table])).toEqual(['区分\t金額', '国\t1,234', '', '・予算額 100万円', '・対象 5団体']);
  });

  it('finds rules in what a page draws: strokes, stroked rectangles and thin filled rectangles, through the transformation', () => {
    const ops = { save: 10, restore: 11, transform: 12, constructPath: 91, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 };
    // a 2×2 grid on a 540 pt page: LibreOffice strokes lines; Chromium fills 0.75 pt rectangles, scaled
    const line = (x0: number, y0: number, x1: number, y1: number) => [0, x0, y0, 1, x1, y1];
    const rect = (x: number, y: number, w: number, h: number) => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4];
    const fn = [ops.constructPath, ops.save, ops.transform, ops.constructPath, ops.restore];
    const args = [
      [ops.stroke, [Float32Array.from([...line(30, 510, 130, 510), ...line(30, 490, 130, 490), ...line(30, 470, 130, 470)])], null],
      [],
      [2, 0, 0, 2, 0, 0],
      [ops.fill, [Float32Array.from([...rect(15, 235, 0.375, 20), ...rect(40, 235, 0.375, 20), ...rect(65, 235, 0.375, 20)])], null],
      [],
    ];
    const grids = findGrids(pageRules(fn, args, ops, [1, 0, 0, -1, 0, 540]));
    expect(grids).toHaveLength(1);
    expect(grids[0]!.rows.map(Math.round)).toEqual([30, 50, 70]);
    expect(grids[0]!.columns.map(Math.round)).toEqual([30, 80, 130]);
    const cells = cellsOf(grids[0]!, [run('R２', 33, 33), run('100%', 83, 53)]);
    expect(cells.map((row) => row.map((c) => c.map((r) => r.str).join('')))).toEqual([['R２', ''], ['', '100%']]);
  });
});

describe('spaces a producer drew and spaces pdfjs inferred', () => {
  /** The drawn letters as an operator list has them: one showText per portion LibreOffice sets, space glyphs where the text has them. */
  function drawn(portions: string[]) {
    const fn = portions.map(() => 44);
    const args = portions.map((p) => [[...p].map((c) => ({ unicode: c, isSpace: c === '興' }))]);
    return drawnLetters(fn, args, 44);
  }

  it('takes out the gap LibreOffice sets between Japanese and Latin letters or digits, and keeps the spaces of the text', () => {
    const letters = drawn(['・地域おこし協力隊員の募集等に要する経費：', '300', '万円／団体を上限', '自治体数 ', '31', '団体 ', '90', '団体', '１都１道２府２', '7', '県', '地域振興室']);
    const { strs } = withoutInferredSpaces(['・地域おこし協力隊員の募集等に要する経費： 300 万円／団体を上限', '自治体数 31 団体 90 団体', '１都１道２府２ 7 県', '地域振興室'], letters);
    expect(strs).toEqual(['・地域おこし協力隊員の募集等に要する経費：300万円／団体を上限', '自治体数 31団体 90団体', '１都１道２府２7県', '地域振興室']);
  });

  it('leaves a page as pdfjs read it where its letters do not match what is drawn', () => {
    const { strs, spacesBefore } = withoutInferredSpaces(['経費： 300 万円', '任期 2 年目'], drawn(['まったく別の文字列です', 'ABCDEFGHIJKLMN']));
    expect(strs).toEqual(['経費： 300 万円', '任期 2 年目']);
    expect(spacesBefore).toEqual([null, null]);
  });
});

describe('/ActualText of marked content', () => {
  it('reads each section of a content stream in order, with its ActualText (UTF-16 or literal), skipping strings and inline images', () => {
    const stream = [
      '/P <</MCID 0>> BDC BT /F1 10 Tf (BDC in a string \\) EMC) Tj ET',
      '/Span <</ActualText <FEFF529B> >> BDC <0C6A> Tj EMC',
      'BI /W 1 /H 1 ID xBDCx EI',
      '/Span<</Lang (ja) /ActualText (R6)>>BDC (R\\2666) Tj EMC % BDC in a comment',
      '/Artifact BMC EMC EMC',
      '/Span <</ActualText (100)>> DP /P /MC0 BDC EMC',
    ].join('\n');
    const sections = markedContent(stream);
    expect(sections.map((s) => s.actualText)).toEqual([null, '力', 'R6', null, null]);
    // a property list belongs to its own operator (a DP's is not the next BDC's)
    expect(sections.map((s) => s.tag)).toEqual(['P', 'Span', 'Span', 'Artifact', 'P']);
  });

  it('gives a section its ActualText once, where its first letter stands; a space between sections keeps its place', () => {
    const items = [
      { type: 'beginMarkedContentProps' },
      { str: '地域おこし協' },
      { type: 'endMarkedContent' },
      { str: ' ' },
      { type: 'beginMarkedContentProps' },
      { str: '⼒' },
      { str: '' },
      { type: 'endMarkedContent' },
      { str: '隊' },
    ];
    const span = (actualText: string | null) => ({ tag: 'Span', actualText });
    expect(withActualText(items, [span(null), span('力')]).map((i) => i.str)).toEqual([undefined, '地域おこし協', undefined, ' ', undefined, '力', '', undefined, '隊']);
    // sections that are not the content stream's (pdfjs counted one more, or another tag): left as they are
    expect(withActualText(items, [span('力')]).map((i) => i.str)).toEqual(items.map((i) => i.str));
    const tagged = items.map((i) => (i.type?.startsWith('begin') ? { ...i, tag: 'P' } : i));
    expect(withActualText(tagged, [span(null), span('力')]).map((i) => i.str)).toEqual(items.map((i) => i.str));
  });
});

describe('where a figure stands on its page', () => {
  it('is cut from the run or cell it was read from, not spread over the whole line', () => {
    // a row of a ruled table: the row's box spans the grid, each cell its own
    const line = normalizeLine('地域おこし協力隊\t1,234\t56', 1, 3);
    line.box = { x0: 30, y0: 100, x1: 930, y1: 110, segments: [
      { start: 0, end: 8, box: { x0: 33, y0: 100, x1: 113, y1: 110 } },
      { start: 9, end: 14, box: { x0: 400, y0: 100, x1: 427.5, y1: 110 } },
      { start: 15, end: 17, box: { x0: 700, y0: 100, x1: 711, y1: 110 } },
    ] };
    expect(columnsBox([line], 0, 9, 0, 14)).toEqual({ x: 400, y: 100, width: 27.5, height: 10 });
    // 「協力隊」: the last three of the first cell's eight full-width characters
    expect(columnsBox([line], 0, 5, 0, 8)).toEqual({ x: 83, y: 100, width: 30, height: 10 });
    // a line joined from two visual lines: 「200万円」 on the second one
    const joined = normalizeLine('・その他活動経費：200万円)', 2, 3);
    joined.box = { x0: 30, y0: 120, x1: 230, y1: 143, segments: [
      { start: 0, end: 12, box: { x0: 30, y0: 120, x1: 222, y1: 130 } },
      { start: 12, end: 15, box: { x0: 30, y0: 133, x1: 62, y1: 143 } },
    ] };
    const at = columnsBox([joined], 0, 9, 0, 14)!;
    expect(at.y).toBe(120);
    expect(at.height).toBe(23);
    expect(at.x).toBeGreaterThanOrEqual(30);
  });
});
