import { z } from 'zod';

const text = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .meta({ id: 'Words', description: 'words that must all stand on the figure\'s line (part of the line, spaces ignored); a list for several words. Keep digits and years out of them: a new edition changes those' });
const common = {
  program: z.string().optional().describe('program number as the contact list prints it, e.g. "19" or "21-③" (matches exactly)'),
  slide: z.string().optional().describe('words of the title of the slide the figure stands on (part of the title)'),
  nth: z.number().int().positive().optional().describe('which match, in page order, when several match (1 = the first)'),
};
const all = z.boolean().optional().describe('take every match (the parts of a sum) instead of exactly one');

/** Selectors pick figures by meaning (program, labels, words around them), never by line number. */
export const FigureSelector = z
  .union([
    z
      .object({
        quantity: z
          .strictObject({
            ...common,
            line: text.optional(),
            before: z.string().optional().describe('words just before the number on its line (the end of what precedes it)'),
            after: z.string().optional().describe('words just after the number and its unit (the start of what follows it)'),
            unit: z.string().optional().describe('counter or unit printed with the number: 人, 団体, %, 円 … (matches exactly)'),
            all,
          })
          .describe('a number printed in the text with its counter or unit'),
      })
      .describe('quantity selector'),
    z
      .object({ budget: z.strictObject({ ...common, label: z.string().optional().describe('the budget line\'s label as `briefing figures` lists it, e.g. R6当初予算額 (matches exactly)') }).describe('a budget line (予算額, 計画額) of a program') })
      .describe('budget selector'),
    z
      .object({
        cap: z
          .strictObject({
            ...common,
            item: z.string().optional().describe('words of the measure\'s item, e.g. 地域おこし協力隊員の活動に要する経費 (part of the item)'),
            component: z.string().optional().describe('words of one component of the cap, e.g. 報償費等 (part of its label); without it, the cap itself'),
            previous: z.boolean().optional().describe('the cap before a change "A⇒B" (A) instead of after it (B)'),
          })
          .describe('the cap (上限) of a fiscal measure, one of its components, or the cap it replaced'),
      })
      .describe('cap selector'),
    z
      .object({ rate: z.strictObject({ ...common, name: z.string().optional().describe('the rate\'s name as `briefing figures` lists it, e.g. 措置率 or 交付税措置率 (matches exactly)'), line: text.optional() }).describe('a rate (措置率, 充当率, 補助率 …)') })
      .describe('rate selector'),
    z
      .object({ share: z.strictObject({ ...common, label: z.string().describe('the share\'s label, e.g. 特別交付税 (matches exactly)') }).describe('a fraction of a whole (½, ¼) with its label') })
      .describe('share selector'),
    z
      .object({
        series: z
          .strictObject({ ...common, label: z.string().describe('the series\' label, e.g. 隊員数 (matches exactly)'), year: z.number().int().optional().describe('the point of this Western fiscal year, e.g. 2023; without it, every point'), all })
          .describe('a point of a time series by fiscal year'),
      })
      .describe('series selector'),
    z
      .object({
        breakdown: z
          .strictObject({ ...common, item: z.string().optional().describe('the item\'s label, e.g. 米国 (matches exactly)'), total: z.boolean().optional().describe('the breakdown\'s printed total (総数) instead of an item'), all })
          .describe('an item or the total of a breakdown (a total and its parts printed together)'),
      })
      .describe('breakdown selector'),
    z
      .object({
        cell: z
          .strictObject({
            ...common,
            row: z.string().describe('the row\'s label, its first cell (matches exactly, spaces ignored)'),
            column: z.number().int().positive().describe('the column among the row\'s figures, 1 = the first after the label'),
            empty: z.literal('zero').optional().describe('read an empty cell (－) as 0 instead of matching nothing'),
          })
          .describe('a cell of a table row'),
      })
      .describe('cell selector'),
    z
      .object({
        'sheet-count': z
          .strictObject({ ...common, note: z.string().describe('the note heading the counts (matches exactly)'), label: z.string().describe('the count\'s label (matches exactly)') })
          .describe('a count of a sheet printed on several slides, from its first copy'),
      })
      .describe('sheet-count selector'),
    z
      .object({
        places: z
          .strictObject({
            ...common,
            kind: z.enum(['list', 'mention']).describe('list: places listed as items; mention: places named in the text'),
            count: z.enum(['items', 'municipalities', 'prefectures']).describe('what to count: listed items, municipalities, or distinct prefectures'),
            suffix: z.enum(['都', '道', '府', '県']).optional().describe('count only prefectures ending so'),
            line: text.optional(),
          })
          .describe('a number counted from the places the slides list or name (not a printed figure)'),
      })
      .describe('places selector'),
    z
      .object({
        date: z
          .strictObject({
            ...common,
            printed: z.string().optional().describe('the date as printed, e.g. 令和6年3月31日 or R6.3.31 (matches exactly)'),
            line: text.optional(),
            field: z.enum(['year', 'eraYear']).optional().describe('the value to compare: the Western year (default) or the year of the era (令和6 → 6)'),
          })
          .describe('a date or fiscal year printed in the text'),
      })
      .describe('date selector'),
    z.object({ constant: z.string().describe('name of an entry under constants:') }).describe('a constant of the checks file'),
  ])
  .meta({ id: 'FigureSelector', description: 'one figure of the briefing (or a constant), chosen by meaning; `briefing figures` prints one for every figure' });
export type FigureSelector = z.infer<typeof FigureSelector>;

const one = FigureSelector;
const many = z.array(FigureSelector).min(1).meta({ id: 'Selectors', description: 'one or more selectors; with `all: true` a selector adds every figure it matches' });
const rounding = z.enum(['round', 'floor', 'ceil', 'truncate']).meta({ id: 'Rounding', description: 'how the computed value is brought to the printed digits' });
const digits = (d: number) => z.number().int().min(0).max(4).default(d).describe('decimal places the printed value has');

const base = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('stable id, kebab-case'),
  statement: z
    .string()
    .min(1)
    .describe(
      'the check in plain language, for the people who update figures; write its figures as placeholders of its fields — {total}, {value}, {parts} (all, joined with 、) or {parts.0} (one entry) — so that every edition prints its own figures (quote a statement that starts with {)',
    ),
  acknowledged: z
    .strictObject({
      reason: z.string().min(1).describe('why the source is inconsistent here, for the next person who reads the report'),
      expected: z.string().optional().describe('the computed value when acknowledged: any change to the figures makes the check an error again'),
      actual: z.string().optional().describe('the printed value when acknowledged'),
    })
    .optional()
    .describe('a known inconsistency of the source: reported as a warning while the figures stay as they were'),
};

const relation = <T extends string>(name: T, description: string) => z.literal(name).describe(description);

export const Check = z
  .discriminatedUnion('relation', [
    z.strictObject({
      ...base,
      relation: relation('sum', 'total = the sum of the parts (or, with bound: at-most, the parts stay within the total)'),
      total: one.describe('the printed total, or the limit with bound: at-most'),
      parts: many.describe('the parts that add up to it'),
      bound: z.enum(['equal', 'at-most']).default('equal').describe('equal: the parts add up to the total; at-most: their sum does not exceed it (a budget and what is drawn on it)'),
      tolerance: z.number().nonnegative().optional().describe('largest difference still accepted (in the figures\' unit: yen for amounts)'),
    }),
    z.strictObject({
      ...base,
      relation: relation('ratio', 'value = numerator ÷ denominator (× 100 when percent), rounded to the printed digits'),
      value: one.describe('the printed ratio or percentage'),
      numerator: many.describe('figures added up above the line'),
      denominator: many.describe('figures added up below the line'),
      percent: z.boolean().default(true).describe('the value is a percentage (× 100)'),
      round: rounding.default('round'),
      digits: digits(0),
    }),
    z.strictObject({
      ...base,
      relation: relation('multiplier', 'value = base × every factor × every `by` figure ÷ every `per` figure, cut to the printed digits'),
      value: one.describe('the printed result'),
      base: one.describe('the figure multiplied'),
      factors: z.array(z.number().positive()).default([]).describe('numbers it is multiplied by, e.g. [1.25]'),
      by: many.optional().describe('figures it is multiplied by (a new rate: 60%)'),
      per: many.optional().describe('figures it is divided by (the old rate: 50%), so that 96 = 80 × 60% ÷ 50%'),
      round: rounding.default('truncate'),
      digits: digits(1),
    }),
    z.strictObject({ ...base, relation: relation('count', 'value = how many figures `items` matches'), value: one.describe('the printed count'), items: one.describe('a selector with all: true, or a places count') }),
    z.strictObject({
      ...base,
      relation: relation('equal', 'every value is the same (a figure printed on two slides, a cap and its repeat)'),
      values: z.array(FigureSelector).min(2).describe('two or more figures that must be equal'),
      round: rounding.optional().describe('compare after rounding every value to `unit`'),
      unit: z.number().positive().optional().describe('the step values are rounded to before comparing, e.g. 100000000 for 億円'),
    }),
    z.strictObject({
      ...base,
      relation: relation('at-most', 'value ≤ limit × factor'),
      value: one.describe('the figure bounded'),
      limit: one.describe('the bound'),
      factor: z.number().positive().default(1).describe('the bound is limit × factor'),
    }),
    z.strictObject({
      ...base,
      relation: relation('ordered', 'the values go up (or down) in the order given'),
      values: many.describe('the figures in order'),
      order: z.enum(['increasing', 'decreasing']).describe('the direction'),
      strict: z.boolean().default(true).describe('no two neighbours equal (false: equal neighbours pass)'),
    }),
    z.strictObject({
      ...base,
      relation: relation('span', 'count = the length of a period between two dates, counted as `counting` says'),
      count: one.describe('the printed number of years (or months)'),
      from: one.describe('the start (a date selector)'),
      to: one.describe('the end (a date selector)'),
      counting: z
        .enum(['fiscal-years', 'elapsed'])
        .default('fiscal-years')
        .describe('fiscal-years: the years from one to the other, both counted (平成27年度から平成29年度までの3年間: 29 − 27 + 1); elapsed: the time from one date to the other (令和6年3月31日 → 令和9年3月31日: 3年間延長)'),
      unit: z.enum(['years', 'months']).default('years').describe('with counting: elapsed, what count counts'),
    }),
    z.strictObject({
      ...base,
      relation: relation('nth-since', 'nth = year − since + 1: the edition of something held every year since `since` (令和6年度で42回目)'),
      nth: one.describe('the printed ordinal (回目)'),
      since: one.describe('the first year (a date selector)'),
      year: z.number().int().optional().describe('the Western year the ordinal is counted to; default the year printed just before the count (令和6年度で42回目), else the edition\'s fiscal year'),
    }),
    z.strictObject({
      ...base,
      relation: relation('row-sum', 'in every row of a table (or of every copy of an embedded sheet), the total column = the sum of the part columns (with bound: at-most, the parts stay within it)'),
      rows: z
        .strictObject({
          program: common.program,
          slide: common.slide,
          row: text.optional().describe('words of the row label (a sheet row: its year, R3), to take some rows only'),
          sheet: z.boolean().optional().describe('the rows of every copy of the program\'s embedded sheets instead of its tables'),
        })
        .describe('the rows: every table row of the program (on the slide) with figures in the columns named'),
      total: z.number().int().positive().describe('the column of the total, 1 = the first figure after the label'),
      parts: z.array(z.number().int().positive()).min(1).describe('the columns that add up to it'),
      bound: z.enum(['equal', 'at-most']).default('equal').describe('equal: the parts add up to the total; at-most: their sum does not exceed it'),
      empty: z.literal('zero').optional().describe('read an empty cell (－) as 0; without it, a row with an empty cell is skipped'),
    }),
    z.strictObject({
      ...base,
      relation: relation('same-term', 'the slides call one thing by one name: each pattern found, with the same text everywhere'),
      terms: z
        .array(z.strictObject({ program: z.string().optional().describe('the program whose slides are searched (default: all)'), pattern: z.string().min(1).describe('a regular expression whose first group is the term') }))
        .min(2)
        .describe('where the term is printed'),
    }),
  ])
  .meta({ id: 'Check', description: 'one declared cross-check of figures of the briefing' });
export type Check = z.infer<typeof Check>;

export const Acknowledgement = z
  .strictObject({
    rule: z.string().min(1).describe('id of the generic rule, e.g. date-plausible'),
    program: z.string().optional().describe('only its findings on this program'),
    printed: z.string().optional().describe('the figure as printed, e.g. R30.11.2'),
    reason: z.string().min(1).describe('why the finding is right about the source and stays'),
  })
  .describe('a finding of a generic rule accepted as a known inconsistency of the source');

export const ChecksFile = z
  .strictObject({
    version: z.literal(1).describe('the format of this file: 1'),
    constants: z
      .record(z.string(), z.strictObject({ value: z.number().describe('the number'), note: z.string().min(1).describe('where it comes from') }))
      .default({})
      .describe('named numbers a check may use ({ constant: name }), each with its origin'),
    checks: z.array(Check).describe('the declared checks, each with a stable id'),
    acknowledge: z.array(Acknowledgement).default([]).describe('generic findings known to be right in the source, with the reason'),
  })
  .describe('Declared cross-checks of one edition (sources/<edition>/checks.yaml)');
export type ChecksFile = z.infer<typeof ChecksFile>;
