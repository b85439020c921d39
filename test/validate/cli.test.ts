import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { R6_TEXT } from '../helpers/r6.ts';
import { R6_CHECKS, replaceOnce } from '../helpers/validate.ts';
import { tempDir } from '../helpers/temp.ts';

function edition(text: string, checks = R6_CHECKS): string {
  const dir = tempDir('validate');
  const manifest = readFileSync(join(import.meta.dirname, '..', '..', 'sources', 'r6', 'manifest.yaml'), 'utf8');
  writeFileSync(join(dir, 'manifest.yaml'), manifest);
  writeFileSync(join(dir, 'briefing.txt'), text);
  writeFileSync(join(dir, 'checks.yaml'), checks);
  return dir;
}

describe('briefing validate', () => {
  it('exits 0 on the bundled briefing and prints the summary', () => {
    const run = runCli(['validate']);
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^r6: \d+ checks passed, 0 failed, 3 acknowledged — 0 errors, 3 warnings$/);
  });

  it('exits 1 when a figure is wrong, and build refuses to write', () => {
    const dir = edition(replaceOnce(R6_TEXT, '（総数5,831人）', '（総数5,841人）'));
    const run = runCli(['validate', dir, '--format', 'github']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error file=');
    const out = join(dir, 'out');
    const build = runCli(['build', '--no-packs', dir, '--out', out]);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('refused: 3 validation error(s); nothing was written');
    expect(existsSync(join(out, 'r6'))).toBe(false);
    const forced = runCli(['build', '--no-packs', dir, '--out', out, '--allow-errors']);
    expect(forced.status).toBe(1);
    expect(existsSync(join(out, 'r6', 'validation.json'))).toBe(true);
  });

  it('exits 2 with a located message when the checks file is invalid', () => {
    const dir = edition(R6_TEXT, R6_CHECKS.replace('relation: ratio', 'relation: quotient'));
    const run = runCli(['validate', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/checks\.yaml:\d+:\d+: error: check "kaso-share-of-municipalities" .*\[checks-schema\]/);
  });

  it('writes JSON and SARIF on request', () => {
    const json = JSON.parse(runCli(['validate', '--format', 'json']).stdout);
    expect(json.summary.errors).toBe(0);
    const sarif = JSON.parse(runCli(['validate', '--format', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(runCli(['validate', '--format', 'xml']).status).toBe(2);
  });
});
