/** Pure rank-fusion functions for hybrid retrieval. */

/** One ranked list: ids best first. */
export interface RankedList<T> {
  ids: readonly T[];
  weight: number;
}

/**
 * Weighted reciprocal-rank fusion (Cormack et al., 2009): each list adds weight / (k + rank) to an id.
 * Robust to the lists' incomparable score scales. Returns ids with fused scores, best first.
 */
export function reciprocalRankFusion<T>(lists: readonly RankedList<T>[], k = 60): Array<{ id: T; score: number }> {
  const scores = new Map<T, number>();
  for (const list of lists) {
    list.ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + list.weight / (k + rank + 1)));
  }
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
