import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { R6_CHECKS } from '../helpers/validate.ts';
import { syntheticR7 } from '../helpers/r7.ts';
import { tempDir } from '../helpers/temp.ts';

describe('briefing init', () => {
  it('starts next year from this year: manifest for 令和7年度 and the checks to edit', () => {
    const dir = tempDir('init');
    const run = runCli(['init', 'r7', '--from', 'r6'], dir);
    expect(run.status).toBe(0);
    const manifest = parse(readFileSync(join(dir, 'sources', 'r7', 'manifest.yaml'), 'utf8'));
    expect(manifest).toMatchObject({ edition: 'r7', fiscalYear: 2025, era: { name: '令和', year: 7 }, title: '地域力創造グループ 施策説明資料（令和7年度）', source: { file: 'briefing.txt', sha256: null }, generatedAt: '2025-04-01' });
    expect(manifest.programs).toHaveLength(31);
    expect(manifest.programs.filter((p: { aliases?: unknown }) => p.aliases).map((p: { id: string }) => p.id)).toEqual(['kankei-jinko', 'local-startup', 'tabunka']);
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

  it('with the new briefing, re-reads the copied checks: words with a year rewritten, what the new text lacks listed for review', async () => {
    const dir = tempDir('init');
    writeFileSync(join(dir, 'r7.txt'), await syntheticR7());
    const run = runCli(['init', 'r7', '--from', 'r6', '--source', 'r7.txt'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('checks.yaml, checks-review.md');
    const checks = readFileSync(join(dir, 'sources', 'r7', 'checks.yaml'), 'utf8');
    const review = readFileSync(join(dir, 'sources', 'r7', 'checks-review.md'), 'utf8');
    const [, rewritten, kept, missing] = /: (\d+) selectors rewritten without years, \d+ moved to the new edition's year, (\d+) kept with digits, \d+ checks? dropped with their program, (\d+) not found in the new briefing/.exec(review)!.map(Number);
    expect(rewritten).toBeGreaterThanOrEqual(10);
    // the 隊員数 target: 「令和8年度に10,000人」 selected by the words without the year, as `briefing figures` gives them
    expect(checks).toContain('limit: { quantity: { program: kyoryokutai, before: 年度に, unit: 人 } }');
    expect(checks).not.toContain('before: 令和8年度に');
    // only the rewritten selectors changed, comments and layout kept
    const before = R6_CHECKS.split('\n');
    const changed = checks.split('\n').filter((line, i) => line !== before[i]);
    expect(changed.length).toBe(review.split('\n').filter((l) => l.startsWith('- `') && l.includes('` → `')).length);
    expect(changed.length).toBeLessThanOrEqual(rewritten! + 1); // and R6当初予算額 → R7 of kaso-grant-budget
    expect(checks).toContain('# ── 1 地域おこし協力隊');
    expect(parse(checks).checks).toHaveLength(parse(R6_CHECKS).checks.length);
    expect(kept).toBeGreaterThan(0);
    // program 21-⑨ was removed and 21-⑩ renumbered: the PFS checks follow their program's id
    expect(missing).toBe(0);
    expect(review).toContain('- `pfs`: 21-⑩ → 21-⑨');
    expect(checks).toContain('{ quantity: { program: pfs, line: 事業期間, unit: 年間 } }');
  });
});
