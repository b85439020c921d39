import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
});
