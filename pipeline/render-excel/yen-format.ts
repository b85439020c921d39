import type { Amount } from '../../schemas/figures.ts';

/** Exact yen, grouped: the format for any amount no scaled format can show exactly. */
export const YEN_FORMAT = '#,##0"円"';

/**
 * How an amount is shown in a larger unit. Excel can only scale by thousands (one trailing comma
 * each); 万 (10⁴) and 億 (10⁸) are reached by scaling by 10³ or 10⁶ and writing a quoted literal "."
 * before the last 1 or 2 digits: 0"."0,"万円". The dot is quoted, not escaped with "!", which
 * LibreOffice reads as a decimal point (5,200,000 would show as 5200!.0万円); and it is never
 * combined with thousands separators, which would group the digits after it too (5,20.0万円).
 */
interface Scale {
  unit: string;
  commas: number;
  decimals: number;
  grouped: boolean;
}

const SCALES: Record<Amount['unit'], Scale | null> = {
  円: null,
  千円: { unit: '千円', commas: 1, decimals: 0, grouped: true },
  万円: { unit: '万円', commas: 1, decimals: 1, grouped: false },
  百万円: { unit: '百万円', commas: 2, decimals: 0, grouped: true },
  億円: { unit: '億円', commas: 2, decimals: 2, grouped: false },
  兆円: { unit: '兆円', commas: 3, decimals: 3, grouped: false },
};

export interface YenDisplay {
  numFmt: string;
  /** what Excel shows with that format, e.g. "520.0万円" */
  shown: string;
}

/**
 * The number format for an amount, in the unit the source printed it in when Excel can show the
 * value exactly that way (the yen are a whole multiple of the scale), else in plain yen.
 */
export function yenDisplay(yen: number, printedUnit: Amount['unit']): YenDisplay {
  const scale = SCALES[printedUnit];
  const step = scale ? 10 ** (3 * scale.commas) : 0;
  if (!scale || !Number.isSafeInteger(yen) || yen % step !== 0) return { numFmt: YEN_FORMAT, shown: showYen(yen) };
  const digits = Math.abs(yen / step).toString().padStart(scale.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - scale.decimals);
  const shown = scale.decimals === 0 ? group(whole) : `${whole}.${digits.slice(whole.length)}`;
  return { numFmt: scaledFormat(scale), shown: `${yen < 0 ? '-' : ''}${shown}${scale.unit}` };
}

function scaledFormat(s: Scale): string {
  const integer = s.grouped ? '#,##0' : '0';
  const fraction = s.decimals > 0 ? `"."${'0'.repeat(s.decimals)}` : '';
  return `${integer}${fraction}${','.repeat(s.commas)}"${s.unit}"`;
}

function showYen(yen: number): string {
  const sign = yen < 0 ? '-' : '';
  return `${sign}${group(Math.round(Math.abs(yen)).toString())}円`;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** 措置率 as a percentage: whole percents without decimals (0.5 → 50%), else one decimal. */
export function rateFormat(rate: number): string {
  const percent = rate * 100;
  return Math.abs(percent - Math.round(percent)) < 1e-9 ? '0%' : '0.0%';
}
