import type { RenderUnit } from './build-state.ts';
import type { OutputFile } from './write.ts';

export interface RenderOrder {
  /** resolves once a unit that prints has asked the browser for a window: it is about to print */
  printing?: Promise<unknown>;
}

/**
 * Renders `stale` (of `units`) at once, each after the stale units it reads (`after`; one up to
 * date is read from disk): one prints in the browser while another is assembled or read. The
 * units that print and read no other start first, and the others once one of them asks the
 * browser for a window (`order.printing`) or all have settled: the browser starts and prints while
 * this process renders the rest, instead of waiting for it. Each unit's files go to `done`
 * as it ends; all are settled before the first failure is thrown. The files of each unit, in the
 * order of `stale`, whichever ended first.
 */
export async function renderAll(units: readonly RenderUnit[], stale: readonly RenderUnit[], done: (files: OutputFile[]) => void, order: RenderOrder = {}): Promise<OutputFile[][]> {
  const renders = new Map<string, Promise<OutputFile[]>>();
  const byId = new Map(stale.map((u) => [u.id, u]));
  const first = new Set(stale.filter((u) => u.prints && (u.after ?? []).length === 0));
  let go: Promise<unknown> = Promise.resolve();
  const start = (unit: RenderUnit, path: readonly string[]): Promise<OutputFile[]> => {
    const started = renders.get(unit.id);
    if (started) return started;
    for (const id of unit.after ?? []) {
      if (!units.some((u) => u.id === id)) throw new Error(`unit ${unit.id} is to be rendered after ${id}, which no unit is`);
      if (path.includes(id)) throw new Error(`units ${[...path, unit.id, id].join(' → ')} are each to be rendered after the other`);
    }
    const before = (unit.after ?? []).flatMap((id) => (byId.has(id) ? [start(byId.get(id)!, [...path, unit.id])] : []));
    const render = Promise.all(first.has(unit) ? before : [...before, go]).then(async () => {
      const files = await unit.render();
      done(files);
      return files;
    });
    render.catch(() => undefined); // awaited below, with the others
    renders.set(unit.id, render);
    return render;
  };
  for (const unit of first) start(unit, []);
  if (first.size > 0) {
    const settled = Promise.allSettled([...first].map((u) => renders.get(u.id)!));
    go = Promise.race([settled, ...(order.printing ? [order.printing] : [])]);
  }
  for (const unit of stale) start(unit, []);
  const settled = await Promise.allSettled(renders.values());
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return Promise.all(stale.map((u) => renders.get(u.id)!));
}
