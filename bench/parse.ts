// Prints the time of each parse stage on the bundled R6 briefing (median of N runs after warm-up).
import { VFile } from 'vfile';
import { parseBriefing, type StageTimes } from '../pipeline/parse/index.ts';
import { readSource, resolveSource } from '../pipeline/source.ts';

const runs = Number(process.argv[2] ?? 20);
const resolved = await resolveSource('r6');
const t0 = performance.now();
const input = await readSource(resolved, new VFile({ path: resolved.sourcePath }));
const ingestMs = performance.now() - t0;

const samples: (StageTimes & { total: number })[] = [];
let firstRun = 0;
for (let i = 0; i < runs + 3; i++) {
  const times = {} as StageTimes;
  const start = performance.now();
  parseBriefing(input, new VFile({ path: resolved.sourcePath }), times);
  const total = performance.now() - start;
  if (i === 0) firstRun = total;
  if (i >= 3) samples.push({ ...times, total });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold = samples.length;
console.log(`parse of ${resolved.sourcePath} (${input.text.split('\n').length} lines), median of ${cold} runs after 3 warm-up runs`);
console.log(`  ingest (read + decode, once)  ${ingestMs.toFixed(1)} ms`);
console.log(`  first parse (cold)            ${firstRun.toFixed(1)} ms`);
for (const stage of ['normalize', 'segment', 'contacts', 'assign', 'extract', 'total'] as const) {
  console.log(`  ${stage.padEnd(29)} ${median(samples.map((s) => s[stage])).toFixed(1)} ms`);
}
