import type { Command } from 'commander';
import type { ValidationReport } from '../../schemas/validation.ts';
import { InputError } from '../lib/errors.ts';
import type { CliContext } from './context.ts';

/** `briefing validate`: the report of the figures, in the terminal or a machine format. */
export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check the figures of a briefing; exit 1 when there are errors')
    .argument('[source]', 'a .txt or .pdf file, a folder or manifest.yaml, or an edition id such as r6')
    .option('-c, --checks <file>', 'declared checks (default: checks.yaml next to the manifest)')
    .option('--format <format>', 'terminal, json, sarif or github', 'terminal')
    .action(async (source: string | undefined, opts: { checks?: string; format: string }) => {
      const [{ readAndValidate }, { formatTerminal }, { formatSarif }, { formatGithub }, { fatalReport }, { DEFAULT_EDITION }] = await Promise.all([
        import('../commands/validate.ts'),
        import('../report/terminal.ts'),
        import('../report/sarif.ts'),
        import('../report/github.ts'),
        import('../report/fatal.ts'),
        import('../source.ts'),
      ]);
      const formats: Record<string, (r: ValidationReport) => string> = {
        terminal: (r) => formatTerminal(r, { color: process.stdout.isTTY }),
        json: (r) => JSON.stringify(r, null, 2) + '\n',
        sarif: (r) => formatSarif(r, ctx.version),
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
      if (report.summary.errors > 0) ctx.fail();
    });
}
