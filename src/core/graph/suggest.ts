import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `wanted`, when it is near enough to be a likely typo (edit distance at
 * most a third of the longer string, and at least 1), else undefined. fastest-levenshtein is a
 * small, well-kept and very fast implementation.
 */
export function nearest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(wanted, c);
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(wanted.length, best.length) / 3));
  if (bestDistance <= limit || best.startsWith(wanted) || wanted.startsWith(best)) return best;
  return undefined;
}
