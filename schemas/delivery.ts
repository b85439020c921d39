import { z } from 'zod';

const DeliveryFile = z.object({
  path: z.string().describe('relative to the delivery folder: 32-shimane/contacts.xlsx, 32-shimane.zip'),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const DeliveryFolder = z
  .object({
    id: z.string().describe('"<JIS code>-<slug>", e.g. "32-shimane"'),
    recipient: z.string().describe('the prefecture the folder is sent to'),
    prefectureCode: z.number().int().min(1).max(47).describe('JIS X 0401 code'),
    folder: z.string().describe('the folder under delivery/'),
    files: z.array(DeliveryFile).min(1).describe('every file of the folder, its SHA256SUMS included'),
    zip: DeliveryFile.describe('the folder as one zip, beside it'),
  })
  .describe('What one prefecture receives');
export type DeliveryFolder = z.infer<typeof DeliveryFolder>;

export const DeliveryManifest = z
  .object({
    schemaVersion: z.literal(1),
    edition: z.string(),
    title: z.string(),
    generatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    folders: z.array(DeliveryFolder),
  })
  .describe('delivery/manifest.json: the distribution of an edition, one folder and one zip per prefecture, with sizes and SHA-256');
export type DeliveryManifest = z.infer<typeof DeliveryManifest>;
