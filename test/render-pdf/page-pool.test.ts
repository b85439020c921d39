import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { inTurn, mapOnPages, settledAll, type PrintPage } from '../../pipeline/render-pdf/page-pool.ts';

/** Two tabs that are never asked to print: the work runs on them. */
const pages: PrintPage[] = [0, 1].map(() => ({ print: () => Promise.reject(new Error('not printed here')) }));

describe('running the parts of a run', () => {
  it('reads what the store holds while the tabs print, and stops both once one fails, after what each had started', async () => {
    const done: string[] = [];
    const job = (name: string, fail = false) => async () => {
      await nextTurn();
      if (fail) throw new Error(`${name} is not a PDF`);
      done.push(name);
    };
    const failure = settledAll([
      (stop) => inTurn([job('stored 1'), job('stored 2', true), job('stored 3'), job('stored 4')], stop),
      (stop) => mapOnPages(['print 1', 'print 2', 'print 3', 'print 4', 'print 5', 'print 6'], pages, (name) => job(name)(), stop),
    ]);
    await expect(failure).rejects.toThrow('stored 2 is not a PDF');
    // the tabs had started two prints each when the store failed: they end them, and start no other
    expect(done).toContain('stored 1');
    expect(done).not.toContain('stored 3');
    expect(done.filter((d) => d.startsWith('print')).length).toBeLessThan(6);
    const settled = done.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toHaveLength(settled);
  });

  it('runs every branch to its end when none fails, the store’s one at a time and in order', async () => {
    const order: number[] = [];
    let running = 0;
    let most = 0;
    const job = (n: number) => async () => {
      most = Math.max(most, ++running);
      await nextTurn();
      running--;
      order.push(n);
    };
    const printed = mapOnPages([10, 11, 12], pages, async (n) => (await nextTurn(), n * 2));
    await settledAll([(stop) => inTurn([1, 2, 3, 4].map(job), stop), () => printed]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(most).toBe(1);
    expect(await printed).toEqual([20, 22, 24]);
  });
});
