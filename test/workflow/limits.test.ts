import { openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const tmp = () => tempDir('limits');

/** A PDF that claims 10,000 pages (one page object listed 10,000 times), a few kilobytes long. */
function manyPagesPdf(count: number): Buffer {
  const kids = Array.from({ length: count }, () => '3 0 R').join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${count} /Kids [${kids}] >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('pathological inputs are refused early', () => {
  it('a device or a folder given as the source, the manifest or the checks file, without reading it', () => {
    // /dev/zero never ends: read whole, it would take all memory or run forever
    const started = Date.now();
    const source = runCli(['diff', 'r6', '/dev/zero']);
    expect(source.status).toBe(2);
    expect(source.stderr).toBe('/dev/zero: error: the source is not a regular file (a folder, a device or a pipe) [source-read]\n');
    const checks = runCli(['validate', '--checks', '/dev/zero']);
    expect(checks.status).toBe(2);
    expect(checks.stderr).toBe('/dev/zero: error: the checks file is not a regular file (a folder, a device or a pipe) [checks-read]\n');
    // a named pipe where the manifest should be: opening it for reading would wait for a writer
    const dir = tmp();
    expect(spawnSync('mkfifo', [join(dir, 'manifest.yaml')]).status).toBe(0);
    const manifest = runCli(['validate', dir]);
    expect(manifest.status).toBe(2);
    expect(manifest.stderr).toMatch(/manifest\.yaml: error: the manifest is not a regular file \(a folder, a device or a pipe\) \[manifest-read\]\n$/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a 200 MB text file, without reading it', () => {
    const dir = tmp();
    const path = join(dir, 'huge.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: takes no disk, reads as 200 MB
    closeSync(fd);
    const run = runCli(['build', '--no-packs', path, '--out', join(dir, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/huge\.txt: error: the file is 209715200 bytes; the limit for the source is \d+ bytes \[ingest-too-large\]/);
  });

  it('a PDF with 10,000 pages', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'pages.pdf'), manyPagesPdf(10_000));
    const run = runCli(['build', '--no-packs', join(dir, 'pages.pdf'), '--out', join(dir, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the PDF has 10000 pages; the limit is 2000');
  });

  it('a line of 10 MB, with its place', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'long.txt'), `R6当初予算額：248百万円\n${'あ'.repeat(10 * 1024 * 1024 / 3)}\n`);
    const run = runCli(['build', '--no-packs', join(dir, 'long.txt'), '--out', join(dir, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/long\.txt:2:1: error: line is \d+ characters long \(limit 100000\) \[ingest-line-too-long\]/);
  });
});
