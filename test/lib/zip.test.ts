import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveDate, deterministicZip } from '../../pipeline/lib/zip.ts';
import { tempDir } from '../helpers/temp.ts';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('deterministicZip', () => {
  const entries = [
    { name: '32-shimane/briefing-pack-32-shimane.pdf', content: new TextEncoder().encode('%PDF-1.4 …'), store: true },
    { name: '32-shimane/SHA256SUMS', content: 'abc  briefing-pack-32-shimane.pdf\n' },
  ];

  it('gives the same bytes in every time zone, each entry dated generatedAt 00:00', async () => {
    const zips: Uint8Array[] = [];
    for (const tz of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      zips.push(await deterministicZip(entries, archiveDate('2025-04-01')));
    }
    expect(Buffer.compare(zips[1]!, zips[0]!)).toBe(0);
    expect(Buffer.compare(zips[2]!, zips[0]!)).toBe(0);
    const file = join(tempDir('zip'), 'a.zip');
    writeFileSync(file, zips[0]!);
    const list = spawnSync('unzip', ['-l', file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(list.stdout).toMatch(/2025-04-01 00:00\s+32-shimane\/briefing-pack-32-shimane\.pdf/);
    // a PDF is stored as it is (compressed already); text is deflated
    expect(spawnSync('unzip', ['-v', file], { encoding: 'utf8' }).stdout).toMatch(/Stored.*briefing-pack/);
  });

  it('writes the bytes JSZip writes for the same entries, and unzip tests them whole', async () => {
    const pdf = new Uint8Array(300_000).map((_, i) => (i * 2654435761) >>> 24);
    const all = [
      ...entries,
      { name: '32-shimane/contacts.xlsx', content: pdf, store: true },
      { name: '32-shimane/送付状.txt', content: '島根県 御中\n'.repeat(500) },
      { name: 'empty.txt', content: '' },
    ];
    const date = archiveDate('2024-04-01');
    const zip = await deterministicZip(all, date);
    // what the delivery was written with before: JSZip, DOS platform, DEFLATE level 6 unless stored
    const jszip = new JSZip();
    for (const e of all) jszip.file(e.name, e.content, { date, binary: typeof e.content !== 'string', createFolders: false, compression: e.store ? 'STORE' : 'DEFLATE', compressionOptions: e.store ? null : { level: 6 } });
    const expected = await jszip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
    expect(Buffer.compare(zip, expected)).toBe(0);
    const file = join(tempDir('zip'), 'b.zip');
    writeFileSync(file, zip);
    const tested = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(tested.status).toBe(0);
    expect(tested.stdout).toMatch(/No errors detected/);
    const read = await JSZip.loadAsync(zip);
    expect(await read.file('32-shimane/送付状.txt')!.async('string')).toBe('島根県 御中\n'.repeat(500));
    expect(Buffer.compare(await read.file('32-shimane/contacts.xlsx')!.async('uint8array'), pdf)).toBe(0);
  });

  it('refuses a date DOS time cannot hold, rather than writing another', async () => {
    await expect(deterministicZip(entries, new Date('1979-12-31T00:00:00Z'))).rejects.toThrow(/1980 to 2107/);
  });
});
