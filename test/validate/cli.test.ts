import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../helpers/sarif.ts';
import { ValidationReport } from '../../schemas/validation.ts';
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
    expect(build.stderr).toContain('refused: 1 validation error(s); nothing was written');
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

  it('prints a whole report with the refusal in it when the input cannot be read, in every machine format', () => {
    const dir = edition('');
    writeFileSync(join(dir, 'briefing.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    const validSarif = sarifValidator();

    const sarifRun = runCli(['validate', dir, '--format', 'sarif']);
    expect(sarifRun.status).toBe(2);
    expect(sarifRun.stderr).toMatch(/briefing\.txt:1:\d+: error: .*NUL.* \[ingest-binary\]/);
    const sarif = JSON.parse(sarifRun.stdout);
    expect(validSarif(sarif), JSON.stringify(validSarif.errors)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'ingest-binary', level: 'error' });
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/briefing\.txt$/);

    const jsonRun = runCli(['validate', dir, '--format', 'json']);
    expect(jsonRun.status).toBe(2);
    const report = ValidationReport.parse(JSON.parse(jsonRun.stdout));
    expect(report.summary.errors).toBe(1);
    expect(report.findings[0]).toMatchObject({ ruleId: 'ingest-binary', severity: 'error', at: { line: 1 } });

    const githubRun = runCli(['validate', dir, '--format', 'github']);
    expect(githubRun.status).toBe(2);
    expect(githubRun.stdout).toMatch(/^::error file=[^,]*briefing\.txt,line=1,col=\d+,.*title=ingest-binary::/m);
  });

  it('lists every selector that matches no figure at once, in the terminal and in SARIF', () => {
    const checks = R6_CHECKS.replace('line: ALT（外国語指導助手）について', 'line: ALT（外国語助手）について')
      .replace('line: 青色の地域', 'line: 緑色の地域')
      .replace('line: 設立済みの都道府県', 'line: 設立予定の都道府県');
    expect(checks).not.toBe(R6_CHECKS);
    const dir = edition(R6_TEXT, checks);
    const run = runCli(['validate', dir]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n').filter((l) => l.includes('[checks-unknown-figure]'));
    const at = (word: string) => checks.split('\n').findIndex((l) => l.includes(word)) + 1;
    expect(lines.map((l) => Number(/checks\.yaml:(\d+):/.exec(l)?.[1]))).toEqual([at('外国語助手'), at('緑色の地域'), at('設立予定の都道府県')].sort((a, b) => a - b));
    const sarif = JSON.parse(runCli(['validate', dir, '--format', 'sarif']).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['checks-unknown-figure', 'checks-unknown-figure', 'checks-unknown-figure']);
  });
});
