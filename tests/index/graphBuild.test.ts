import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newGraphBuild, type GraphParameters } from "../../src/index/graphBuild.js";
import { makeTempDir } from "../support/fixtures.js";

const DIM = 16;
let root: { dir: string; cleanup: () => Promise<void> };

/** Deterministic unit vectors. */
function vectors(count: number, seed: number): Float32Array {
  const out = new Float32Array(count * DIM);
  let x = seed;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = x / 2147483648 - 0.5;
  }
  for (let r = 0; r < count; r++) {
    const row = out.subarray(r * DIM, (r + 1) * DIM);
    const norm = Math.hypot(...row);
    for (let j = 0; j < DIM; j++) row[j] = (row[j] ?? 0) / norm;
  }
  return out;
}

beforeAll(async () => {
  root = await makeTempDir("graph-build-");
});

afterAll(async () => {
  await root.cleanup();
});

describe("vector graph build", () => {
  // A capacity of 8 makes the graph grow four times over the 100 vectors, in batches of uneven size.
  const parameters: GraphParameters = { dimensions: DIM, capacity: 8, m: 8, efConstruction: 50, seed: 100 };
  const batches = [1, 7, 30, 2, 60].map((n, i) => vectors(n, i + 1));

  it("gives the same graph file in a worker thread as in this thread, and the same neighbours", async () => {
    const files: Buffer[] = [];
    const found: number[][][] = [];
    for (const offThread of [false, true]) {
      const graph = newGraphBuild(parameters, offThread);
      try {
        expect(graph.isOffThread).toBe(offThread);
        let label = 0;
        for (const batch of batches) {
          graph.add(batch.slice(), label);
          label += batch.length / DIM;
        }
        found.push(await graph.searchAll(20, [vectors(1, 99), vectors(1, 98)], 5));
        const file = path.join(root.dir, `graph-${offThread}.index`);
        await graph.writeIndex(file);
        files.push(await readFile(file));
      } finally {
        await graph.close();
      }
    }
    expect(found[0]?.[0]).toHaveLength(5);
    expect(found[1]).toEqual(found[0]);
    expect(files[0]?.length).toBeGreaterThan(100 * DIM * 4);
    expect(files[1]?.equals(files[0] ?? Buffer.alloc(0))).toBe(true);
  });

  it("reports a failed insertion at the next request, and refuses requests once closed", async () => {
    const graph = newGraphBuild(parameters, true);
    try {
      graph.add(vectors(3, 5), 0);
      // A vector of the wrong width cannot be inserted.
      graph.add(new Float32Array(DIM + 3), 3);
      await expect(graph.searchAll(10, [vectors(1, 7)], 2)).rejects.toThrow(/building the vector graph failed/);
    } finally {
      await graph.close();
    }
    await expect(graph.writeIndex(path.join(root.dir, "closed.index"))).rejects.toThrow(/closed/);
  });
});
