import { z } from 'zod';
import { Provenance } from './provenance.ts';

export const YenUnit = z.enum(['円', '千円', '万円', '百万円', '億円', '兆円']);

/** A sum of money as printed, with its exact value in yen. */
export const Amount = z
  .object({
    yen: z.number().describe('exact value in yen (an integer unless the source prints fractions of a yen)'),
    unit: YenUnit.describe('the largest unit the source printed the amount in'),
    printed: z.string().describe('the amount as printed, normalized (e.g. "520万円")'),
    approximate: z.boolean().describe('true when marked 約 or 程度'),
  })
  .describe('An amount of money');
export type Amount = z.infer<typeof Amount>;

const ref = {
  id: z.string().describe('stable id within the edition'),
  program: z.string().nullable().describe('program number from the contact list, e.g. "1" or "21-③"'),
  slide: z.number().int().positive().describe('slide index (1-based, equals the printed page number)'),
  block: z.string().nullable().describe('the block of the slide content the figure stands in ("s01-b04"), null where none holds it'),
  at: Provenance,
};

export const BudgetKind = z.enum(['当初', '補正', '計画', '予算']);

export const Budget = z
  .object({
    ...ref,
    label: z.string().describe('the label as printed, normalized (e.g. "R6当初予算額")'),
    kind: BudgetKind.describe('当初 initial, 補正 supplementary, 計画 plan (地方債計画), 予算 budget without qualifier'),
    fiscalYear: z.number().int().nullable().describe('Western fiscal year the budget is for'),
    amount: Amount,
    partOf: z.boolean().describe('true for "…の内数": part of a larger budget line, not a total of its own'),
    subject: z.string().nullable().describe('what the budget funds when the slide names it beside the amount ("過疎地域持続的発展支援交付金"); null: the program itself'),
    reference: z.boolean().describe('true for a 【参考】 figure: the budget of another body\'s program, not of this one'),
    sameAs: z.string().nullable().describe('id of the budget that states the same money more precisely (8.0億円 printed for 805百万円)'),
  })
  .describe('A budget statement (予算額)');
export type Budget = z.infer<typeof Budget>;

export const MeasureKind = z.enum(['特別交付税措置', '普通交付税措置', '地方債', '国庫補助']);
export const PerUnit = z.enum(['人', '団体', '県', '市町村', '年', '人日']);

export const CapComponent = z.object({
  label: z.string(),
  amount: Amount,
  perUnit: PerUnit.nullable(),
  at: Provenance,
});

export const MeasureRate = z.object({
  name: z.enum(['措置率', '充当率', '交付税措置率', '交付税算入率', '元利償還措置率', '補助率']),
  value: z.number().min(0),
  printed: z.string().describe('as printed, qualifiers kept: "0.5×財政力補正", "90%", "1/2"'),
  at: Provenance,
});

export const FiscalMeasure = z
  .object({
    ...ref,
    item: z.string().describe('the cost the measure covers, as printed'),
    scheme: z.string().nullable().describe('the variant of the program the measure belongs to, as its slide heads it: 企業派遣型, 副業型'),
    cap: Amount.nullable().describe('the cap (上限), when the measure has one'),
    formula: z.string().nullable().describe('the cap or amount as the formula printed: "15,000千円＋5千円×全参加者の延べ滞在日数"; the cap is its fixed part'),
    amount: Amount.nullable().describe('the amount provided for a standard local government, when the slide states one instead of a cap (普通交付税)'),
    basis: z.string().nullable().describe('what the amount is computed for: "標準団体（人口10万人）の場合"'),
    rates: z.array(MeasureRate).describe('every rate printed with the measure: 措置率, 充当率, 交付税措置率 …'),
    perUnit: PerUnit.nullable().describe('what the cap is per: 人 person, 団体 local government, 県 prefecture, 年 year'),
    perYear: z.boolean().describe('true when the cap is stated per year (年間 / ／年)'),
    rate: z.number().nullable().describe('措置率: share of the capped cost covered'),
    rateRaw: z.string().nullable(),
    kind: MeasureKind.nullable().describe('the kind of fiscal measure'),
    components: z.array(CapComponent).describe('parts the cap is the sum of, e.g. 報償費等 + その他活動経費'),
    previous: Amount.nullable().describe('the cap before a change stated as "A⇒B"'),
  })
  .describe('A fiscal measure (財政措置) with its cap and rate');
export type FiscalMeasure = z.infer<typeof FiscalMeasure>;

export const RateName = z.enum(['措置率', '充当率', '交付税措置率', '交付税算入率', '補助率', '元利償還措置率']);

export const Rate = z
  .object({
    ...ref,
    name: RateName,
    value: z.number().min(0).describe('the rate as a fraction (90% → 0.9, 1/2 → 0.5)'),
    printed: z.string(),
    context: z.string().describe('the text the rate applies to, as printed on the same line'),
  })
  .describe('A rate: 措置率, 充当率, 補助率 …');
export type Rate = z.infer<typeof Rate>;

export const Share = z.object({ label: z.string(), value: z.number(), printed: z.string(), at: Provenance });
export const ShareFigure = z
  .object({ ...ref, label: z.string(), value: z.number(), printed: z.string() })
  .describe('One share of a funding picture (½ 国費), whether or not it falls in a group');
export type ShareFigure = z.infer<typeof ShareFigure>;
export const ShareGroup = z
  .object({ ...ref, shares: z.array(Share).min(2) })
  .describe('Shares of a funding picture that belong together (e.g. ½ 国費 + ¼ 特別交付税 + ¼ 実質的な地方負担)');
export type ShareGroup = z.infer<typeof ShareGroup>;

export const SeriesPoint = z.object({
  fiscalYear: z.number().int().describe('Western fiscal year'),
  yearLabel: z.string().describe('the year as printed, normalized (e.g. "元年度")'),
  value: z.number(),
  printed: z.string(),
  at: Provenance,
});
export const Series = z
  .object({
    ...ref,
    label: z.string().describe('what is counted, e.g. 隊員数'),
    unit: z.string().nullable().describe('counter or unit, e.g. 人, 団体, 件'),
    points: z.array(SeriesPoint).min(2),
  })
  .describe('A time series by fiscal year');
export type Series = z.infer<typeof Series>;

export const BreakdownItem = z.object({ label: z.string(), value: z.number(), printed: z.string(), at: Provenance });
export const Breakdown = z
  .object({
    ...ref,
    label: z.string(),
    unit: z.string().nullable(),
    items: z.array(BreakdownItem).min(2),
    total: BreakdownItem.nullable().describe('the total printed with the breakdown, if any'),
  })
  .describe('A breakdown of a total into labelled parts (e.g. JET participants by country)');
export type Breakdown = z.infer<typeof Breakdown>;

export const Quantity = z
  .object({
    ...ref,
    value: z.number(),
    unit: z.string().describe('counter or unit as printed after the number (人, 団体, %, 万円 …)'),
    printed: z.string(),
    approximate: z.boolean(),
    context: z.string().describe('the normalized line the number stands in'),
    contextOffset: z.number().int().nonnegative().describe('where the number starts in `context`'),
  })
  .describe('Any number with a counter or unit, so that checks can select figures by meaning');
export type Quantity = z.infer<typeof Quantity>;

export const DateMention = z
  .object({
    ...ref,
    era: z.enum(['令和', '平成', '昭和', '西暦']),
    eraYear: z.number().int().nullable(),
    year: z.number().int(),
    month: z.number().int().min(1).max(12).nullable(),
    day: z.number().int().min(1).max(31).nullable(),
    endOfMonth: z.boolean().describe('"R5.3末": the end of that month'),
    fiscal: z.boolean().describe('a fiscal year (年度) rather than a calendar date'),
    printed: z.string(),
  })
  .describe('A date or fiscal year mentioned in the text');
export type DateMention = z.infer<typeof DateMention>;

export const Place = z
  .object({
    ...ref,
    prefecture: z.string().describe('one of the 47 prefectures'),
    municipality: z.string().nullable(),
    kind: z.enum(['list', 'mention']).describe('list: listed under a 【県名】 heading; mention: named in running text'),
    group: z.number().int().nullable().describe('for lists: index of the list item (one item may name several municipalities)'),
  })
  .describe('A prefecture or municipality named in the briefing');
export type Place = z.infer<typeof Place>;

export const TableCell = z.object({
  printed: z.string(),
  value: z.number().nullable().describe('null for an empty cell (－)'),
  at: Provenance,
});
export const TableRow = z
  .object({ ...ref, label: z.string(), cells: z.array(TableCell).min(2) })
  .describe('A row of a numeric table: a label and cells that hold only numbers');
export type TableRow = z.infer<typeof TableRow>;
