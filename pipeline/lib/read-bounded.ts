import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { InputError } from './errors.ts';

/**
 * Read an input file whole, refusing before reading what cannot be one: a folder, a device or a
 * pipe (/dev/zero would be read forever), or a file over `limit` bytes. At most `limit` bytes are
 * ever read, also from a file whose size the system does not tell (/proc) or that grows meanwhile.
 */
export async function readBounded(path: string, limit: number, what: { noun: string; ruleId: string }): Promise<Buffer> {
  let handle;
  try {
    // non-blocking: opening a named pipe must not wait for a writer before the check below refuses it
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    throw new InputError(`cannot read the ${what.noun}: ${(cause as Error).message}`, { file: path, ruleId: what.ruleId, cause });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputError(`the ${what.noun} is not a regular file (a folder, a device or a pipe)`, { file: path, ruleId: what.ruleId });
    if (info.size > limit) throw new InputError(`the file is ${info.size} bytes; the limit for the ${what.noun} is ${limit} bytes`, { file: path, ruleId: 'ingest-too-large' });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(Math.min(1 << 20, limit + 1 - total)) });
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw new InputError(`the file is over ${limit} bytes, the limit for the ${what.noun}`, { file: path, ruleId: 'ingest-too-large' });
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read the ${what.noun}: ${(err as Error).message}`, { file: path, ruleId: what.ruleId, cause: err });
  } finally {
    await handle.close();
  }
}

/** Manifests and checks files are short YAML written by people. */
export const MAX_YAML_BYTES = 5 * 1024 * 1024;
