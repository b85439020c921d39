import { z } from 'zod';

export const ProgramAlias = z.object({
  program: z.string().describe('program number as in the contact list, e.g. "9" or "21-③"'),
  phrases: z.array(z.string().min(1)).min(1).describe('phrases that identify this program in slide titles'),
  reason: z.string().min(1).describe('why the alias is needed'),
});

export const NotPageStart = z.object({
  text: z.string().min(1).describe('normalized text of a line that looks like a page start but is not'),
  reason: z.string().min(1),
});

/** The manifest that sits next to every bundled briefing (sources/<edition>/manifest.yaml). */
export const Manifest = z
  .object({
    edition: z.string().regex(/^[a-z][0-9a-z-]*$/).describe('short edition id, e.g. r6'),
    title: z.string().min(1),
    publisher: z.string().min(1),
    fiscalYear: z.number().int().min(1989).max(2100).describe('Western fiscal year (April–March), e.g. 2024'),
    era: z.object({ name: z.enum(['令和', '平成']), year: z.number().int().positive() }),
    source: z.object({
      file: z.string().min(1).describe('path of the source, relative to the manifest'),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable()
        .describe('checksum of the source; null until the source is added (briefing init)'),
    }),
    generatedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .describe('fixed date stamped on generated documents, so reruns are byte-stable'),
    programAliases: z.array(ProgramAlias).default([]),
    notPageStarts: z.array(NotPageStart).default([]),
  })
  .describe('Manifest of one briefing edition');
export type Manifest = z.infer<typeof Manifest>;
