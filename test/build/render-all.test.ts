import { describe, expect, it } from 'vitest';
import type { RenderUnit } from '../../pipeline/build/build-state.ts';
import { renderAll } from '../../pipeline/build/render-all.ts';

/** A unit that notes when it starts and ends, and takes `ms` (as a print would). */
function unit(id: string, log: string[], options: { ms?: number; after?: string[]; fails?: boolean; prints?: boolean } = {}): RenderUnit {
  return {
    id,
    inputHash: id,
    ...(options.after ? { after: options.after } : {}),
    ...(options.prints ? { prints: true } : {}),
    render: async () => {
      log.push(`start ${id}`);
      await new Promise((resolve) => setTimeout(resolve, options.ms ?? 0));
      log.push(`end ${id}`);
      if (options.fails) throw new Error(`${id} failed`);
      return [{ path: `${id}.out`, content: id }];
    },
  };
}

describe('renderAll', () => {
  it('renders the units at once, the delivery after the packs and the workbook it reads, and gives their files in the order of the units', async () => {
    const log: string[] = [];
    const units = [unit('delivery', log, { after: ['packs', 'contacts.xlsx'] }), unit('packs', log, { ms: 40 }), unit('validation-report.pdf', log, { ms: 20 }), unit('contacts.xlsx', log)];
    const done: string[] = [];
    const files = await renderAll(units, units, (f) => done.push(...f.map((x) => x.path)));
    expect(files.map((f) => f.map((x) => x.path))).toEqual([['delivery.out'], ['packs.out'], ['validation-report.pdf.out'], ['contacts.xlsx.out']]);
    // the report starts before the packs end; the delivery only after both it reads
    expect(log.indexOf('start validation-report.pdf')).toBeLessThan(log.indexOf('end packs'));
    expect(log.indexOf('start delivery')).toBeGreaterThan(log.indexOf('end packs'));
    expect(log.indexOf('start delivery')).toBeGreaterThan(log.indexOf('end contacts.xlsx'));
    expect(done.at(-1)).toBe('delivery.out');
  });

  it('starts the units that print first, and the others once one of them asks the browser for a window, or once they have all ended', async () => {
    const log: string[] = [];
    let handed!: () => void;
    const printing = new Promise<void>((resolve) => (handed = resolve));
    const units = [unit('programs/1', log), unit('packs', log, { prints: true, ms: 30 }), unit('delivery', log, { prints: true, after: ['packs'] })];
    const rendering = renderAll(units, units, () => undefined, { printing });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log).toEqual(['start packs']);
    handed();
    await rendering;
    expect(log).toEqual(['start packs', 'start programs/1', 'end programs/1', 'end packs', 'start delivery', 'end delivery']);
    // no window asked for (every print was kept): the others start when the printing units end
    const quiet: string[] = [];
    const again = [unit('programs/1', quiet), unit('packs', quiet, { prints: true, ms: 10 })];
    await renderAll(again, again, () => undefined, { printing: new Promise(() => undefined) });
    expect(quiet).toEqual(['start packs', 'end packs', 'start programs/1', 'end programs/1']);
  });

  it('does not wait for a unit that is up to date (its files are read from disk)', async () => {
    const log: string[] = [];
    const packs = unit('packs', log);
    const delivery = unit('delivery', log, { after: ['packs'] });
    expect(await renderAll([packs, delivery], [delivery], () => undefined)).toEqual([[{ path: 'delivery.out', content: 'delivery' }]]);
    expect(log).toEqual(['start delivery', 'end delivery']);
  });

  it('lets every unit end before it throws the first failure, and refuses an order no unit can keep', async () => {
    const log: string[] = [];
    const units = [unit('packs', log, { fails: true }), unit('validation-report.pdf', log, { ms: 20 })];
    await expect(renderAll(units, units, () => undefined)).rejects.toThrow('packs failed');
    expect(log).toContain('end validation-report.pdf');
    const lonely = [unit('delivery', log, { after: ['pack'] })];
    await expect(renderAll(lonely, lonely, () => undefined)).rejects.toThrow(/after pack, which no unit is/);
    const circle = [unit('a', log, { after: ['b'] }), unit('b', log, { after: ['a'] })];
    await expect(renderAll(circle, circle, () => undefined)).rejects.toThrow(/a → b → a/);
  });
});
