/** Japanese eras and their offsets: 令和 N = 2018 + N, 平成 N = 1988 + N, 昭和 N = 1925 + N. */
export const ERAS = {
  令和: { letter: 'R', offset: 2018, first: 2019 },
  平成: { letter: 'H', offset: 1988, first: 1989 },
  昭和: { letter: 'S', offset: 1925, first: 1926 },
} as const;
export type EraName = keyof typeof ERAS;

const BY_LETTER: Record<string, EraName> = { R: '令和', H: '平成', S: '昭和' };

export function eraFromLetter(letter: string): EraName | null {
  return BY_LETTER[letter.toUpperCase()] ?? null;
}

/** 元 (the first year) is 1. */
export function eraYearNumber(printed: string): number | null {
  if (printed === '元') return 1;
  return /^\d{1,2}$/.test(printed) ? Number(printed) : null;
}

export function toWesternYear(era: EraName, eraYear: number): number {
  return ERAS[era].offset + eraYear;
}

/** The era a Western fiscal year falls in, for display: 2024 → 令和6. */
export function toEraYear(year: number): { era: EraName; eraYear: number } {
  if (year >= ERAS.令和.first) return { era: '令和', eraYear: year - ERAS.令和.offset };
  if (year >= ERAS.平成.first) return { era: '平成', eraYear: year - ERAS.平成.offset };
  return { era: '昭和', eraYear: year - ERAS.昭和.offset };
}

export function formatEraYear(year: number): string {
  const { era, eraYear } = toEraYear(year);
  return `${era}${eraYear === 1 ? '元' : eraYear}年度`;
}

/**
 * Parse an era year as printed: "令和6年度", "R6", "R 6", "H26", "S62", "令和元年", "平成２７年度".
 * Returns null for anything else.
 */
export function parseEraYear(printed: string): { era: EraName; eraYear: number; year: number } | null {
  const s = printed.replace(/\s+/g, '').normalize('NFKC');
  const m = /^(令和|平成|昭和|[RHS])(元|\d{1,2})(?:年度?)?$/.exec(s);
  if (!m) return null;
  const era = m[1]!.length === 1 ? eraFromLetter(m[1]!)! : (m[1] as EraName);
  const eraYear = eraYearNumber(m[2]!)!;
  return { era, eraYear, year: toWesternYear(era, eraYear) };
}

/**
 * Years printed without an era ("21年度 … 30年度 元年度 2年度 … 5年度"): the era changes where
 * the count restarts at 元 or drops; the last segment is the era of `lastYearEra`.
 */
export function inferEraSequence(labels: string[], lastEra: EraName): { era: EraName; eraYear: number; year: number }[] | null {
  const nums = labels.map((l) => eraYearNumber(l.replace(/年度?$/, '')));
  if (nums.some((n) => n === null)) return null;
  const order: EraName[] = ['昭和', '平成', '令和'];
  let eraIndex = order.indexOf(lastEra);
  const out: { era: EraName; eraYear: number; year: number }[] = [];
  for (let i = nums.length - 1; i >= 0; i--) {
    if (i < nums.length - 1 && nums[i]! >= nums[i + 1]!) eraIndex--;
    if (eraIndex < 0) return null;
    const era = order[eraIndex]!;
    out.unshift({ era, eraYear: nums[i]!, year: toWesternYear(era, nums[i]!) });
  }
  return out;
}

/** A calendar date as official documents print it: 2024-04-01 → 令和6年4月1日 (read from the string: no clock, no time zone). */
export function formatEraDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const [y, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // an era begins on a day, not with the fiscal year: 2019-04-30 is still 平成31年
  const reiwa = y > 2019 || (y === 2019 && (month > 5 || (month === 5 && day >= 1)));
  const heisei = y > 1989 || (y === 1989 && (month > 1 || day >= 8));
  const [era, offset] = reiwa ? ['令和', 2018] : heisei ? ['平成', 1988] : ['昭和', 1925];
  const eraYear = y - offset;
  return `${era}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
}
