import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../lib/errors.ts';
import { processAlive } from '../lib/process-alive.ts';

export interface Lock {
  release(): Promise<void>;
}


/**
 * One build at a time per output folder: an exclusive lock file holding the pid. A lock left by
 * a process that no longer runs (killed with SIGKILL) is taken over.
 */
export async function acquireLock(dir: string): Promise<Lock> {
  const path = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid && processAlive(pid) && pid !== process.pid) {
        throw new InputError(`another build (pid ${pid}) is writing this folder; wait for it to finish (or delete ${path} if that process is gone)`, {
          file: dir,
          ruleId: 'build-locked',
        });
      }
      await rm(path, { force: true }); // stale: its process is gone
    }
  }
  throw new InputError('could not take the build lock', { file: dir, ruleId: 'build-locked' });
}
