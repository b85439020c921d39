import type { Briefing, Program } from '../../schemas/briefing.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { compact } from '../parse/normalize.ts';
import { formatEraYear } from '../units/era.ts';

/** A figure of one program, under a key that stays the same from one edition to the next. */
export interface KeyedFigure {
  key: string;
  subject: string;
  value: number | null;
  printed: string;
  at: Provenance | null;
}

export type Unkeyed = Omit<KeyedFigure, 'key'> & { base: string };

/** The text of a line of an edition, for figures keyed by the words around them (dates). */
export type LineText = (line: number) => string;

/**
 * The words of a text with its numbers taken out: 「令和6年度で42回目」 and 「令和7年度で43回目」 are the
 * same sentence of two editions.
 */
export const withoutNumbers = (text: string): string => compact(text).replace(/[0-9０-９][0-9０-９,，.．]*|[元]/g, '#');

/** "R6当初予算額" and "R7当初予算額" are the same line of two editions: drop the year. */
const budgetKey = (label: string) => compact(label).replace(/^(令和(元|\d{1,2})年度|[RH](元|\d{1,2}))/, '');

/** The subject of a cap as it was before a raise the slide states (「320万円⇒340万円」): its change is no 拡充 of its own. */
export const BEFORE_RAISE = '（引上げ前）';

/** One kind of figure the diff compares: its section title and its figures per program. */
export interface DiffKind {
  title: string;
  figures(b: Briefing, p: Program, lineText: LineText | null): Unkeyed[];
}

const own = <T extends { program: string | null }>(xs: readonly T[], p: Program) => xs.filter((x) => x.program === p.no);

export const DIFF_KINDS = {
  budgets: {
    title: '予算額',
    figures: (b, p) => own(b.budgets, p).map((x) => ({ base: budgetKey(x.label) + (x.partOf ? '（内数）' : ''), subject: budgetKey(x.label) + (x.partOf ? '（内数）' : ''), value: x.amount.yen, printed: `${x.label} ${x.amount.printed}`, at: x.at })),
  },
  caps: {
    title: '上限額・措置額',
    figures: (b, p) =>
      own(b.measures, p).flatMap((x) => [
        ...(x.cap ? [{ base: compact(`${x.item}${x.perUnit ? `／${x.perUnit}` : ''}`), subject: `${x.item}${x.perUnit ? `／${x.perUnit}` : ''}`, value: x.cap.yen, printed: x.cap.printed, at: x.at }] : []),
        ...(x.previous ? [{ base: compact(`${x.item} 引上げ前`), subject: `${x.item}${BEFORE_RAISE}`, value: x.previous.yen, printed: x.previous.printed, at: x.at }] : []),
        ...(x.amount ? [{ base: compact(`${x.item} 措置額`), subject: `${x.item}（標準団体の措置額）`, value: x.amount.yen, printed: x.amount.printed, at: x.at }] : []),
        ...x.components.map((c) => ({ base: compact(`${x.item} ${c.label}`), subject: `${x.item} ${c.label}`, value: c.amount.yen, printed: c.amount.printed, at: c.at })),
      ]),
  },
  rates: {
    title: '措置率・充当率・補助率',
    figures: (b, p) => [
      ...own(b.measures, p).flatMap((x) => x.rates.map((r) => ({ base: compact(`${x.item} ${r.name}`), subject: `${x.item} ${r.name}`, value: r.value, printed: r.printed, at: r.at }))),
      // a rate of the text that is a measure's rate (the same place) is listed once, as the measure's
      ...own(b.rates, p)
        .filter((r) => !own(b.measures, p).some((x) => x.rates.some((mr) => mr.at.line === r.at.line && mr.at.column === r.at.column)))
        .map((r) => ({ base: compact(`${r.name} ${withoutNumbers(r.context)}`), subject: `${r.name}（${r.context.trim().slice(0, 40)}）`, value: r.value, printed: r.printed, at: r.at })),
    ],
  },
  shares: {
    title: '負担割合',
    figures: (b, p) => own(b.shares, p).map((s) => ({ base: compact(s.label), subject: s.label, value: s.value, printed: s.printed, at: s.at })),
  },
  series: {
    title: '時系列',
    figures: (b, p) => own(b.series, p).flatMap((s) => s.points.map((pt) => ({ base: `${s.label}@${pt.fiscalYear}`, subject: `${s.label} ${formatEraYear(pt.fiscalYear)}`, value: pt.value, printed: `${pt.printed}${s.unit && !pt.printed.endsWith(s.unit) ? s.unit : ''}`, at: pt.at }))),
  },
  breakdowns: {
    title: '内訳',
    figures: (b, p) =>
      own(b.breakdowns, p).flatMap((x) => [
        ...x.items.map((i) => ({ base: compact(`${x.label} ${i.label}`), subject: `${x.label}：${i.label}`, value: i.value, printed: `${i.printed}${x.unit && !i.printed.endsWith(x.unit) ? x.unit : ''}`, at: i.at })),
        ...(x.total ? [{ base: compact(`${x.label} 総数`), subject: `${x.label}：総数`, value: x.total.value, printed: `${x.total.printed}${x.unit && !x.total.printed.endsWith(x.unit) ? x.unit : ''}`, at: x.total.at }] : []),
      ]),
  },
  dates: {
    title: '日付・年度',
    // a date is keyed by the words of its line without numbers; on a line of many dates (the years of
    // a table's header) each is its own key, so that a table that drops its first year and adds one
    // shows one year removed and one added, not every year changed
    figures: (b, p, lineText) =>
      own(b.dates, p).map((d) => {
        const many = b.dates.filter((x) => x.at.line === d.at.line).length >= 3;
        const words = lineText ? withoutNumbers(lineText(d.at.line)) : d.fiscal ? '年度' : '日付';
        return { base: many ? `${words}|${d.printed}` : words, subject: lineText ? lineText(d.at.line).trim().slice(0, 50) : d.printed, value: d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0), printed: d.printed, at: d.at };
      }),
  },
  quantities: {
    title: '本文の数値',
    // keyed by the words right around the number (its sentence without numbers): a number added
    // elsewhere on the line does not move it
    figures: (b, p) =>
      own(b.quantities, p).map((q) => {
        // numbers out first, then the window: a neighbour that gains a digit does not move the key
        const before = withoutNumbers(q.context.slice(0, q.contextOffset)).slice(-12);
        const after = withoutNumbers(q.context.slice(q.contextOffset + q.printed.length)).slice(0, 8);
        return { base: `${before}|${q.unit}|${after}`, subject: around(q.context, q.contextOffset, q.printed.length), value: q.value, printed: q.printed, at: q.at };
      }),
  },
  tables: {
    title: '表',
    figures: (b, p) => own(b.tableRows, p).flatMap((r) => r.cells.map((c, k) => ({ base: compact(`${r.label} [${k + 1}]`), subject: `${r.label}（${k + 1}列目）`, value: c.value, printed: c.printed, at: c.at }))),
  },
  sheets: {
    title: '調査結果の表',
    figures: (b, p) =>
      own(b.sheets, p).flatMap((s) => s.copies.flatMap((copy) => copy.rows.flatMap((r) => r.values.map((v, k) => ({ base: compact(`${copy.label} ${r.yearLabel} [${k + 1}]`), subject: `${copy.label} ${r.yearLabel}（${k + 1}列目）`, value: v.value, printed: v.printed, at: v.at }))))),
  },
  places: {
    title: '記載された地方公共団体の数',
    figures: (b, p) => {
      const places = own(b.places, p);
      if (places.length === 0) return [];
      const prefectures = new Set(places.map((x) => x.prefecture));
      const municipalities = new Set(places.filter((x) => x.municipality).map((x) => `${x.prefecture}${x.municipality}`));
      const first = places[0]!.at;
      return [
        { base: 'prefectures', subject: '記載された都道府県の数', value: prefectures.size, printed: `${prefectures.size}都道府県`, at: first },
        { base: 'municipalities', subject: '記載された市区町村の数', value: municipalities.size, printed: `${municipalities.size}市区町村`, at: first },
      ];
    },
  },
} satisfies Record<string, DiffKind>;

export type DiffKindName = keyof typeof DIFF_KINDS;

/** The sections of a diff as a reader names them, in the order they are shown: every figure kind, the slides' sentences, then contacts. */
export const DIFF_SECTIONS: readonly { key: DiffKindName | 'sentences' | 'contacts'; title: string }[] = [
  ...(Object.keys(DIFF_KINDS) as DiffKindName[]).map((key) => ({ key, title: DIFF_KINDS[key].title })),
  { key: 'sentences', title: 'スライドの記載' },
  { key: 'contacts', title: '担当・連絡先' },
];

/**
 * The words around a number for a reader, on its line: from the start of its clause (after 。、：
 * or an opening bracket, 8 to 30 characters back) to 10 characters after it; cut words marked …
 */
function around(context: string, offset: number, length: number): string {
  const from = Math.max(0, offset - 30);
  const window = context.slice(from, Math.max(from, offset - 8));
  const clause = Math.max(...['。', '、', '：', '（', '(', '「', '●', '○', '・'].map((c) => window.lastIndexOf(c)));
  const start = clause >= 0 ? from + clause + 1 : Math.max(0, offset - 20);
  const end = Math.min(context.length, offset + length + 10);
  return `${start > 0 && clause < 0 ? '…' : ''}${context.slice(start, end).trim()}${end < context.length ? '…' : ''}`;
}

/**
 * The figures of one program by kind, each figure under the first kind that claims its place (a
 * cap is not listed again as a quantity of its line, nor a measure's rate as a rate of the text).
 */
export function figuresByKind(b: Briefing, p: Program, lineText: LineText | null): Record<DiffKindName, KeyedFigure[]> {
  const claimed: Provenance[] = [];
  // the same place, or inside a figure claimed before (the 6 of 令和6年度 is the date)
  const taken = (at: Provenance | null) => at !== null && claimed.some((c) => c.line === at.line && (c.column === at.column || (c.endLine === at.line && at.endLine === at.line && c.column <= at.column && at.endColumn <= c.endColumn)));
  const out = {} as Record<DiffKindName, KeyedFigure[]>;
  for (const name of Object.keys(DIFF_KINDS) as DiffKindName[]) {
    const figures = (DIFF_KINDS[name] as DiffKind).figures(b, p, lineText);
    const own = name === 'places' ? figures : figures.filter((f) => !taken(f.at));
    if (name !== 'places') for (const f of own) if (f.at) claimed.push(f.at);
    out[name] = keyed(own);
  }
  return out;
}

/** Number repeated keys in order, so two 「当初予算額」 of one program stay apart. */
export function keyed(items: readonly Unkeyed[]): KeyedFigure[] {
  const seen = new Map<string, number>();
  return items.map(({ base, ...i }) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...i, key: n === 1 ? base : `${base}#${n}` };
  });
}
