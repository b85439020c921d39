import type { Command } from 'commander';
import type { CliContext } from './context.ts';

/** `briefing build`: parse, validate and render an edition into out/<edition>/. */
export function registerBuild(program: Command, ctx: CliContext): void {
  program
    .command('build')
    .description('parse and validate the briefing, then write out/<edition>/ (default source: the bundled R6 briefing)')
    .argument('[source]', 'a .txt or .pdf file, a folder or manifest.yaml, or an edition id such as r6')
    .option('-o, --out <dir>', 'output root', 'out')
    .option('-c, --checks <file>', 'declared checks (default: checks.yaml next to the manifest)')
    .option('-f, --force', 'render every output, even those whose inputs did not change')
    .option('--allow-errors', 'write the outputs even when the validation found errors')
    .option('--no-packs', 'skip the PDF packs and the delivery folders (no browser needed)')
    .option('--since <edition>', 'the previous edition to list changes since (default: the manifest\'s previous, if any)')
    .action(async (source: string | undefined, opts: { out: string; checks?: string; force?: boolean; allowErrors?: boolean; packs: boolean; since?: string }) => {
      const [{ build }, { reporter }, { formatTerminal }] = await Promise.all([import('../commands/build.ts'), import('vfile-reporter'), import('../report/terminal.ts')]);
      // the progress bar of the packs; the PDF renderer itself (its browser driver, pdf-lib, charts) is loaded only when a pack is rendered
      const progress = opts.packs ? (await import('./progress.ts')).createProgressReporter() : null;
      const result = await build({ source, out: opts.out, checks: opts.checks, allowErrors: opts.allowErrors, force: opts.force, packs: opts.packs, since: opts.since, onPackProgress: progress ? (d, t, n) => progress.onProgress(d, t, n) : undefined }).finally(() => progress?.stop());
      if (result.file.messages.length > 0) process.stderr.write(reporter([result.file], { quiet: true }) + '\n');
      if (result.report.summary.errors > 0 || result.report.summary.warnings > 0) process.stderr.write(formatTerminal(result.report, { color: process.stderr.isTTY }));
      if (result.refused) {
        process.stderr.write(`refused: ${result.report.summary.errors} validation error(s); nothing was written (use --allow-errors to write anyway)\n`);
        ctx.fail();
        return;
      }
      const b = result.briefing;
      const s = result.report.summary;
      process.stdout.write(
        `${b.edition}: ${b.programs.length} programs, ${b.slides.length} slides, ${b.budgets.length} budgets, ${b.measures.length} fiscal measures, ` +
          `${b.series.length} series; ${s.checksPassed} checks passed, ${s.errors} errors, ${s.warnings} warnings → ${result.outDir} ` +
          `(${result.written.length} written, ${result.unchanged.length} unchanged, ${result.skipped.length} up to date)\n`,
      );
      if (s.errors > 0) ctx.fail();
    });
}
