import { z } from 'zod';
import { Provenance } from './provenance.ts';

export const DiffValue = z.object({
  value: z.number().nullable(),
  printed: z.string(),
  at: Provenance.nullable().describe('where the figure stands in its edition'),
});

export const FigureChange = z.object({
  program: z.string().describe('program name (in the newer edition when it was renamed)'),
  subject: z.string().describe('what changed: a budget label, a cap item, a series point, a contact'),
  kind: z.enum(['changed', 'added', 'removed']),
  before: DiffValue.nullable(),
  after: DiffValue.nullable(),
});
export type FigureChange = z.infer<typeof FigureChange>;

const ProgramRef = z.object({ no: z.string(), name: z.string(), at: Provenance });

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
    budgets: z.array(FigureChange),
    caps: z.array(FigureChange),
    series: z.array(FigureChange),
    contacts: z.array(FigureChange),
  })
  .describe('What changed between two editions of the briefing, by meaning');
export type EditionDiff = z.infer<typeof EditionDiff>;
