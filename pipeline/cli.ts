import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import type { ValidationReport } from '../schemas/validation.ts';
import { BrowserNotFoundError, InputError, OutputError, PackVerificationError } from './lib/errors.ts';
import { PROJECT_ROOT } from './lib/paths.ts';

// Each command loads what it needs when it runs: `briefing --help` starts without the parser,
// the renderers or the browser driver.
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

/** Exit codes: 0 success, 1 the briefing has errors, 2 the input could not be read, 3 the outputs could not be written. */
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
    .description('parse and validate the briefing, then write out/<edition>/ (default source: the bundled R6 briefing)')
    .argument('[source]', 'a .txt or .pdf file, a folder or manifest.yaml, or an edition id such as r6')
    .option('-o, --out <dir>', 'output root', 'out')
    .option('-c, --checks <file>', 'declared checks (default: checks.yaml next to the manifest)')
    .option('-f, --force', 'render every output, even those whose inputs did not change')
    .option('--allow-errors', 'write the outputs even when the validation found errors')
    .option('--no-packs', 'skip the PDF packs (no browser needed)')
    .action(async (source: string | undefined, opts: { out: string; checks?: string; force?: boolean; allowErrors?: boolean; packs: boolean }) => {
      const [{ build }, { createProgressReporter }, { reporter }, { formatTerminal }] = await Promise.all([import('./commands/build.ts'), import('./render-pdf/progress.ts'), import('vfile-reporter'), import('./report/terminal.ts')]);
      const progress = opts.packs ? createProgressReporter() : null;
      const result = await build({ source, out: opts.out, checks: opts.checks, allowErrors: opts.allowErrors, force: opts.force, packs: opts.packs, onPackProgress: progress ? (d, t, n) => progress.onProgress(d, t, n) : undefined }).finally(() => progress?.stop());
      if (result.file.messages.length > 0) process.stderr.write(reporter([result.file], { quiet: true }) + '\n');
      if (result.report.summary.errors > 0 || result.report.summary.warnings > 0) process.stderr.write(formatTerminal(result.report, { color: process.stderr.isTTY }));
      if (result.refused) {
        process.stderr.write(`refused: ${result.report.summary.errors} validation error(s); nothing was written (use --allow-errors to write anyway)\n`);
        code = 1;
        return;
      }
      const b = result.briefing;
      const s = result.report.summary;
      process.stdout.write(
        `${b.edition}: ${b.programs.length} programs, ${b.slides.length} slides, ${b.budgets.length} budgets, ${b.measures.length} fiscal measures, ` +
          `${b.series.length} series; ${s.checksPassed} checks passed, ${s.errors} errors, ${s.warnings} warnings → ${result.outDir} ` +
          `(${result.written.length} written, ${result.unchanged.length} unchanged, ${result.skipped.length} up to date)\n`,
      );
      if (s.errors > 0) code = 1;
    });

  program
    .command('validate')
    .description('check the figures of a briefing; exit 1 when there are errors')
    .argument('[source]', 'a .txt or .pdf file, a folder or manifest.yaml, or an edition id such as r6')
    .option('-c, --checks <file>', 'declared checks (default: checks.yaml next to the manifest)')
    .option('--format <format>', 'terminal, json, sarif or github', 'terminal')
    .action(async (source: string | undefined, opts: { checks?: string; format: string }) => {
      const [{ readAndValidate }, { formatTerminal }, { formatSarif }, { formatGithub }, { fatalReport }, { DEFAULT_EDITION }] = await Promise.all([
        import('./commands/validate.ts'),
        import('./report/terminal.ts'),
        import('./report/sarif.ts'),
        import('./report/github.ts'),
        import('./report/fatal.ts'),
        import('./source.ts'),
      ]);
      const formats: Record<string, (r: ValidationReport) => string> = {
        terminal: (r) => formatTerminal(r, { color: process.stdout.isTTY }),
        json: (r) => JSON.stringify(r, null, 2) + '\n',
        sarif: (r) => formatSarif(r, pkg.version),
        github: (r) => formatGithub(r),
      };
      const format = formats[opts.format];
      if (!format) throw new InputError(`unknown format "${opts.format}": use ${Object.keys(formats).join(', ')}`, { file: '--format', ruleId: 'cli-format' });
      let report: ValidationReport;
      try {
        ({ report } = await readAndValidate({ source, checks: opts.checks }));
      } catch (err) {
        // A refused input still gives the machine formats a whole document, with the refusal in it.
        if (!(err instanceof InputError) || opts.format === 'terminal') throw err;
        // the edition is known by its id only; a path names no edition yet
        const edition = /^[a-z]+\d+$/i.test(source ?? DEFAULT_EDITION) ? (source ?? DEFAULT_EDITION) : 'unknown';
        process.stdout.write(format(fatalReport(err, { edition, source: err.file })));
        throw err;
      }
      process.stdout.write(format(report));
      if (report.summary.errors > 0) code = 1;
    });

  program
    .command('figures')
    .description('list the figures a check can name, each with a selector that names it alone')
    .argument('[source]', 'a .txt or .pdf file, a folder or manifest.yaml, or an edition id such as r6')
    .option('-p, --program <no>', 'only the figures of this program, e.g. 13 or 21-③')
    .option('-k, --kind <kind>', 'only figures of this kind: budget, cap, rate, share, series, breakdown, cell, sheet-count, date, quantity')
    .option('-n, --near <words>', 'only figures whose line or label holds all these words (space-separated)')
    .option('--format <format>', 'terminal or json', 'terminal')
    .action(async (source: string | undefined, opts: { program?: string; kind?: string; near?: string; format: string }) => {
      if (opts.format !== 'terminal' && opts.format !== 'json') throw new InputError(`unknown format "${opts.format}": use terminal or json`, { file: '--format', ruleId: 'cli-format' });
      const [{ listFigures }, { formatFigures }] = await Promise.all([import('./commands/figures.ts'), import('./report/figures.ts')]);
      const { parsed, entries } = await listFigures({ source, program: opts.program, kind: opts.kind, near: opts.near });
      process.stdout.write(opts.format === 'json' ? JSON.stringify({ edition: parsed.briefing.edition, source: parsed.briefing.source.file, figures: entries }, null, 2) + '\n' : formatFigures(entries, parsed.briefing));
    });

  program
    .command('init')
    .description('start a new edition under sources/ from an earlier one (manifest and checks to edit)')
    .argument('<edition>', 'the new edition id, e.g. r7')
    .requiredOption('--from <edition>', 'the edition to start from, e.g. r6')
    .option('--source <file>', 'the new briefing (.txt or .pdf), copied into the edition folder')
    .option('--fiscal-year <year>', 'Western fiscal year, when the edition id does not tell it', (v) => Number(v))
    .action(async (edition: string, opts: { from: string; source?: string; fiscalYear?: number }) => {
      const { initEdition } = await import('./commands/init.ts');
      const { dir, files } = await initEdition({ edition, from: opts.from, source: opts.source, fiscalYear: opts.fiscalYear });
      process.stdout.write(`created ${dir}: ${files.join(', ')}\n`);
    });

  program
    .command('diff')
    .description('compare two editions by meaning: programs, budgets, caps, series, contacts')
    .argument('<from>', 'the earlier edition (id, folder, manifest or file)')
    .argument('<to>', 'the later edition')
    .option('--format <format>', 'markdown or json', 'markdown')
    .action(async (from: string, to: string, opts: { format: string }) => {
      if (opts.format !== 'markdown' && opts.format !== 'json') throw new InputError(`unknown format "${opts.format}": use markdown or json`, { file: '--format', ruleId: 'cli-format' });
      const [{ diffSources }, { formatDiffMarkdown }] = await Promise.all([import('./commands/diff.ts'), import('./diff/markdown.ts')]);
      const diff = await diffSources(from, to);
      process.stdout.write(opts.format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : formatDiffMarkdown(diff));
    });

  program
    .command('schemas')
    .description('write the JSON Schema files generated from the zod schemas')
    .option('-o, --out <dir>', 'folder', join(PROJECT_ROOT, 'schemas'))
    .action(async (opts: { out: string }) => {
      const [{ JSON_SCHEMAS, renderJsonSchema }, { writeOutputs }, { ensureWritableRoot, onOutput }] = await Promise.all([import('./lib/json-schema.ts'), import('./build/write.ts'), import('./build/out-dir.ts')]);
      const files = Object.keys(JSON_SCHEMAS).map((name) => ({ path: name, content: renderJsonSchema(name) }));
      await ensureWritableRoot(opts.out);
      const result = await onOutput(opts.out, 'writing the schemas', () => writeOutputs(opts.out, files));
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
    if (err instanceof OutputError) {
      process.stderr.write(err.format() + '\n');
      return 3;
    }
    if (err instanceof PackVerificationError) {
      const { verification } = err;
      process.stderr.write(`error: the printed packs failed verification; nothing was written\n${verification.problems.map((p) => `  ${p.pack}: ${p.message}`).join('\n')}\n`);
      return 1;
    }
    if (err instanceof BrowserNotFoundError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return code;
}
