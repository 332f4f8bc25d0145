import hnswlib from "hnswlib-node";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/quiz/random.js";
import { calibrateEfSearch, searchIn, exactScores, fallbackEfSearch, pseudoQuestion, spreadRows, DEFAULT_CALIBRATION } from "../../src/index/vectorSearch.js";

const DIM = 32;

function unitVectors(count: number, seed: number): Float32Array {
  const rng = mulberry32(seed);
  const out = new Float32Array(count * DIM);
  for (let row = 0; row < count; row++) {
    let norm = 0;
    for (let j = 0; j < DIM; j++) {
      const v = rng() - 0.5;
      out[row * DIM + j] = v;
      norm += v * v;
    }
    for (let j = 0; j < DIM; j++) out[row * DIM + j] = (out[row * DIM + j] ?? 0) / Math.sqrt(norm);
  }
  return out;
}

function graphOf(vectors: Float32Array, m = 4, efConstruction = 10): hnswlib.HierarchicalNSW {
  const count = vectors.length / DIM;
  const graph = new hnswlib.HierarchicalNSW("cosine", DIM);
  graph.initIndex(count, m, efConstruction, 100);
  for (let row = 0; row < count; row++) graph.addPoint(Array.from(vectors.subarray(row * DIM, (row + 1) * DIM)), row);
  return graph;
}

function recallAt(graph: hnswlib.HierarchicalNSW, vectors: Float32Array, queries: Float32Array[], ef: number): number {
  graph.setEf(ef);
  let found = 0;
  for (const q of queries) {
    const { scores, kth } = exactScores(vectors, DIM, q, 10);
    for (const label of graph.searchKnn(Array.from(q), 10).neighbors) if ((scores[label] ?? -Infinity) >= kth - 1e-6) found++;
  }
  return found / (queries.length * 10);
}

describe("HNSW search width measured at ingest", () => {
  it("picks a width whose recall on other queries reaches the target where the default width falls short", async () => {
    const vectors = unitVectors(3000, 1);
    // A sparse graph built cheaply: recall at a small width is poor.
    const graph = graphOf(vectors);
    const calibrationQueries = Array.from({ length: 64 }, (_, i) => unitVectors(1, 100 + i));
    const chosen = await calibrateEfSearch(searchIn(graph), vectors, DIM, (label) => label, calibrationQueries);
    const held = Array.from({ length: 64 }, (_, i) => unitVectors(1, 1000 + i));
    expect(recallAt(graph, vectors, held, 10)).toBeLessThan(0.9);
    expect(chosen.efSearch).toBeGreaterThan(10);
    expect(chosen.recallAtK).toBeGreaterThanOrEqual(DEFAULT_CALIBRATION.targetRecall);
    expect(recallAt(graph, vectors, held, chosen.efSearch)).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps, when no width reaches the target, the smallest one within the plateau of the best recall measured", async () => {
    const vectors = unitVectors(3000, 1);
    const graph = graphOf(vectors);
    const queries = Array.from({ length: 32 }, (_, i) => unitVectors(1, 100 + i));
    const unreachable = { ...DEFAULT_CALIBRATION, targetRecall: 1.01, ladder: [16, 64, 256, 1024] };
    const wide = await calibrateEfSearch(searchIn(graph), vectors, DIM, (label) => label, queries, { ...unreachable, plateau: 0 });
    const near = await calibrateEfSearch(searchIn(graph), vectors, DIM, (label) => label, queries, { ...unreachable, plateau: 1 });
    // With no plateau, the width that measured the best recall; with a plateau as wide as recall itself, the narrowest.
    expect(near.efSearch).toBe(16);
    expect(wide.efSearch).toBeGreaterThan(16);
    expect(wide.recallAtK).toBeGreaterThan(near.recallAtK);
  });

  it("searches every passage of a small index (a width of at least its size is exact)", async () => {
    const vectors = unitVectors(50, 2);
    const chosen = await calibrateEfSearch(searchIn(graphOf(vectors)), vectors, DIM, (label) => label, [unitVectors(1, 3)]);
    expect(chosen).toMatchObject({ efSearch: 50, recallAtK: 1, passages: 50 });
  });

  it("never counts a deleted label as found", async () => {
    const vectors = unitVectors(400, 4);
    const graph = graphOf(vectors, 16, 100);
    // Only the first half are live rows: a neighbour from the other half must not count.
    const live = vectors.slice(0, 200 * DIM);
    const chosen = await calibrateEfSearch(searchIn(graph), live, DIM, (label) => (label < 200 ? label : undefined), [unitVectors(1, 5)], { ...DEFAULT_CALIBRATION, ladder: [64] });
    expect(chosen.recallAtK).toBeLessThan(1);
  });

  it("cuts pseudo-questions from the middle of a passage and spreads them evenly", () => {
    expect(pseudoQuestion("một hai ba bốn năm sáu bảy tám chín mười", 4)).toBe("bốn năm sáu bảy");
    expect(pseudoQuestion("hai từ", 6)).toBe("hai từ");
    expect(spreadRows(100, 4)).toEqual([12, 37, 62, 87]);
    expect(spreadRows(3, 10)).toEqual([0, 1, 2]);
  });

  it("falls back to a width growing with the index for indexes written without a measured one", () => {
    expect(fallbackEfSearch(30)).toBeGreaterThanOrEqual(30);
    expect(fallbackEfSearch(10_000)).toBeGreaterThan(fallbackEfSearch(1_000));
  });
});
