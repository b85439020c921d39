/** The pairs of adjacent characters of a text, for Dice-like similarity of names and lines. */
export function bigrams(s: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) grams.add(s.slice(i, i + 2));
  return grams;
}
