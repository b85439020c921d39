import { z } from 'zod';

const text = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const common = {
  program: z.string().optional().describe('program number, e.g. "19" or "21-③"'),
  slide: z.string().optional().describe('a phrase of the slide title'),
  nth: z.number().int().positive().optional().describe('which match, in page order, when several match'),
};

/** Selectors pick figures by meaning (program, labels, words around them), never by line number. */
export const FigureSelector = z.union([
  z.object({
    quantity: z.strictObject({
      ...common,
      line: text.optional().describe('words that must all stand on the same line'),
      before: z.string().optional().describe('words just before the number on its line'),
      after: z.string().optional().describe('words just after the number and its unit'),
      unit: z.string().optional().describe('counter or unit: 人, 団体, %, 円 …'),
      all: z.boolean().optional().describe('take every match (in parts of a sum) instead of exactly one'),
    }),
  }),
  z.object({ budget: z.strictObject({ ...common, label: z.string().optional() }) }),
  z.object({
    cap: z.strictObject({
      ...common,
      item: z.string().optional(),
      component: z.string().optional(),
      previous: z.boolean().optional().describe('the cap before a change "A⇒B" (A) instead of after it (B)'),
    }),
  }),
  z.object({ rate: z.strictObject({ ...common, name: z.string().optional(), line: text.optional() }) }),
  z.object({ share: z.strictObject({ ...common, label: z.string() }) }),
  z.object({ series: z.strictObject({ ...common, label: z.string(), year: z.number().int().optional(), all: z.boolean().optional() }) }),
  z.object({ breakdown: z.strictObject({ ...common, item: z.string().optional(), total: z.boolean().optional(), all: z.boolean().optional() }) }),
  z.object({
    cell: z.strictObject({ ...common, row: z.string(), column: z.number().int().positive(), empty: z.literal('zero').optional() }),
  }),
  z.object({ 'sheet-count': z.strictObject({ ...common, note: z.string(), label: z.string() }) }),
  z.object({
    places: z.strictObject({
      ...common,
      kind: z.enum(['list', 'mention']),
      count: z.enum(['items', 'municipalities', 'prefectures']),
      suffix: z.enum(['都', '道', '府', '県']).optional().describe('count only prefectures ending so'),
      line: text.optional(),
    }),
  }),
  z.object({ date: z.strictObject({ ...common, printed: z.string().optional(), line: text.optional(), field: z.enum(['year', 'eraYear']).optional() }) }),
  z.object({ constant: z.string().describe('name of an entry under constants:') }),
]);
export type FigureSelector = z.infer<typeof FigureSelector>;

const one = FigureSelector;
const many = z.array(FigureSelector).min(1);
const rounding = z.enum(['round', 'floor', 'ceil', 'truncate']);

const base = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('stable id, kebab-case'),
  statement: z.string().min(1).describe('the check in plain language, for the people who update figures'),
  acknowledged: z
    .strictObject({
      reason: z.string().min(1),
      expected: z.string().optional().describe('the computed value when acknowledged: any change to the figures makes the check an error again'),
      actual: z.string().optional().describe('the printed value when acknowledged'),
    })
    .optional()
    .describe('a known inconsistency of the source: reported as a warning while the figures stay as they were'),
};

export const Check = z.discriminatedUnion('relation', [
  z.strictObject({ ...base, relation: z.literal('sum'), total: one, parts: many, tolerance: z.number().nonnegative().optional() }),
  z.strictObject({
    ...base,
    relation: z.literal('ratio'),
    value: one,
    numerator: many,
    denominator: many,
    percent: z.boolean().default(true),
    round: rounding.default('round'),
    digits: z.number().int().min(0).max(4).default(0),
  }),
  z.strictObject({
    ...base,
    relation: z.literal('multiplier'),
    value: one,
    base: one,
    factors: z.array(z.number().positive()).min(1),
    round: rounding.default('truncate'),
    digits: z.number().int().min(0).max(4).default(1),
  }),
  z.strictObject({ ...base, relation: z.literal('count'), value: one, items: one }),
  z.strictObject({
    ...base,
    relation: z.literal('equal'),
    values: z.array(FigureSelector).min(2),
    round: rounding.optional().describe('compare after rounding every value to `unit`'),
    unit: z.number().positive().optional(),
  }),
  z.strictObject({ ...base, relation: z.literal('at-most'), value: one, limit: one, factor: z.number().positive().default(1) }),
  z.strictObject({ ...base, relation: z.literal('ordered'), values: many, order: z.enum(['increasing', 'decreasing']), strict: z.boolean().default(true) }),
  z.strictObject({ ...base, relation: z.literal('span'), count: one, from: one, to: one }),
  z.strictObject({ ...base, relation: z.literal('nth-since'), nth: one, since: one, year: z.number().int().optional() }),
  z.strictObject({
    ...base,
    relation: z.literal('same-term'),
    terms: z.array(z.strictObject({ program: z.string().optional(), pattern: z.string().min(1) })).min(2),
  }),
]);
export type Check = z.infer<typeof Check>;

export const Acknowledgement = z.strictObject({
  rule: z.string().min(1).describe('id of the generic rule, e.g. date-plausible'),
  program: z.string().optional(),
  printed: z.string().optional().describe('the figure as printed, e.g. R30.11.2'),
  reason: z.string().min(1),
});

export const ChecksFile = z
  .strictObject({
    version: z.literal(1),
    constants: z.record(z.string(), z.strictObject({ value: z.number(), note: z.string().min(1) })).default({}),
    checks: z.array(Check),
    acknowledge: z.array(Acknowledgement).default([]).describe('generic findings known to be right in the source, with the reason'),
  })
  .describe('Declared cross-checks of one edition (sources/<edition>/checks.yaml)');
export type ChecksFile = z.infer<typeof ChecksFile>;
