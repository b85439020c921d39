import { z } from 'zod';
import { Phone, Program } from './briefing.ts';
import { BudgetKind, MeasureKind, PerUnit } from './figures.ts';

const line = z.number().int().positive().describe('1-based line in the original source file');
const slide = z.number().int().positive().describe('slide index (1-based, equals the printed page number)');

export const FrontMatterDepartment = z.object({
  name: z.string().min(1).describe('担当課室'),
  people: z.array(z.string().min(1)).describe('担当者, in the order printed'),
  phones: z.array(Phone).describe('電話番号 of this department in the contact list'),
});

export const FrontMatterSlidePhone = z
  .object({ phone: Phone, slide, line })
  .describe('a phone printed on the program slides themselves (shown as スライド記載)');

export const FrontMatterBudget = z
  .object({
    id: z.string(),
    label: z.string().describe('the label as printed, e.g. R6当初予算額'),
    kind: BudgetKind,
    fiscalYear: z.number().int().nullable(),
    yen: z.number().describe('exact amount in yen'),
    printed: z.string().describe('the amount as printed, e.g. 248百万円'),
    approximate: z.boolean(),
    partOf: z.boolean().describe('内数: part of a larger budget line, not to be added up'),
    slide,
    line,
  })
  .describe('A budget line (予算額) of the program');

export const FrontMatterMeasure = z
  .object({
    id: z.string(),
    item: z.string().describe('the cost the measure covers, as printed'),
    kind: MeasureKind.nullable(),
    capYen: z.number().nullable().describe('the cap (上限) in yen'),
    capPrinted: z.string().nullable(),
    perUnit: PerUnit.nullable(),
    perYear: z.boolean(),
    rate: z.number().nullable().describe('措置率 as a fraction'),
    previousYen: z.number().nullable().describe('the cap before a change stated as "A⇒B"'),
    components: z.array(z.object({ label: z.string(), yen: z.number(), printed: z.string() })),
    slide,
    line,
  })
  .describe('A fiscal measure (財政措置) of the program with its cap');

export const FrontMatterChart = z
  .object({
    series: z.string().describe('id of the series in briefing.json'),
    label: z.string().describe('what is counted, e.g. 隊員数'),
    unit: z.string().nullable(),
    src: z.string().regex(/^charts\/[a-z0-9-]+\.svg$/).describe('image path relative to the document; the PDF stage draws it'),
  })
  .describe('A chart the document refers to, to be drawn from a time series');

export const FrontMatterSlide = z.object({
  index: slide,
  printedPage: z.number().int().positive().nullable(),
  title: z.string(),
  startLine: line,
  endLine: line,
});

export const FrontMatterValidation = z
  .object({
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    acknowledged: z.number().int().nonnegative(),
    failedIds: z.array(z.string()),
    acknowledgedIds: z.array(z.string()),
  })
  .describe('Checks of validation.json that involve this program, by outcome');

export const ProgramFrontMatter = z
  .object({
    program: Program.shape.no,
    order: z.number().int().positive().describe('position in the contact list'),
    title: z.string().min(1).describe('施策名 as in the contact list'),
    edition: z.string(),
    fiscalYear: z.number().int().describe('Western fiscal year, e.g. 2024'),
    eraLabel: z.string().describe('the fiscal year as Japanese readers write it, e.g. 令和6年度'),
    generatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.object({ file: z.string().describe('the source file of the edition; its slides and lines are under slides') }),
    departments: z.array(FrontMatterDepartment).min(1),
    slidePhones: z.array(FrontMatterSlidePhone),
    budgets: z.array(FrontMatterBudget),
    measures: z.array(FrontMatterMeasure),
    charts: z.array(FrontMatterChart),
    slides: z.array(FrontMatterSlide),
    validation: FrontMatterValidation,
  })
  .describe('Front matter of a per-program Markdown document (out/<edition>/programs/*.md)');
export type ProgramFrontMatter = z.infer<typeof ProgramFrontMatter>;

/** The JSON Schema of the front matter (schemas/program-document.schema.json), like pipeline/json-schema.ts. */
export function renderFrontMatterJsonSchema(): string {
  const schema = z.toJSONSchema(ProgramFrontMatter, { target: 'draft-2020-12', io: 'input' });
  return JSON.stringify({ $id: 'https://briefing-pack.invalid/schemas/program-document.schema.json', ...schema }, null, 2) + '\n';
}
