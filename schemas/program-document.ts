import { z } from 'zod';
import { Program } from './briefing.ts';
import { BudgetKind } from './figures.ts';

const slide = z.number().int().positive().describe('slide index (1-based, equals the printed page number)');

export const FrontMatterBudget = z
  .object({
    label: z.string().describe('the label as printed, e.g. R6当初予算額'),
    subject: z.string().nullable().describe('the grant the budget funds, when the slide names one apart from the program'),
    kind: BudgetKind,
    yen: z.number().describe('exact amount in yen'),
    printed: z.string().describe('the amount as printed, e.g. 248百万円'),
    partOf: z.boolean().describe('内数: part of a larger budget line, not to be added up'),
    slide,
  })
  .describe('A budget line (予算額) of the program itself (【参考】 budgets of other bodies and reprints of the same money left out)');

export const FrontMatterChart = z
  .object({
    series: z.string().describe('id of the series in briefing.json'),
    figure: z.string().describe('the figure number in the document, e.g. 図1-1'),
    label: z.string().describe('what is counted, e.g. 隊員数'),
    unit: z.string().nullable(),
    src: z.string().regex(/^charts\/[a-z0-9-]+\.svg$/).describe('image path relative to the document'),
  })
  .describe('A chart the document shows, drawn from a time series');

export const FrontMatterSlide = z.object({ index: slide, title: z.string() });

export const ProgramFrontMatter = z
  .object({
    program: Program.shape.no,
    order: z.number().int().positive().describe('position in the contact list'),
    title: z.string().min(1).describe('施策名 as in the contact list'),
    edition: z.string(),
    fiscalYear: z.number().int().describe('Western fiscal year, e.g. 2024'),
    eraLabel: z.string().describe('the fiscal year as Japanese readers write it, e.g. 令和6年度'),
    generatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.object({ file: z.string().describe('the source file of the edition (full data with every figure and its source line: briefing.json)') }),
    slides: z.array(FrontMatterSlide),
    budgets: z.array(FrontMatterBudget),
    charts: z.array(FrontMatterChart),
  })
  .describe('Front matter of a per-program Markdown document (out/<edition>/programs/*.md): identity, slides and key figures; the full data stays in briefing.json');
export type ProgramFrontMatter = z.infer<typeof ProgramFrontMatter>;

/** The JSON Schema of the front matter (schemas/program-document.schema.json), like pipeline/json-schema.ts. */
export function renderFrontMatterJsonSchema(): string {
  const schema = z.toJSONSchema(ProgramFrontMatter, { target: 'draft-2020-12', io: 'input' });
  return JSON.stringify({ $id: 'https://briefing-pack.invalid/schemas/program-document.schema.json', ...schema }, null, 2) + '\n';
}
