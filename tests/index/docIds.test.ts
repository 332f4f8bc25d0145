/**
 * Document ids are unique and stable, and a re-ingest drops every passage of a changed or removed file
 * by its path: two names that fold to the same id ("x.txt"/"X.txt", "Điều lệ.txt"/"dieu-le.txt") never
 * leave a stale passage answering.
 */
import { writeFile, rm, mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeIngest, ingestSettings, runIngest } from "../../src/app/ingestRunner.js";
import { createDocumentIngest } from "../../src/app/documentIngest.js";
import { IndexReloader } from "../../src/app/indexReloader.js";
import { loadConfig } from "../../src/config.js";
import { assignDocIds, ingestCorpus } from "../../src/index/ingest.js";
import { loadIndex } from "../../src/index/store.js";
import { QaEngine } from "../../src/qa/engine.js";
import { collectingLogger } from "../reliability/offlineBot.js";
import { makeTempDir } from "../support/fixtures.js";

let tmp: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  tmp = await makeTempDir("doc-ids-");
});

afterAll(async () => {
  await tmp.cleanup();
});

const text = (n: number, place: string) => `Báo cáo ${place}\n\nChi bộ thôn ${place} có ${n} đảng viên.\n`;

describe("assignDocIds", () => {
  it("gives names differing only by case or diacritics different ids, the first keeping the plain one", () => {
    const ids = assignDocIds(["X.txt", "x.txt", "dieu-le.txt", "Điều lệ.txt", "sub/x.txt"]);
    expect(new Set(ids.values()).size).toBe(5);
    expect(ids.get("X.txt")).toBe("x");
    expect(ids.get("x.txt")).toMatch(/^x-[0-9a-f]{6}$/);
    expect(ids.get("dieu-le.txt")).toBe("dieu-le");
    expect(ids.get("Điều lệ.txt")).toMatch(/^dieu-le-[0-9a-f]{6}$/);
    expect(ids.get("sub/x.txt")).toBe("sub/x");
  });

  it("keeps a file's id when another file with the same base is added before it in corpus order", () => {
    const before = assignDocIds(["x.txt"]);
    const after = assignDocIds(["X.txt", "x.txt"], before);
    expect(after.get("x.txt")).toBe("x");
    expect(after.get("X.txt")).toMatch(/^x-[0-9a-f]{6}$/);
    // And the suffix depends only on the path, not on what else is there.
    expect(assignDocIds(["X.txt", "x.txt", "a.txt"], before).get("X.txt")).toBe(after.get("X.txt"));
  });

  it("takes an id two paths shared in an older index away from both", () => {
    const ids = assignDocIds(["X.txt", "x.txt"], new Map([["X.txt", "x"], ["x.txt", "x"]]));
    expect(new Set(ids.values()).size).toBe(2);
  });
});

describe("re-ingesting files whose names fold to the same id", () => {
  for (const [first, second] of [["x.txt", "X.txt"], ["Điều lệ.txt", "dieu-le.txt"]] as const) {
    it(`answers with the current text after ${second} changes, never the stale passage (${first} beside it)`, async () => {
      const root = path.join(tmp.dir, second.replace(/\W/g, "_"));
      const corpus = path.join(root, "corpus");
      const index = path.join(root, "index");
      await mkdir(corpus, { recursive: true });
      await writeFile(path.join(corpus, first), text(7, "Ea Tu"));
      await writeFile(path.join(corpus, second), text(12, "Ea Kao"));
      const settings = { corpusDir: corpus, indexDir: index, maxFileBytes: 1024 * 1024, efSearch: 100 };
      await ingestCorpus(settings);
      await writeFile(path.join(corpus, second), text(15, "Ea Kao"));
      const summary = await ingestCorpus(settings);
      expect(summary.updated).toEqual([second]);
      const loaded = await loadIndex(index, { efSearch: 100 });
      expect(new Set(loaded.passages.map((p) => p.id)).size).toBe(loaded.passages.length);
      expect(loaded.passages.filter((p) => p.text.includes("12 đảng viên"))).toEqual([]);
      const engine = await QaEngine.open(index);
      expect((await engine.ask("Chi bộ thôn Ea Kao có bao nhiêu đảng viên?")).answer).toContain("15 đảng viên");
      expect((await engine.ask("Chi bộ thôn Ea Tu có bao nhiêu đảng viên?")).answer).toContain("7 đảng viên");
      // Removing one of the two removes its passages only.
      await rm(path.join(corpus, second));
      await ingestCorpus(settings);
      const after = await loadIndex(index, { efSearch: 100 });
      expect(after.passages.some((p) => p.text.includes("Ea Kao"))).toBe(false);
      expect(after.passages.some((p) => p.text.includes("Ea Tu"))).toBe(true);
    }, 60_000);
  }

  it("keeps uploads of x.txt, X.txt and a/../x.txt apart: unique ids, and the current text of each", async () => {
    const root = path.join(tmp.dir, "uploads");
    const corpus = path.join(root, "corpus");
    const index = path.join(root, "index");
    await mkdir(corpus, { recursive: true });
    await writeFile(path.join(corpus, "goc.txt"), text(9, "Hòa Thuận"));
    const settings = ingestSettings(loadConfig({ CORPUS_DIR: corpus, INDEX_DIR: index }));
    await runIngest(settings);
    const engine = await QaEngine.open(index);
    const logger = collectingLogger();
    const reloader = new IndexReloader({ engine, indexDir: index, pollMs: 60_000, logger });
    const ingest = createDocumentIngest({ corpusDir: corpus, maxFileMb: 1, runIngest: () => runIngest(settings), describe: describeIngest, reloader, logger });
    expect((await ingest.addDocument({ fileName: "x.txt", bytes: Buffer.from(text(12, "Ea Kao")) })).replaced).toBe(false);
    expect((await ingest.addDocument({ fileName: "X.txt", bytes: Buffer.from(text(30, "Ea Sar")) })).replaced).toBe(false);
    const third = await ingest.addDocument({ fileName: "a/../x.txt", bytes: Buffer.from(text(15, "Ea Kao")) });
    expect(third).toMatchObject({ savedAs: "x.txt", replaced: true, rejected: null });
    const ids = engine.index.passages.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(engine.index.passages.filter((p) => p.text.includes("12 đảng viên"))).toEqual([]);
    expect((await engine.ask("Chi bộ thôn Ea Kao có bao nhiêu đảng viên?")).answer).toContain("15 đảng viên");
    expect((await engine.ask("Chi bộ thôn Ea Sar có bao nhiêu đảng viên?")).answer).toContain("30 đảng viên");
    await reloader.stop();
  }, 60_000);
});
