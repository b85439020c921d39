import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../pipeline/source.ts';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI the way a user does: node bin/briefing.mjs … */
export function runCli(args: string[], cwd = PROJECT_ROOT): CliRun {
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'briefing.mjs'), ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
