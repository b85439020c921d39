import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { textToPdf } from './helpers/make-pdf.ts';
import { R6_DIR, R6_TEXT, parseR6 } from './helpers/r6.ts';
import { tempDir } from './helpers/temp.ts';

const tmp = () => tempDir('cli');

describe('briefing build', () => {
  it('parses the bundled R6 briefing into out/r6/briefing.json', () => {
    const out = tmp();
    const run = runCli(['build', '--no-packs', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^r6: 31 programs, 68 slides, 19 budgets, .* 0 errors, 3 warnings → /);
    // The acknowledged inconsistencies are shown, with their reasons, but do not fail the build.
    expect(run.stderr).toContain('acknowledged: 原資料の「うち」内訳の合計は17.0兆円');
    const briefing = JSON.parse(readFileSync(join(out, 'r6', 'briefing.json'), 'utf8'));
    expect(briefing.programs).toHaveLength(31);
    // Same input, same bytes: a rerun leaves the file alone.
    const again = runCli(['build', '--no-packs', 'r6', '--out', out]);
    expect(again.stdout).toContain('(0 written, 0 unchanged, 37 up to date)');
  });

  it('prints help', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('build [options] [source]');
  });

  it.each([
    ['empty.txt', Buffer.alloc(0), /empty\.txt: error: the file is empty \[ingest-empty\]/],
    ['binary.txt', Buffer.from([0x25, 0x50, 0x00, 0x01, 0x02]), /binary\.txt:1:3: error: binary data .*\[ingest-binary\]/],
    ['latin1.txt', Buffer.from([0x52, 0x36, 0xff, 0xfe, 0x80, 0x81]), /latin1\.txt:1:3: error: the text is neither UTF-8 nor Shift_JIS/],
  ])('refuses %s with a located message and exit code 2', (name, bytes, message) => {
    const dir = tmp();
    writeFileSync(join(dir, name), bytes);
    const run = runCli(['build', '--no-packs', join(dir, name), '--out', join(dir, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('builds the same briefing from a UTF-16 copy of the text (Windows "Unicode")', async () => {
    const edition = tmp();
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(R6_TEXT, 'utf16le')]);
    writeFileSync(join(edition, 'briefing.txt'), bytes);
    const manifest = readFileSync(join(R6_DIR, 'manifest.yaml'), 'utf8').replace(/sha256: [0-9a-f]{64}/, `sha256: ${createHash('sha256').update(bytes).digest('hex')}`);
    writeFileSync(join(edition, 'manifest.yaml'), manifest);
    writeFileSync(join(edition, 'checks.yaml'), readFileSync(join(R6_DIR, 'checks.yaml')));
    const utf16 = tmp();
    expect(runCli(['build', '--no-packs', edition, '--out', utf16]).status).toBe(0);
    const built = JSON.parse(readFileSync(join(utf16, 'r6', 'briefing.json'), 'utf8'));
    // the UTF-8 text as the run parsed it (test/global-setup.ts), through JSON as briefing.json is
    const expected = JSON.parse(JSON.stringify((await parseR6()).briefing));
    expect(built.source.encoding).toBe('utf-16le');
    for (const key of ['programs', 'slides', 'budgets', 'measures', 'series']) expect(built[key], key).toEqual(expected[key]);
  });

  it('refuses a truncated PDF', async () => {
    const dir = tmp();
    const pdf = await textToPdf([['R6当初予算額：248百万円']]);
    writeFileSync(join(dir, 'cut.pdf'), pdf.subarray(0, 400));
    const run = runCli(['build', '--no-packs', join(dir, 'cut.pdf'), '--out', join(dir, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cut\.pdf: error: not a readable PDF/);
  });

  it('refuses a briefing without its contact list and keeps the earlier output intact', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    expect(runCli(['build', '--no-packs', '--out', out]).status).toBe(0);
    const before = readFileSync(join(out, 'r6', 'briefing.json'));
    const withoutContacts = R6_TEXT.split('\n').slice(0, 4212).join('\n');
    writeFileSync(join(dir, 'briefing-r6.txt'), withoutContacts);
    const run = runCli(['build', '--no-packs', join(dir, 'briefing-r6.txt'), '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/briefing-r6\.txt:4212:1: error: no contact list .*\[contacts-missing\]/);
    expect(readFileSync(join(out, 'r6', 'briefing.json')).equals(before)).toBe(true);
  });

  it('names the fix when a bare file gives no fiscal year', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), '施策名 担当課室 担当者 電話番号\n');
    const run = runCli(['build', '--no-packs', join(dir, 'notes.txt'), '--out', join(dir, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('add a manifest.yaml next to it');
  });

  it('says in one line, exit 2, when the browser it is given does not start, and writes nothing', () => {
    const out = tmp();
    const run = runCli(['build', '--out', out], undefined, { BRIEFING_CHROME: '/bin/false' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: could not start \/bin\/false \(BRIEFING_CHROME\): .+$/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(out, 'r6'))).toBe(false);
  });
});
