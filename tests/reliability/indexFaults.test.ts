import { spawn } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCorpus } from "../../src/index/ingest.js";
import { currentGeneration, loadIndex } from "../../src/index/store.js";
import { QaEngine } from "../../src/qa/engine.js";
import { makeTempDir } from "../support/fixtures.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let tmp: { dir: string; cleanup: () => Promise<void> };
let corpus: string;
let index: string;

function settings() {
  return { corpusDir: corpus, indexDir: index, maxFileBytes: 20 * 1024 * 1024, efSearch: 100 };
}

/** Runs the real ingest script and kills it with SIGKILL after `afterMs`. Resolves with how it ended. */
function ingestKilledAfter(afterMs: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--corpus", corpus, "--index", index, "--quiet"], {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, CORPUS_DIR: corpus, INDEX_DIR: index },
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), afterMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === "SIGKILL", code });
    });
  });
}

beforeAll(async () => {
  tmp = await makeTempDir("index-faults-");
  corpus = path.join(tmp.dir, "corpus");
  index = path.join(tmp.dir, "index");
  await mkdir(corpus, { recursive: true });
  await writeFile(path.join(corpus, "goc.txt"), "Báo cáo gốc\n\nXã Ea Tu có 11 chi bộ thôn với 240 đảng viên.\n");
  await ingestCorpus(settings());
  // Enough new material that a re-ingest takes seconds, so that kills land mid-way.
  for (let f = 0; f < 120; f++) {
    const paragraphs = Array.from({ length: 40 }, (_, p) => `Đoạn ${p + 1}: chi bộ số ${f * 40 + p} của đảng bộ huyện thứ ${f} có ${(f * 13 + p * 7) % 90 + 10} đảng viên, sinh hoạt thường lệ mỗi tháng một lần.`);
    await writeFile(path.join(corpus, `tai-lieu-${f}.txt`), `Tài liệu số ${f}\n\n${paragraphs.join("\n\n")}\n`);
  }
}, 120_000);

afterAll(async () => {
  await tmp.cleanup();
});

describe("an ingest killed with SIGKILL", () => {
  it("leaves the previous index serving, and the next ingest recovers", async () => {
    const before = await currentGeneration(index);
    let killedMidway = 0;
    for (const afterMs of [1500, 2500, 3500]) {
      const run = await ingestKilledAfter(afterMs);
      if (run.killed) killedMidway++;
      // Whatever moment the kill came, CURRENT names a complete generation that loads and answers.
      const serving = await loadIndex(index, { efSearch: 100 });
      expect([before, serving.generation]).toContain(serving.generation);
      const engine = await QaEngine.open(index);
      expect((await engine.ask("Xã Ea Tu có bao nhiêu chi bộ thôn?")).answer).toContain("11 chi bộ thôn");
    }
    expect(killedMidway).toBeGreaterThan(0);
    // The next ingest takes over the dead process's lock, finishes, and cleans up its half-written files.
    const summary = await ingestCorpus(settings());
    expect(summary.documents).toBe(121);
    expect((await readdir(index)).filter((e) => e.startsWith(".tmp-") || e === ".lock")).toEqual([]);
    const engine = await QaEngine.open(index);
    expect((await engine.ask("Tài liệu số 7 đoạn 3 chi bộ số 282 có bao nhiêu đảng viên?")).abstained).toBe(false);
  }, 180_000);
});
