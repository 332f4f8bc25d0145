import { cp, mkdir, truncate, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
import { ingestCorpus } from "../../src/index/ingest.js";
import { currentGeneration, loadIndex, type LoadedIndex } from "../../src/index/store.js";
import { QaEngine } from "../../src/qa/engine.js";
import { makeTempDir } from "../support/fixtures.js";

// Off-thread search needs a second core; on one core every index is searched in this thread.
const hasSecondCore = availableParallelism() > 1;
if (!hasSecondCore) console.warn("vectorSearcher tests skipped: this machine has one core, so no index is searched off-thread");

let root: { dir: string; cleanup: () => Promise<void> };
let indexDir: string;

const QUESTIONS = ["Chi bộ thôn họp bao lâu một lần?", "Đảng ủy xã có bao nhiêu ủy viên?", "Who chairs the commune committee meetings?", "ngan sach xa nam 2025 la bao nhieu"];

beforeAll(async () => {
  root = await makeTempDir("vector-searcher-test-");
  const corpusDir = path.join(root.dir, "corpus");
  indexDir = path.join(root.dir, "index");
  await mkdir(corpusDir, { recursive: true });
  const lines = (n: number, what: string): string => Array.from({ length: n }, (_, i) => `${i + 1}. ${what} thứ ${i + 1} có ${i + 3} đảng viên và họp ${i % 3 === 0 ? "mỗi tháng" : "mỗi quý"} một lần.`).join("\n\n");
  await writeFile(path.join(corpusDir, "chi-bo.txt"), `Báo cáo chi bộ\n\n${lines(40, "Chi bộ thôn")}`);
  await writeFile(path.join(corpusDir, "dang-uy.txt"), `Báo cáo đảng ủy\n\nĐảng ủy xã có 15 ủy viên; Bí thư chủ trì các cuộc họp.\n\n${lines(40, "Tổ đảng")}`);
  await writeFile(path.join(corpusDir, "ngan-sach.txt"), "Ngân sách xã\n\nNăm 2025, ngân sách xã là 12 tỷ đồng.\n\nNăm 2024, ngân sách xã là 10 tỷ đồng.");
  await ingestCorpus({ corpusDir, indexDir, maxFileBytes: 1 << 20, efSearch: 50 });
});

afterAll(async () => {
  await root.cleanup();
});

describe.runIf(hasSecondCore)("vector search in a worker thread", () => {
  it("finds the same neighbours at the same distances as the search in this thread", async () => {
    const inThread = await loadIndex(indexDir, { efSearch: 50 });
    const offThread = await loadIndex(indexDir, { efSearch: 50, offThreadFrom: 0 });
    try {
      expect(inThread.vectors.isOffThread).toBe(false);
      expect(offThread.vectors.isOffThread).toBe(true);
      // Serving does not hold the graph twice: the worker has it, this thread does not.
      expect(offThread.vectorStore).toBeNull();
      expect(offThread.vectors.count).toBe(inThread.vectors.count);
      for (const q of QUESTIONS) {
        const vector = inThread.embeddings.embedSync(q);
        const [a, b] = await Promise.all([inThread.vectors.search(vector, 10), offThread.vectors.search(vector, 10)]);
        expect(b).toEqual(a);
        expect(b.length).toBe(10);
      }
    } finally {
      await offThread.vectors.close();
    }
  });

  it("answers exactly as an engine searching in this thread", async () => {
    const inThread = await QaEngine.open(indexDir, { offThreadFrom: Number.POSITIVE_INFINITY });
    const offThread = await QaEngine.open(indexDir, { offThreadFrom: 0 });
    try {
      expect(offThread.index.vectors.isOffThread).toBe(true);
      for (const q of QUESTIONS) {
        const [a, b] = await Promise.all([inThread.ask(q), offThread.ask(q)]);
        expect({ ...b, ms: 0 }).toEqual({ ...a, ms: 0 });
      }
    } finally {
      await offThread.close();
    }
  });

  it("answers the searches in flight when it is closed, and refuses later ones", async () => {
    const index = await loadIndex(indexDir, { efSearch: 50, offThreadFrom: 0 });
    const vector = index.embeddings.embedSync("chi bộ họp");
    const asked = [index.vectors.search(vector, 3), index.vectors.search(vector, 3)];
    const closed = index.vectors.close();
    await expect(Promise.all(asked)).resolves.toEqual([expect.any(Array), expect.any(Array)]);
    expect((await asked[0])?.length).toBe(3);
    await closed;
    await expect(index.vectors.search(vector, 3)).rejects.toThrow(/closed/);
  });

  it("starts a new thread for the next search when its thread has died", async () => {
    const index = await loadIndex(indexDir, { efSearch: 50, offThreadFrom: 0 });
    try {
      const vector = index.embeddings.embedSync("ngân sách xã");
      const before = await index.vectors.search(vector, 5);
      // The thread dies (as an out-of-memory kill or a crash in the native library would end it).
      const { worker } = index.vectors as unknown as { worker: { terminate(): Promise<number> } };
      await worker.terminate();
      // Two searches at once start one thread between them.
      await expect(Promise.all([index.vectors.search(vector, 5), index.vectors.search(vector, 5)])).resolves.toEqual([before, before]);
      expect((index.vectors as unknown as { worker: unknown }).worker).not.toBe(worker);
    } finally {
      await index.vectors.close();
    }
  });

  it("reports a damaged vector file as a damaged index", async () => {
    const dir = path.join(root.dir, "index-damaged");
    await cp(indexDir, dir, { recursive: true });
    await truncate(path.join(dir, (await currentGeneration(dir)) ?? "", "hnswlib.index"), 100);
    await expect(loadIndex(dir, { efSearch: 50, offThreadFrom: 0 })).rejects.toSatisfy((err: unknown) => isAppError(err, "INDEX_CORRUPT") && /npm run ingest/.test(err.message));
  });

  it("stops the thread of a generation swapped out, once no question uses it", async () => {
    const engine = await QaEngine.open(indexDir, { offThreadFrom: 0 });
    const first = engine.index;
    const second: LoadedIndex = await loadIndex(indexDir, { efSearch: 50, offThreadFrom: 0 });
    const third: LoadedIndex = await loadIndex(indexDir, { efSearch: 50, offThreadFrom: 0 });
    const probe = (index: LoadedIndex): Promise<unknown> => index.vectors.search(index.embeddings.embedSync("chi bộ"), 1);
    try {
      // Idle: closed at once.
      engine.swap(second);
      await expect(probe(first)).rejects.toThrow(/closed/);
      // A question retrieving from the generation when it is swapped out finishes on it; then it is closed.
      const asked = engine.ask(QUESTIONS[0] ?? "");
      engine.swap(third);
      await expect(probe(second)).resolves.toHaveLength(1);
      expect((await asked).abstained).toBe(false);
      await expect(probe(second)).rejects.toThrow(/closed/);
      await expect(probe(third)).resolves.toHaveLength(1);
    } finally {
      await engine.close();
    }
  });

  it("keeps answering after a reload that found the same generation in service (only the reload's thread is stopped)", async () => {
    const engine = await QaEngine.open(indexDir, { offThreadFrom: 0 });
    try {
      expect(await engine.reloadIfChanged(indexDir)).toBe(false);
      await expect(engine.ask(QUESTIONS[0] ?? "")).resolves.toMatchObject({ abstained: false });
    } finally {
      await engine.close();
    }
  });
});
