import { z } from 'zod';
import { Provenance } from './provenance.ts';

export const DiffValue = z.object({
  value: z.number().nullable(),
  printed: z.string(),
  at: Provenance.nullable().describe('where the figure stands in its edition'),
  slide: z.number().int().positive().nullable().describe('the slide (page) of its edition it stands on'),
});

export const FigureChange = z.object({
  program: z.string().describe('program name (in the newer edition when it was renamed)'),
  programId: z.string().nullable().describe('the program\'s stable id (manifest), null where it has none'),
  programNo: z.string().describe('the program\'s number in the newer edition\'s contact list'),
  subject: z.string().describe('what changed: a budget label, a cap item, a series point, a contact'),
  kind: z.enum(['changed', 'added', 'removed']),
  before: DiffValue.nullable(),
  after: DiffValue.nullable(),
});
export type FigureChange = z.infer<typeof FigureChange>;

const ProgramRef = z.object({ no: z.string(), id: z.string().nullable().describe('stable id from the manifest'), name: z.string(), at: Provenance });

export const EditionDiff = z
  .object({
    schemaVersion: z.literal(1),
    from: z.object({ edition: z.string(), fiscalYear: z.number().int(), file: z.string() }),
    to: z.object({ edition: z.string(), fiscalYear: z.number().int(), file: z.string() }),
    programs: z.object({
      added: z.array(ProgramRef),
      removed: z.array(ProgramRef),
      renamed: z.array(z.object({ before: ProgramRef, after: ProgramRef })),
      renumbered: z.array(z.object({ before: ProgramRef, after: ProgramRef })),
    }),
    budgets: z.array(FigureChange).describe('予算額, keyed by label without its year (R6当初予算額 ↔ R7当初予算額)'),
    caps: z.array(FigureChange).describe('caps of fiscal measures, their components, previous caps and standard amounts'),
    rates: z.array(FigureChange).describe('措置率, 充当率, 補助率 … of measures and in the text'),
    shares: z.array(FigureChange).describe('負担割合'),
    series: z.array(FigureChange).describe('points of time series, by fiscal year (a new year is "added")'),
    breakdowns: z.array(FigureChange).describe('items and totals of breakdowns (内訳)'),
    quantities: z.array(FigureChange).describe('numbers in running text, keyed by their sentence without its numbers'),
    tables: z.array(FigureChange).describe('cells of tables, by row label and column'),
    sheets: z.array(FigureChange).describe('cells of embedded survey sheets, by copy, year and column'),
    dates: z.array(FigureChange).describe('dates and fiscal years, keyed by their sentence without its numbers'),
    places: z.array(FigureChange).describe('how many prefectures and municipalities a program names'),
    contacts: z.array(FigureChange).describe('departments, people and phones of the contact list'),
    sentences: z
      .array(FigureChange)
      .describe('sentences of the slides (headings, text, list items, notes, fields) new, gone or reworded, compared without their numbers and spacing; subject is the slide title'),
  })
  .describe('What changed between two editions of the briefing, by meaning');
export type EditionDiff = z.infer<typeof EditionDiff>;
