import type { Command } from 'commander';
import { InputError } from '../lib/errors.ts';
import type { CliContext } from './context.ts';

/** `briefing figures`: what a selector can name, each figure with a selector of its own. */
export function registerFigures(program: Command, ctx: CliContext): void {
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
      const [{ listFigures }, { formatFigures }] = await Promise.all([import('../commands/figures.ts'), import('../report/figures.ts')]);
      const { parsed, entries } = await listFigures({ source, program: opts.program, kind: opts.kind, near: opts.near });
      process.stdout.write(opts.format === 'json' ? JSON.stringify({ edition: parsed.briefing.edition, source: parsed.briefing.source.file, figures: entries }, null, 2) + '\n' : formatFigures(entries, parsed.briefing));
    });
}
