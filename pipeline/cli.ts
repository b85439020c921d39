import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { BriefingError } from './lib/errors.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { registerBuild } from './cli/build.ts';
import type { CliContext } from './cli/context.ts';
import { registerDiff } from './cli/diff.ts';
import { registerFigures } from './cli/figures.ts';
import { registerInit } from './cli/init.ts';
import { registerSchemas } from './cli/schemas.ts';
import { registerValidate } from './cli/validate.ts';

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

  const ctx: CliContext = { version: pkg.version, fail: () => void (code = 1) };
  for (const register of [registerBuild, registerValidate, registerFigures, registerInit, registerDiff, registerSchemas]) register(program, ctx);

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    // every error a user can meet says where and why, and ends the run with its code
    if (err instanceof BriefingError) {
      process.stderr.write(err.format() + '\n');
      return err.exitCode;
    }
    throw err;
  }
  return code;
}
