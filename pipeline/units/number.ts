import type { Amount } from '../../schemas/figures.ts';

type YenUnit = Amount['unit'];

const MULTIPLIER_EXP: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 億: 8, 兆: 12 };
const BIG = new Set(['万', '億', '兆']);

/** A plain number as printed: "7,200", "5.6", "0.5". Commas must group thousands. */
export function parseNumber(printed: string): number | null {
  const s = printed.replace(/\s+/g, '');
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s.replace(/,/g, ''));
}

/** An exact decimal: digits and a power-of-ten scale, so 5.6億 is 560,000,000 with no float error. */
interface Decimal {
  digits: bigint;
  scale: number;
}

function toDecimal(s: string): Decimal | null {
  const clean = s.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const [int, frac = ''] = clean.split('.');
  return { digits: BigInt(int! + frac), scale: frac.length };
}

/**
 * Parse a Japanese quantity with kanji multipliers: "7万7千" → 77000, "2億5千万" → 250000000,
 * "248百万" → 248000000, "15,000千" → 15000000. Returns the value in base units and the
 * largest multiplier used.
 */
export function parseKanjiNumber(printed: string): { value: number; largestExp: number } | null {
  const s = printed.replace(/\s+/g, '');
  if (s === '') return null;
  const tokens = s.match(/\d[\d,]*(?:\.\d+)?|[十百千万億兆]/g);
  if (!tokens || tokens.join('') !== s || !/\d/.test(s)) return null;
  // Sum of big groups (万/億/兆), each group a sum of small parts (千/百/十).
  let total = { digits: 0n, scale: 0 };
  let group = { digits: 0n, scale: 0 };
  let current: Decimal | null = null;
  let largestExp = 0;
  let lastBigExp = Infinity;
  for (const t of tokens) {
    const exp = MULTIPLIER_EXP[t];
    if (exp === undefined) {
      if (current) return null; // two numbers in a row
      current = toDecimal(t);
      if (!current) return null;
      continue;
    }
    largestExp = Math.max(largestExp, exp);
    if (BIG.has(t)) {
      if (exp >= lastBigExp) return null; // 万 after 万, or 億 after 万: not a number
      const base = add(group, current ?? (group.digits === 0n ? { digits: 1n, scale: 0 } : { digits: 0n, scale: 0 }));
      total = add(total, shift(base, exp));
      group = { digits: 0n, scale: 0 };
      lastBigExp = exp;
    } else {
      group = add(group, shift(current ?? { digits: 1n, scale: 0 }, exp));
    }
    current = null;
  }
  if (current) total = add(total, add(group, current));
  else total = add(total, group);
  return { value: decimalToNumber(total), largestExp };
}

function shift(d: Decimal, exp: number): Decimal {
  return d.scale >= exp ? { digits: d.digits, scale: d.scale - exp } : { digits: d.digits * 10n ** BigInt(exp - d.scale), scale: 0 };
}

function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { digits: a.digits * 10n ** BigInt(scale - a.scale) + b.digits * 10n ** BigInt(scale - b.scale), scale };
}

function decimalToNumber(d: Decimal): number {
  if (d.scale === 0) return Number(d.digits);
  return Number(d.digits) / 10 ** d.scale;
}

const UNIT_BY_EXP: [number, YenUnit][] = [
  [12, '兆円'],
  [8, '億円'],
  [6, '百万円'],
  [4, '万円'],
  [3, '千円'],
  [0, '円'],
];

/**
 * An amount of money as printed: "520万円", "R6当初予算額：5.6億円" (the amount part),
 * "約18.3兆円", "15,000千円", "5,000万" (円 implied). Returns null when the text is not one.
 */
export function parseAmount(printed: string): Amount | null {
  const s = printed.replace(/\s+/g, '');
  const m = /^(約)?(.+?)(円)?(程度)?$/.exec(s);
  if (!m) return null;
  const body = m[2]!;
  const parsed = parseKanjiNumber(body);
  if (!parsed) return null;
  // 百万円 is written as 百 then 万: the printed unit is the pair.
  const exp = /百万$/.test(body) ? 6 : parsed.largestExp;
  const unit = UNIT_BY_EXP.find(([e]) => e <= exp)![1];
  return { yen: parsed.value, unit, printed: s.replace(/^約/, '').replace(/程度$/, '') + (m[3] ? '' : '円'), approximate: Boolean(m[1] || m[4]) };
}

/** Source of a regular expression matching an amount of money; `implied` lets 円 be left out. */
export function amountPattern(implied = false): string {
  const num = String.raw`\d[\d,]*(?:\.\d+)?`;
  const body = String.raw`(?:${num}\s*[十百千万億兆]+\s*)*${num}\s*[十百千万億兆]*`;
  return implied ? String.raw`(?:約\s*)?${body}(?:\s*円)?` : String.raw`(?:約\s*)?${body}\s*円`;
}

/** Display an amount the way Japanese readers expect: 520万円, 5.6億円, 18.3兆円, 6,000円. */
export function formatYen(yen: number): string {
  const abs = Math.abs(yen);
  const sign = yen < 0 ? '-' : '';
  if (abs >= 1e12) return sign + exact(abs, 12) + '兆円';
  if (abs >= 1e8) return sign + exact(abs, 8) + '億円';
  if (abs >= 1e4) return sign + exact(abs, 4) + '万円';
  return sign + groupThousands(String(abs)) + '円';
}

function exact(value: number, exp: number): string {
  const digits = BigInt(Math.round(value));
  const unit = 10n ** BigInt(exp);
  const int = digits / unit;
  const frac = (digits % unit).toString().padStart(exp, '0').replace(/0+$/, '');
  return groupThousands(int.toString()) + (frac ? '.' + frac : '');
}

export function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A fraction or percentage as printed: "1/2" → 0.5, "½" → 0.5, "90%" → 0.9, "0.5" → 0.5. */
export function parseRate(printed: string): number | null {
  const s = printed.replace(/\s+/g, '').replace(/／/g, '/');
  const vulgar: Record<string, number> = { '½': 1 / 2, '¼': 1 / 4, '¾': 3 / 4, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 1 / 8 };
  if (s in vulgar) return vulgar[s]!;
  let m = /^(\d+(?:\.\d+)?)%$/.exec(s);
  if (m) return Number(m[1]) / 100;
  m = /^(\d+)\/(\d+)$/.exec(s);
  if (m && Number(m[2]) !== 0) return Number(m[1]) / Number(m[2]);
  m = /^(\d+(?:\.\d+)?)$/.exec(s);
  if (m) return Number(m[1]);
  return null;
}

/** A value rounded, floored, ceiled or cut to `digits` decimals, as a document prints it. */
export function roundTo(value: number, digits: number, mode: 'round' | 'floor' | 'ceil' | 'truncate'): number {
  const k = 10 ** digits;
  // Guard against 78.75 × 10 = 787.4999…: nudge by a relative epsilon before cutting.
  const x = value * k;
  const eps = Math.abs(x) * 1e-12;
  const r = mode === 'round' ? Math.round(x + eps) : mode === 'floor' ? Math.floor(x + eps) : mode === 'ceil' ? Math.ceil(x - eps) : Math.trunc(x + (x >= 0 ? eps : -eps));
  return r / k;
}
