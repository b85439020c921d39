import type { Command } from 'commander';
import type { CliContext } from './context.ts';

/** `briefing init`: a new edition under sources/ from an earlier one. */
export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('start a new edition under sources/ from an earlier one (manifest and checks to edit)')
    .argument('<edition>', 'the new edition id, e.g. r7')
    .requiredOption('--from <edition>', 'the edition to start from, e.g. r6')
    .option('--source <file>', 'the new briefing (.txt or .pdf), copied into the edition folder')
    .option('--fiscal-year <year>', 'Western fiscal year, when the edition id does not tell it', (v) => Number(v))
    .action(async (edition: string, opts: { from: string; source?: string; fiscalYear?: number }) => {
      const { initEdition } = await import('../commands/init.ts');
      const { dir, files } = await initEdition({ edition, from: opts.from, source: opts.source, fiscalYear: opts.fiscalYear });
      process.stdout.write(`created ${dir}: ${files.join(', ')}\n`);
    });
}
