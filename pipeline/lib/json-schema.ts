import { z } from 'zod';
import { Briefing } from '../../schemas/briefing.ts';
import { ChecksFile } from '../../schemas/checks.ts';
import { DeliveryManifest } from '../../schemas/delivery.ts';
import { EditionDiff } from '../../schemas/diff.ts';
import { Manifest } from '../../schemas/manifest.ts';
import { PacksManifest } from '../../schemas/packs.ts';
import { ProgramFrontMatter } from '../../schemas/program-document.ts';
import { ValidationReport } from '../../schemas/validation.ts';

/** The JSON Schema files generated from the zod schemas (the single source of truth). */
export const JSON_SCHEMAS: Record<string, z.ZodType> = {
  'briefing.schema.json': Briefing,
  'manifest.schema.json': Manifest,
  'checks.schema.json': ChecksFile,
  'validation.schema.json': ValidationReport,
  'diff.schema.json': EditionDiff,
  'program-document.schema.json': ProgramFrontMatter,
  'packs.schema.json': PacksManifest,
  'delivery.schema.json': DeliveryManifest,
};

export function renderJsonSchema(name: string): string {
  // a schema used in several places is written once under $defs and referenced (Provenance,
  // FigureChange …) where that makes the file shorter; the named ones ($defs by .meta id) always are
  const [schema] = (['ref', 'inline'] as const)
    .map((reused) => z.toJSONSchema(JSON_SCHEMAS[name]!, { target: 'draft-2020-12', io: 'input', reused }))
    .sort((a, b) => JSON.stringify(a, null, 2).split('\n').length - JSON.stringify(b, null, 2).split('\n').length);
  return JSON.stringify({ $id: `https://briefing-pack.invalid/schemas/${name}`, ...schema }, null, 2) + '\n';
}
