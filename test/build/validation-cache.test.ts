import { cpSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteWritten } from '../../pipeline/build/build-state.ts';
import { build } from '../../pipeline/commands/build.ts';
import { R6_DIR } from '../helpers/r6.ts';
import { tempDir } from '../helpers/temp.ts';

/** A copy of the bundled edition to edit, and an output folder. */
function workspace() {
  const dir = tempDir('reuse');
  const edition = join(dir, 'r6');
  cpSync(R6_DIR, edition, { recursive: true });
  return { edition, out: join(dir, 'out') };
}

const messages = (r: Awaited<ReturnType<typeof build>>) => r.file.messages.map((m) => `${m.place ? JSON.stringify(m.place) : ''} ${m.ruleId} ${m.reason}`);

describe('a build reuses the last parse and validation only when nothing they depend on changed', () => {
  it('reads the briefing and report back on a rebuild: the same report, the same messages, every output up to date', async () => {
    const { edition, out } = workspace();
    // a line the contact list cannot place: a warning of the parse, told again when the parse is reused
    const source = join(edition, 'briefing.txt');
    const text = readFileSync(source, 'utf8');
    const header = ' 施 策 名 担当課室 担当者 電話番号\n';
    expect(text.split(header).length).toBeGreaterThan(1);
    writeFileSync(source, text.replace(header, `${header}（令和６年４月現在）\n`));
    const first = await build({ source: edition, out, packs: false });
    expect(first.reused).toBe(false);
    expect(messages(first).some((m) => m.includes('contacts-orphan-line'))).toBe(true);
    const second = await build({ source: edition, out, packs: false });
    expect(second.reused).toBe(true);
    expect(JSON.stringify(second.report)).toBe(JSON.stringify(first.report));
    expect(JSON.stringify(second.briefing)).toBe(JSON.stringify(first.briefing));
    expect(messages(second)).toEqual(messages(first));
    expect(second.written).toEqual([]);
    expect(second.skipped.length).toBeGreaterThan(30);
    // the build noted each output's size and time, so that this rebuild read none of them again
    const state = JSON.parse(readFileSync(join(out, 'r6', '.build-state.json'), 'utf8'));
    for (const [id, unit] of Object.entries(state.units) as [string, { files: Record<string, string>; seen: Record<string, { size: number; mtimeMs: number }> }][]) {
      expect(Object.keys(unit.seen).sort(), id).toEqual(Object.keys(unit.files).sort());
      for (const [path, seen] of Object.entries(unit.seen)) expect(seen.size, path).toBe(statSync(join(out, 'r6', path)).size);
    }
  });

  it('parses again when the checks, the source or the manifest change, or when briefing.json was touched', async () => {
    const { edition, out } = workspace();
    await build({ source: edition, out, packs: false });
    const checks = join(edition, 'checks.yaml');
    writeFileSync(checks, readFileSync(checks, 'utf8') + '\n# reviewed\n');
    expect((await build({ source: edition, out, packs: false })).reused).toBe(false);
    expect((await build({ source: edition, out, packs: false })).reused).toBe(true);
    // a figure changed: parsed again, and the report says so
    const source = join(edition, 'briefing.txt');
    writeFileSync(source, readFileSync(source, 'utf8').replace('R６当初予算額：６百万円', 'R６当初予算額：７百万円'));
    const edited = await build({ source: edition, out, packs: false });
    expect(edited.reused).toBe(false);
    expect(edited.briefing.budgets.some((b) => b.amount.printed === '７百万円' || b.amount.printed === '7百万円')).toBe(true);
    const manifest = join(edition, 'manifest.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('generatedAt: 2024-04-01', 'generatedAt: 2024-04-02'));
    expect((await build({ source: edition, out, packs: false })).reused).toBe(false);
    // briefing.json edited by hand, same length, its modification time set back: not trusted, parsed again and written back whole
    const json = join(out, 'r6', 'briefing.json');
    const original = readFileSync(json, 'utf8');
    const { atime, mtime } = statSync(json);
    writeFileSync(json, original.replace('"edition": "r6"', '"edition": "r7"'));
    utimesSync(json, atime, mtime);
    const repaired = await build({ source: edition, out, packs: false });
    expect(repaired.reused).toBe(false);
    expect(readFileSync(json, 'utf8')).toBe(original);
    // --force renders everything from a fresh parse
    expect((await build({ source: edition, out, packs: false })).reused).toBe(true);
    expect((await build({ source: edition, out, packs: false, force: true })).reused).toBe(false);
  });
});

describe('the stamps of the build state', () => {
  it('are noted for the units of this build only: a unit of an earlier build is hashed again when next needed', async () => {
    const dir = tempDir('stamps');
    writeFileSync(join(dir, 'a.txt'), 'a');
    writeFileSync(join(dir, 'b.pdf'), 'b');
    const state = {
      version: 2 as const,
      units: {
        a: { inputHash: 'x', files: { 'a.txt': 'sha-a' } },
        // printed by an earlier build with packs; this one ran with --no-packs and never checked it
        packs: { inputHash: 'y', files: { 'b.pdf': 'sha-b' }, seen: { 'b.pdf': { ino: 1, size: 1, mtimeMs: 1, ctimeMs: 1 } } },
      },
    };
    await noteWritten(dir, state, ['a']);
    expect(state.units.a).toMatchObject({ seen: { 'a.txt': { size: 1, ino: statSync(join(dir, 'a.txt')).ino } } });
    expect('seen' in state.units.packs).toBe(false);
  });
});
