import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLine } from '../../pipeline/parse/normalize.ts';
import { formatEraYear, inferEraSequence, parseEraYear, toEraYear } from '../../pipeline/units/era.ts';

describe('eras', () => {
  it('converts the forms the briefing uses', () => {
    expect(parseEraYear('令和6年度')).toEqual({ era: '令和', eraYear: 6, year: 2024 });
    expect(parseEraYear('R6')).toMatchObject({ year: 2024 });
    expect(parseEraYear('令和元年')).toMatchObject({ eraYear: 1, year: 2019 });
    expect(parseEraYear('H26')).toMatchObject({ era: '平成', year: 2014 });
    expect(parseEraYear('S62')).toMatchObject({ era: '昭和', year: 1987 });
    expect(parseEraYear('平成２７年度')).toMatchObject({ year: 2015 });
    expect(parseEraYear('R')).toBeNull();
  });

  it('infers the eras of "21年度 … 30年度 元年度 … 5年度"', () => {
    const labels = ['21年度', '22年度', '30年度', '元年度', '2年度', '5年度'];
    expect(inferEraSequence(labels, '令和')!.map((y) => y.year)).toEqual([2009, 2010, 2018, 2019, 2020, 2023]);
  });

  it('round-trips every fiscal year 1926–2100 through its era label, full- or half-width, spaced or not (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1927, max: 2100 }), fc.boolean(), fc.boolean(), (year, fullWidth, spaced) => {
        let label = formatEraYear(year);
        if (fullWidth) label = label.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        if (spaced) label = normalizeLine([...label].join(' '), 1).text;
        expect(parseEraYear(label)?.year).toBe(year);
        const { era, eraYear } = toEraYear(year);
        expect(parseEraYear(`${era === '令和' ? 'R' : era === '平成' ? 'H' : 'S'}${eraYear}`)?.year).toBe(year);
      }),
    );
  });
});
