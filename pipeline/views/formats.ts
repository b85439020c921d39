import type { Amount, FiscalMeasure } from '../../schemas/figures.ts';
import { formatEraYear } from '../units/era.ts';
import { formatYen, groupThousands } from '../units/number.ts';

/** Exact yen, grouped: 5,200,000円. */
export function exactYen(yen: number): string {
  const sign = yen < 0 ? '-' : '';
  const abs = Math.abs(yen);
  return Number.isInteger(abs) ? `${sign}${groupThousands(String(abs))}円` : `${sign}${abs}円`;
}

/** An amount as Japanese readers expect it, with the exact yen after it: 520万円（5,200,000円）. */
export function amountWithYen(amount: Pick<Amount, 'yen' | 'approximate'>): string {
  const shown = formatYen(amount.yen);
  const exact = exactYen(amount.yen);
  // below 1万円 both read 5,000円: once is enough
  return `${amount.approximate ? '約' : ''}${shown}${shown === exact ? '' : `（${exact}）`}`;
}

/** What a cap is per: ／人, ／団体, ／年; a cap per person and year is ／人・年. */
export function perUnitText(perUnit: FiscalMeasure['perUnit'], perYear: boolean): string {
  if (perUnit === null) return perYear ? '／年' : '';
  return perYear && perUnit !== '年' ? `／${perUnit}・年` : `／${perUnit}`;
}

/** 措置率 as printed (0.5), else as a percentage. */
export function rateText(rate: number | null, printed: string | null): string {
  if (rate === null) return '';
  return printed ?? `${Math.round(rate * 1000) / 10}%`;
}

/** A count as printed in Japanese documents: 7,200; 52.5. */
export function countText(value: number): string {
  if (Number.isInteger(value)) return (value < 0 ? '-' : '') + groupThousands(String(Math.abs(value)));
  const [int, frac] = String(Math.abs(value)).split('.');
  return (value < 0 ? '-' : '') + groupThousands(int!) + (frac ? `.${frac}` : '');
}

/** A count with its counter: 7,200人; without a counter, the number alone. */
export function countWithUnit(value: number, unit: string | null): string {
  return `${countText(value)}${unit ?? ''}`;
}

/** 令和6年度 (2024): the Western year helps readers across the 平成/令和 change. */
export function fiscalYearText(year: number | null): string {
  return year === null ? '' : `${formatEraYear(year)}（${year}）`;
}

/** Where a figure stands: スライド3・209行目. */
export function sourceRef(slide: number, line: number): string {
  return `スライド${slide}・${line}行目`;
}

/** Lines as a range: 1–274行目, or 56行目 for one line. */
export function lineRange(start: number, end: number): string {
  return start === end ? `${start}行目` : `${start}–${end}行目`;
}
