import type { Command } from 'commander';
import { InputError } from '../lib/errors.ts';
import type { CliContext } from './context.ts';

/** `briefing diff`: two editions compared by meaning. */
export function registerDiff(program: Command, ctx: CliContext): void {
  program
    .command('diff')
    .description('compare two editions by meaning: programs (by id; added, removed, renamed, renumbered), every figure kind, contacts')
    .argument('<from>', 'the earlier edition (id, folder, manifest or file)')
    .argument('<to>', 'the later edition')
    .option('--format <format>', 'markdown or json', 'markdown')
    .action(async (from: string, to: string, opts: { format: string }) => {
      if (opts.format !== 'markdown' && opts.format !== 'json') throw new InputError(`unknown format "${opts.format}": use markdown or json`, { file: '--format', ruleId: 'cli-format' });
      const [{ diffSources }, { formatDiffMarkdown }] = await Promise.all([import('../commands/diff.ts'), import('../diff/markdown.ts')]);
      const diff = await diffSources(from, to);
      process.stdout.write(opts.format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : formatDiffMarkdown(diff));
    });
}
