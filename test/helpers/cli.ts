import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../pipeline/source.ts';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const BIN = join(PROJECT_ROOT, 'bin', 'briefing.mjs');

/** Run the CLI the way a user does: node bin/briefing.mjs … (with more environment, when given). */
export function runCli(args: string[], cwd = PROJECT_ROOT, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
