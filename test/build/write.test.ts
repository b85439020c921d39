import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStaged } from '../../pipeline/build/staged-write.ts';
import { tempDir } from '../helpers/temp.ts';

describe('the writer', () => {
  it('links a file whose content is the very bytes of another (a pack and its delivery copy), and writes one with equal but other bytes', async () => {
    const out = join(tempDir('write-links'), 'r6');
    const pack = new TextEncoder().encode('%PDF-1.7 千葉県版');
    const equal = new Uint8Array(pack);
    const { written } = await writeStaged(out, [
      { path: 'prefectures/12-chiba.pdf', content: pack },
      { path: 'delivery/12-chiba/pack.pdf', content: pack },
      { path: 'other.pdf', content: equal },
    ]);
    expect(written).toEqual(['prefectures/12-chiba.pdf', 'delivery/12-chiba/pack.pdf', 'other.pdf']);
    const inode = (path: string) => statSync(join(out, path)).ino;
    expect(inode('delivery/12-chiba/pack.pdf')).toBe(inode('prefectures/12-chiba.pdf'));
    expect(inode('other.pdf')).not.toBe(inode('prefectures/12-chiba.pdf'));
    for (const path of ['prefectures/12-chiba.pdf', 'delivery/12-chiba/pack.pdf', 'other.pdf']) expect(readFileSync(join(out, path), 'utf8')).toBe('%PDF-1.7 千葉県版');

    // the next set with a new pack: both names get it, the earlier file is not changed under the new one
    const next = new TextEncoder().encode('%PDF-1.7 千葉県版 2');
    const before = inode('prefectures/12-chiba.pdf');
    await writeStaged(out, [
      { path: 'prefectures/12-chiba.pdf', content: next },
      { path: 'delivery/12-chiba/pack.pdf', content: next },
      { path: 'other.pdf', content: equal },
    ]);
    expect(readFileSync(join(out, 'delivery/12-chiba/pack.pdf'), 'utf8')).toBe('%PDF-1.7 千葉県版 2');
    expect(inode('delivery/12-chiba/pack.pdf')).toBe(inode('prefectures/12-chiba.pdf'));
    expect(inode('prefectures/12-chiba.pdf')).not.toBe(before);
  });

  it('reads a file before writing it unless it is known to differ: then it is written without being compared', async () => {
    const out = join(tempDir('write-differs'), 'r6');
    const pack = new TextEncoder().encode('%PDF-1.7 千葉県版');
    await writeStaged(out, [{ path: 'pack.pdf', content: pack }]);
    // the same bytes: compared, found the same, left alone
    expect(await writeStaged(out, [{ path: 'pack.pdf', content: pack }])).toEqual({ written: [], unchanged: ['pack.pdf'] });
    // known to differ (its checksum is not the one last written): written, the disk not read
    const before = statSync(join(out, 'pack.pdf')).ino;
    expect(await writeStaged(out, [{ path: 'pack.pdf', content: pack }], { differs: (f) => f.path === 'pack.pdf' })).toEqual({ written: ['pack.pdf'], unchanged: [] });
    expect(statSync(join(out, 'pack.pdf')).ino).not.toBe(before);
    expect(readFileSync(join(out, 'pack.pdf'), 'utf8')).toBe('%PDF-1.7 千葉県版');
  });
});
