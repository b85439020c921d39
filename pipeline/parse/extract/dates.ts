import type { DateMention } from '../../../schemas/figures.ts';
import { eraFromLetter, eraYearNumber, toWesternYear, type EraName } from '../../units/era.ts';
import { makeId, type SlideContext } from './context.ts';

const ERA_FULL = /(令和|平成|昭和)\s*(元|\d{1,2})\s*年(度)?(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/g;
const ERA_SHORT = /(?<![A-Za-z0-9])([RHS])\s?(元|\d{1,2})(?:\.(\d{1,2})(?:\.(\d{1,2}))?(末)?)?(年度|年)?(?![0-9A-Za-z])/g;
const WESTERN = /(?<![\d.])((?:19|20)\d{2})(?:\.(\d{1,2})\.(\d{1,2})(?![\d.])|年(度)?)/g;

/**
 * The end of a period whose era the start gave: "平成26年度から28年度まで", "H26～28年度",
 * "平成26年4月から28年3月". Only a fiscal year (年度) or a year with its month, on the same line:
 * "R2から3年", "R6から3年間" and "令和2年4月から5年6月間" are durations, not dates.
 */
const CARRIED = /^[ \t\u3000]*(?:から|～|~|－|-)[ \t\u3000]*(元|\d{1,2})[ \t\u3000]*年(?:(度)|[ \t\u3000]*(\d{1,2})[ \t\u3000]*月(?:[ \t\u3000]*(\d{1,2})[ \t\u3000]*日)?)(?!間|以内|後|前|ぶり|目|程度|以上|未満|分)/;

/**
 * Every era year and date: 令和6年度, R6, H26, S62, 元年度, R6.4.1, R5.3末, 2024.4.24, 2050年; and
 * the era-less end of a period, in the era of its start (平成26年度から28年度まで: 平成28年度).
 */
export function extractDates(ctx: SlideContext): DateMention[] {
  const out: DateMention[] = [];
  const text = ctx.span.text;
  const push = (start: number, end: number, era: EraName | '西暦', eraYear: number | null, year: number, month: number | null, day: number | null, endOfMonth: boolean, fiscal: boolean) => {
    if (month !== null && (month < 1 || month > 12)) return;
    if (day !== null && (day < 1 || day > 31)) return;
    out.push({
      id: makeId('date', ctx.slide.index, out.length),
      program: ctx.program, block: null,
      slide: ctx.slide.index,
      era,
      eraYear,
      year,
      month,
      day,
      endOfMonth,
      fiscal,
      printed: text.slice(start, end).replace(/\s+/g, ''),
      at: ctx.span.locate(start, end),
    });
  };
  const carry = (era: EraName, end: number, startYear: number) => {
    const c = CARRIED.exec(text.slice(end));
    if (!c) return;
    const n = eraYearNumber(c[1]!)!;
    // a period runs forward: an end before its start is no end of it
    if (n < startYear) return;
    const start = end + c[0].search(/元|\d/);
    push(start, end + c[0].length, era, n, toWesternYear(era, n), c[3] ? Number(c[3]) : null, c[4] ? Number(c[4]) : null, false, Boolean(c[2]));
  };
  for (const m of text.matchAll(ERA_FULL)) {
    const era = m[1] as EraName;
    const n = eraYearNumber(m[2]!)!;
    push(m.index!, m.index! + m[0].length, era, n, toWesternYear(era, n), m[4] ? Number(m[4]) : null, m[5] ? Number(m[5]) : null, false, Boolean(m[3]));
    carry(era, m.index! + m[0].length, n);
  }
  for (const m of text.matchAll(ERA_SHORT)) {
    const era = eraFromLetter(m[1]!)!;
    const n = eraYearNumber(m[2]!)!;
    const month = m[3] ? Number(m[3]) : null;
    push(m.index!, m.index! + m[0].length, era, n, toWesternYear(era, n), month, m[4] ? Number(m[4]) : null, Boolean(m[5]), month === null && m[6] !== '年');
    carry(era, m.index! + m[0].length, n);
  }
  for (const m of text.matchAll(WESTERN)) {
    const year = Number(m[1]);
    push(m.index!, m.index! + m[0].length, '西暦', null, year, m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null, false, Boolean(m[4]));
  }
  return out.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column).map((d, i) => ({ ...d, id: makeId('date', ctx.slide.index, i) }));
}
