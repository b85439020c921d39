/** The pairs of adjacent characters of a text, for Dice-like similarity of names and lines. */
export function bigrams(s: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) grams.add(s.slice(i, i + 2));
  return grams;
}

/** How alike two texts are, from 0 to 1: Dice's coefficient on their bigrams (0 when either has none). */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}
