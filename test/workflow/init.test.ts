import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { R6_CHECKS } from '../helpers/validate.ts';
import { tempDir } from '../helpers/temp.ts';

describe('briefing init', () => {
  it('starts next year from this year: manifest for 令和7年度 and the checks to edit', () => {
    const dir = tempDir('init');
    const run = runCli(['init', 'r7', '--from', 'r6'], dir);
    expect(run.status).toBe(0);
    const manifest = parse(readFileSync(join(dir, 'sources', 'r7', 'manifest.yaml'), 'utf8'));
    expect(manifest).toMatchObject({ edition: 'r7', fiscalYear: 2025, era: { name: '令和', year: 7 }, title: '地域力創造グループ 施策説明資料（令和7年度）', source: { file: 'briefing.txt', sha256: null }, generatedAt: '2025-04-01' });
    expect(manifest.programAliases.map((a: { program: string }) => a.program)).toEqual(['5', '9', '18']);
    expect(readFileSync(join(dir, 'sources', 'r7', 'checks.yaml'), 'utf8')).toBe(R6_CHECKS);
    const again = runCli(['init', 'r7', '--from', 'r6'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('the edition folder exists already');
  });

  it('refuses a source that is no file (here /dev/zero) before creating anything, so a rerun can go on', () => {
    const dir = tempDir('init');
    const run = runCli(['init', 'r7', '--from', 'r6', '--source', '/dev/zero'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('/dev/zero: error: the source is not a regular file (a folder, a device or a pipe) [source-read]\n');
    expect(existsSync(join(dir, 'sources'))).toBe(false);
  });
});
