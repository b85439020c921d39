/** Slide numbers as a reader writes them: runs joined by an en dash, the rest by commas ("1–5", "42, 44", "3–5, 9"). */
export function slideRanges(slides: readonly number[]): string {
  const sorted = [...new Set(slides)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
}
