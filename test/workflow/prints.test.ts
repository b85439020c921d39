import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/commands/build.ts';
import { PROJECT_ROOT } from '../../pipeline/source.ts';
import { tempDir } from '../helpers/temp.ts';
import { chromiumDescendants } from '../render-pdf/processes.ts';

/**
 * A build with packs, as `briefing build` runs it, then rebuilds of the same output folder after
 * a figure of the source changed: what the packs and the cover letters were made from is kept in
 * out/<edition>/.prints/ by key, and a rebuild prints again only what changed; so is what their
 * pages read as, by content, and a rebuild reads again only the pages that changed.
 */
let edition: string;
let out: string;
const prints = () => new Set(readdirSync(join(out, 'r6', '.prints')).filter((name) => name.endsWith('.pdf')));
const fonts = () => new Set(readdirSync(join(out, 'r6', '.prints')).filter((name) => name.endsWith('.ttf')));
const updates = () => new Set(readdirSync(join(out, 'r6', '.prints')).filter((name) => name.endsWith('.update')));
const readings = (unit: string) => JSON.parse(readFileSync(join(out, 'r6', '.prints', `${unit}.readings.json`), 'utf8')) as Record<string, string>;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
/** the prints the figure's edit made: the sections it is on, which the next edit of that figure prints again */
let figurePrints = new Set<string>();

/** The edition's source with `find` replaced, its checksum in the manifest updated as `init` would. */
function edit(find: string, replace: string): void {
  const source = readFileSync(join(edition, 'briefing.txt'), 'utf8');
  expect(source.split(find)).toHaveLength(2);
  const edited = source.replace(find, replace);
  writeFileSync(join(edition, 'briefing.txt'), edited);
  const manifest = join(edition, 'manifest.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(sha(source), sha(edited)));
}

async function built(): Promise<void> {
  const result = await build({ source: edition, out });
  expect(result.refused).toBe(false);
}

beforeAll(async () => {
  const dir = tempDir('prints');
  edition = join(dir, 'r6');
  out = join(dir, 'out');
  cpSync(join(PROJECT_ROOT, 'sources', 'r6'), edition, { recursive: true });
  await built();
}, 240_000);

describe('the prints a build keeps', () => {
  it('are every print of the packs, the letters and the staff report: the body’s sections (31 programs, the back matter), the stamps, the folios, one measuring draft, 48 front matters, 47 letters, the report’s header, rows and listing of the source, and those two joined', () => {
    expect(prints().size).toBe(32 + 3 + 48 + 47 + 3 + 1);
    for (const name of prints()) expect(name).toMatch(/^[0-9a-f]{64}\.pdf$/);
  });

  it('keep the fonts each print session served, pruned to its text: regular and bold for the packs, the letters and the staff report', () => {
    expect(fonts().size).toBe(2 * 3);
    for (const name of fonts()) expect(name).toMatch(/^[0-9a-f]{64}\.ttf$/);
  });

  it('keep the update that made each of the 48 packs of its front matter and the body, with what it read of the body', () => {
    expect(updates().size).toBe(48);
    for (const name of updates()) expect(name).toMatch(/^[0-9a-f]{64}\.update$/);
  });

  it('keep what the pages of the packs and of the staff report read as, by key', () => {
    const packs = readings('packs');
    const report = readings('validation-report');
    // the body's 85 pages, the front matters' and the stamped first page of the body of each of the 48 packs
    expect(Object.keys(packs).length).toBeGreaterThan(85 + 48 * 3);
    // each page of the report, its text and its fonts; and what the report reads as besides its pages (its outline, destinations)
    expect(Object.keys(report).length % 2).toBe(1);
    expect(Object.values(report).filter((value) => value.startsWith('{"pages":'))).toHaveLength(1);
    for (const key of [...Object.keys(packs), ...Object.keys(report)]) expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(packs).some((text) => text.includes('地域おこし協力隊'))).toBe(true);
  });

  it('make a rebuild after one figure changed print again the sections it is on (its program’s, and the back matter’s appendix) and the report’s header (the source’s checksum) alone, the rest of the report taken joined; their earlier prints go', async () => {
    const before = prints();
    const fontsBefore = fonts();
    const updatesBefore = updates();
    const charts = () => readFileSync(join(out, 'r6', '.prints', 'packs.charts.json'), 'utf8');
    const chartsBefore = charts();
    edit('R６当初予算額：６百万円', 'R６当初予算額：７百万円');
    await built();
    const after = prints();
    // the text has the same characters: the same pruned fonts, kept
    expect(fonts()).toEqual(fontsBefore);
    // no pack's front matter changed, nor what its update reads of the body: the same updates, taken onto the new body
    expect(updates()).toEqual(updatesBefore);
    // no series changed: the same charts, kept
    expect(Object.keys(JSON.parse(chartsBefore) as object)).toHaveLength(5);
    expect(charts()).toBe(chartsBefore);
    figurePrints = new Set([...after].filter((p) => !before.has(p)));
    expect(figurePrints.size).toBe(3);
    expect([...before].filter((p) => !after.has(p))).toHaveLength(3);
    // the readings of the new figure's page are kept, and the old one's dropped
    const texts = Object.values(readings('packs')).map((text) => text.replace(/\s+/g, ''));
    expect(texts.filter((text) => text.includes('R6当初予算額：7百万円'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('R6当初予算額：6百万円'))).toHaveLength(0);
    // the report's first page, read again, names the new source's checksum
    const report = Object.values(readings('validation-report')).map((text) => text.replace(/\s+/g, ''));
    expect(report.filter((text) => text.includes(sha(readFileSync(join(edition, 'briefing.txt'), 'utf8'))))).toHaveLength(1);
    expect(chromiumDescendants()).toEqual([]);
  }, 240_000);

  it('are not taken when altered on disk: the print is made again', async () => {
    // the smallest: a front matter, a letter or a short section, not one the next edit prints again anyway
    const dir = join(out, 'r6', '.prints');
    const [smallest] = [...prints()].filter((p) => !figurePrints.has(p)).sort((a, b) => readFileSync(join(dir, a)).length - readFileSync(join(dir, b)).length || (a < b ? -1 : 1));
    const victim = join(dir, smallest!);
    const original = readFileSync(victim);
    writeFileSync(victim, Buffer.concat([original, Buffer.from('\n% altered\n')]));
    edit('R６当初予算額：７百万円', 'R６当初予算額：８百万円');
    await built();
    // printed again (a new print's dates differ from the first's; the outputs are dated by the manifest)
    const again = readFileSync(victim);
    expect(again.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(again.includes('% altered')).toBe(false);
  }, 240_000);
});
