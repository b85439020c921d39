import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { reporter } from 'vfile-reporter';
import { build } from './commands/build.ts';
import { InputError } from './errors.ts';
import { JSON_SCHEMAS, renderJsonSchema } from './json-schema.ts';
import { PROJECT_ROOT } from './source.ts';
import { writeOutputs } from './write.ts';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

/** Exit codes: 0 success, 1 the briefing has errors, 2 the input could not be read. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('briefing')
    .description('Turn a 総務省 地域力創造グループ policy briefing into checked data and prefecture packs.')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('build')
    .description('parse the briefing and write out/<edition>/ (default source: the bundled R6 briefing)')
    .argument('[source]', 'a .txt or .pdf file, a folder or manifest.yaml, or an edition id such as r6')
    .option('-o, --out <dir>', 'output root', 'out')
    .action(async (source: string | undefined, opts: { out: string }) => {
      const result = await build({ source, out: opts.out });
      if (result.file.messages.length > 0) process.stderr.write(reporter([result.file], { quiet: true }) + '\n');
      const b = result.briefing;
      process.stdout.write(
        `${b.edition}: ${b.programs.length} programs, ${b.slides.length} slides, ${b.budgets.length} budgets, ${b.measures.length} fiscal measures, ` +
          `${b.series.length} series → ${result.outDir} (${result.written.length} written, ${result.unchanged.length} unchanged)\n`,
      );
    });

  program
    .command('schemas')
    .description('write the JSON Schema files generated from the zod schemas')
    .option('-o, --out <dir>', 'folder', join(PROJECT_ROOT, 'schemas'))
    .action(async (opts: { out: string }) => {
      const files = Object.keys(JSON_SCHEMAS).map((name) => ({ path: name, content: renderJsonSchema(name) }));
      const result = await writeOutputs(opts.out, files);
      process.stdout.write(`${result.written.length} written, ${result.unchanged.length} unchanged in ${opts.out}\n`);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof InputError) {
      process.stderr.write(err.format() + '\n');
      return 2;
    }
    throw err;
  }
  return code;
}
