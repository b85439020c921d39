import type { Command } from 'commander';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../lib/paths.ts';
import type { CliContext } from './context.ts';

/** `briefing schemas`: the JSON Schema files generated from the zod schemas. */
export function registerSchemas(program: Command, ctx: CliContext): void {
  program
    .command('schemas')
    .description('write the JSON Schema files generated from the zod schemas')
    .option('-o, --out <dir>', 'folder', join(PROJECT_ROOT, 'schemas'))
    .action(async (opts: { out: string }) => {
      const [{ JSON_SCHEMAS, renderJsonSchema }, { writeOutputs }, { ensureWritableRoot, onOutput }] = await Promise.all([import('../lib/json-schema.ts'), import('../build/write.ts'), import('../build/out-dir.ts')]);
      const files = Object.keys(JSON_SCHEMAS).map((name) => ({ path: name, content: renderJsonSchema(name) }));
      await ensureWritableRoot(opts.out);
      const result = await onOutput(opts.out, 'writing the schemas', () => writeOutputs(opts.out, files));
      process.stdout.write(`${result.written.length} written, ${result.unchanged.length} unchanged in ${opts.out}\n`);
    });
}
