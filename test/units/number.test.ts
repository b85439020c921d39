import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLine } from '../../pipeline/parse/normalize.ts';
import { formatYen, parseAmount, parseKanjiNumber, parseNumber, parseRate } from '../../pipeline/units/number.ts';

const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/,/g, '，').replace(/\./g, '．');

describe('amounts of money', () => {
  it('reads the forms the briefing prints', () => {
    expect(parseAmount('520万円')).toEqual({ yen: 5_200_000, unit: '万円', printed: '520万円', approximate: false });
    expect(parseAmount('248百万円')).toMatchObject({ yen: 248_000_000, unit: '百万円' });
    expect(parseAmount('5.6億円')).toMatchObject({ yen: 560_000_000, unit: '億円' });
    expect(parseAmount('15,000千円')).toMatchObject({ yen: 15_000_000, unit: '千円' });
    expect(parseAmount('約18.3兆円')).toMatchObject({ yen: 18_300_000_000_000, unit: '兆円', approximate: true });
    expect(parseAmount('約2億5千万円')).toMatchObject({ yen: 250_000_000, approximate: true });
    expect(parseAmount('5,000万')).toMatchObject({ yen: 50_000_000, printed: '5,000万円' });
    expect(parseAmount('4,000万円程度')).toMatchObject({ yen: 40_000_000, approximate: true });
    expect(parseAmount('万円')).toBeNull();
    expect(parseAmount('5万3万円')).toBeNull();
  });

  it('reads counts with kanji multipliers (約7万7千人)', () => {
    expect(parseKanjiNumber('7万7千')).toEqual({ value: 77_000, largestExp: 4 });
    expect(parseNumber('7,200')).toBe(7200);
    expect(parseNumber('1,0,0')).toBeNull();
  });

  it('round-trips: format then parse gives back the yen (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom(1, 10_000, 1_000_000, 100_000_000), (n, scale) => {
        const yen = n * scale;
        expect(parseAmount(formatYen(yen))?.yen).toBe(yen);
      }),
    );
  });

  it('reads full-width and letter-spaced amounts the same as half-width ones (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.constantFrom('万円', '億円', '百万円', '千円'), (n, unit) => {
        const printed = n.toLocaleString('en-US') + unit;
        const half = parseAmount(printed)!;
        const full = parseAmount(normalizeLine(toFullWidth(printed), 1).text)!;
        const spaced = parseAmount(normalizeLine([...printed].join(' '), 1).text)!;
        expect(full.yen).toBe(half.yen);
        expect(spaced.yen).toBe(half.yen);
      }),
    );
  });

  it('formats amounts for Japanese readers', () => {
    expect(formatYen(5_200_000)).toBe('520万円');
    expect(formatYen(600_000_000)).toBe('6億円');
    expect(formatYen(560_000_000)).toBe('5.6億円');
    expect(formatYen(6000)).toBe('6,000円');
  });
});

describe('rates', () => {
  it('reads fractions, percentages and vulgar fractions', () => {
    expect(parseRate('1/2')).toBe(0.5);
    expect(parseRate('１／２'.normalize('NFKC'))).toBe(0.5);
    expect(parseRate('90%')).toBe(0.9);
    expect(parseRate('¼')).toBe(0.25);
    expect(parseRate('0.5')).toBe(0.5);
    expect(parseRate('1/0')).toBeNull();
  });
});
