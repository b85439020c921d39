import { z } from 'zod';

/** packs.json: the distribution manifest of the PDF packs; types come from it, never written twice. */
export const PackFile = z.object({
  path: z.string().describe('path relative to the folder of packs.json, e.g. prefectures/13-tokyo.pdf'),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().positive(),
});

export const PackEntry = z
  .object({
    id: z.string().describe('"national" or "<JIS code>-<slug>", e.g. "13-tokyo"'),
    recipient: z.string().nullable().describe('the prefecture the pack is addressed to (千葉県), null for the national pack'),
    prefectureCode: z.number().int().min(1).max(47).nullable().describe('JIS X 0401 code'),
    mentions: z.number().int().nonnegative().describe('places of the briefing that name the prefecture or its municipalities'),
    files: z.array(PackFile).min(1),
  })
  .describe('One pack: the national one, or one prefecture with its files');

export const PacksManifest = z
  .object({
    schemaVersion: z.literal(1),
    edition: z.string(),
    title: z.string(),
    fiscalYear: z.number().int(),
    generatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    packs: z.array(PackEntry),
  })
  .describe('The PDF briefing packs of an edition, with sizes and SHA-256 of every file');
export type PacksManifest = z.infer<typeof PacksManifest>;
export type PackEntry = z.infer<typeof PackEntry>;
