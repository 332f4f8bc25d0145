/**
 * HNSW search width chosen by measurement, so that recall does not fall as the corpus grows. hnswlib's
 * recall at a fixed `ef` drops with the size of the graph (at ef 100: 0.98 at 1k passages, 0.62 at 100k
 * of synthetic text), so the ingest measures it: short pseudo-questions cut from a fixed spread of
 * passages are searched exactly (a scan over every vector) and through the graph at growing widths, and
 * the smallest width reaching the target recall is stored in the manifest. An `ef` of at least the number
 * of passages visits every node: the search is exact, which is also what small indexes get.
 */
import type hnswlib from "hnswlib-node";

/** The vector search settings stored with a generation, and how they were chosen. */
export interface VectorSearchSettings {
  /** HNSW search width set on every load (unless HNSW_EF_SEARCH overrides it). */
  efSearch: number;
  /** Recall@k measured at that width on the pseudo-questions (1 when the search is exact). */
  recallAtK: number;
  k: number;
  /** Pseudo-questions measured. */
  queries: number;
  /** Live passages when measured: an incremental update keeps the setting while the size stays close. */
  passages: number;
}

/** Calibration policy. */
export interface CalibrationPolicy {
  /**
   * Recall@k to reach on the pseudo-questions; above the 0.95 target since real questions can be harder
   * (at 10k synthetic passages 0.98 on them was 0.946 on the questions; 0.99 chooses a width that gives 0.97).
   */
  targetRecall: number;
  k: number;
  /** Pseudo-questions, cut from evenly spread passages. */
  queries: number;
  /** Words per pseudo-question: about the length of a question once its stop words are gone. */
  queryWords: number;
  /**
   * Widths tried in order; the first to reach the target is kept. It starts at 200: below that the
   * pseudo-questions overstate recall on real questions (0.98 on them was 0.95 on questions at 1k), and
   * a search that narrow saves less than 0.1 ms.
   */
  ladder: readonly number[];
  /** An incremental update re-measures when the live passages changed by more than this share. */
  resizeTolerance: number;
  /**
   * When no width reaches the target, the smallest width whose recall is within this much of the best one
   * measured is kept: past it a wider search buys almost nothing for its cost (on 108k passages of real
   * text the pseudo-questions never reach 0.99, and ef 1600 searched for 8 ms a query).
   */
  plateau: number;
}

export const DEFAULT_CALIBRATION: CalibrationPolicy = { targetRecall: 0.99, k: 10, queries: 64, queryWords: 8, ladder: [200, 300, 400, 600, 800, 1200, 1600], resizeTolerance: 0.1, plateau: 0.01 };

/** Search width for an index without a stored setting (an index written before calibration existed). */
export function fallbackEfSearch(passages: number): number {
  return Math.max(64, Math.min(passages, Math.round(40 * Math.sqrt(passages))));
}

/** A short pseudo-question from the middle of a passage's text: a few consecutive words. */
export function pseudoQuestion(text: string, words: number): string {
  const all = text.split(/\s+/).filter(Boolean);
  const start = Math.max(0, Math.floor((all.length - words) / 2));
  return all.slice(start, start + words).join(" ");
}

/** Rows of an even, fixed spread of `count` out of `n`. */
export function spreadRows(n: number, count: number): number[] {
  if (count >= n) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * n) / count));
}

/**
 * The k-th best exact similarity of `query` over `vectors` (row-major, unit length) and every row's score:
 * a neighbour found by the graph counts when it scores at least the k-th best (ties count).
 */
export function exactScores(vectors: Float32Array, dimensions: number, query: Float32Array, k: number): { scores: Float32Array; kth: number } {
  const rows = vectors.length / dimensions;
  const scores = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    let dot = 0;
    const base = row * dimensions;
    for (let j = 0; j < dimensions; j++) dot += (vectors[base + j] ?? 0) * (query[j] ?? 0);
    scores[row] = dot;
  }
  const kth = rows === 0 ? -Infinity : (Float32Array.from(scores).sort()[Math.max(0, rows - k)] ?? -Infinity);
  return { scores, kth };
}

/** Searches a graph for several queries at one width: the k nearest labels of each (see GraphBuild.searchAll). */
export type GraphSearch = (ef: number, queries: readonly Float32Array[], k: number) => Promise<number[][]>;

/** The `GraphSearch` of a graph in this thread. */
export function searchIn(graph: hnswlib.HierarchicalNSW): GraphSearch {
  return (ef, queries, k) => {
    graph.setEf(ef);
    return Promise.resolve(queries.map((q) => graph.searchKnn(Array.from(q), k).neighbors));
  };
}

/**
 * Measures recall@k of the graph at growing widths against an exact scan, for the given query vectors,
 * and returns the smallest width reaching the target. `rowOfLabel` maps a graph label to its row in
 * `vectors` (undefined for deleted labels, which never count).
 */
export async function calibrateEfSearch(
  search: GraphSearch,
  vectors: Float32Array,
  dimensions: number,
  rowOfLabel: (label: number) => number | undefined,
  queries: readonly Float32Array[],
  policy: CalibrationPolicy = DEFAULT_CALIBRATION,
): Promise<VectorSearchSettings> {
  const live = vectors.length / dimensions;
  const k = Math.min(policy.k, live);
  const exact = { efSearch: Math.max(1, live), recallAtK: 1, k: policy.k, queries: queries.length, passages: live };
  if (live === 0 || queries.length === 0) return exact;
  const truths = queries.map((q) => exactScores(vectors, dimensions, q, k));
  const measured: VectorSearchSettings[] = [];
  for (const ef of policy.ladder) {
    if (ef >= live) return exact;
    let found = 0;
    (await search(ef, queries, k)).forEach((neighbors, i) => {
      const truth = truths[i];
      if (!truth) return;
      for (const label of neighbors) {
        const row = rowOfLabel(label);
        if (row !== undefined && (truth.scores[row] ?? -Infinity) >= truth.kth - 1e-6) found++;
      }
    });
    const setting = { efSearch: ef, recallAtK: Math.round((found / (queries.length * k)) * 1000) / 1000, k: policy.k, queries: queries.length, passages: live };
    if (setting.recallAtK >= policy.targetRecall) return setting;
    measured.push(setting);
  }
  // No width reached the target (past the widest the search costs more than an exact scan would): the
  // smallest width within the plateau of the best recall measured.
  const best = Math.max(...measured.map((m) => m.recallAtK));
  return measured.find((m) => m.recallAtK >= best - policy.plateau) ?? exact;
}
