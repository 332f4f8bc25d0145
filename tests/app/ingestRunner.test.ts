/** The ingest summary printed by `npm run ingest` and sent to admins, and its full record on disk. */
import { DEFAULT_PARSE_LIMITS } from "../../src/corpus/limits.js";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INGEST_REPORT_FILE, describeIngest, runIngest } from "../../src/app/ingestRunner.js";
import type { IngestSummary } from "../../src/index/ingest.js";
import { makeTempDir } from "../support/fixtures.js";

function summary(over: Partial<IngestSummary> = {}): IngestSummary {
  return { mode: "full", generation: "gen-1", documents: 1, passages: 1, added: [], updated: [], removed: [], unchanged: 0, skipped: [], quiz: { questions: 1, dropped: 0 }, workers: 1, ms: 12, ...over };
}

describe("describeIngest", () => {
  it("says “1 document”, “1 passage” and “1 question” in the singular", () => {
    const [first] = describeIngest(summary({ added: ["a.txt"] }));
    expect(first).toBe("Index built (gen-1) in 12 ms: 1 document, 1 passage.");
    expect(describeIngest(summary())).toContain("Quiz bank: 1 question (0 dropped by validation).");
    expect(describeIngest(summary({ documents: 2, passages: 1_500 }))[0]).toContain("2 documents, 1,500 passages");
  });

  it("keeps a 2,000-file ingest to counts and the first few names per outcome", () => {
    const added = Array.from({ length: 2_000 }, (_, i) => `tai-lieu-${i}.txt`);
    const skipped = Array.from({ length: 30 }, (_, i) => ({ path: `hong-${i}.pdf`, code: "FILE_UNREADABLE", reason: "not a PDF" }));
    const lines = describeIngest(summary({ documents: 2_000, added, removed: ["cu.txt"], skipped }));
    expect(lines.join("\n").length).toBeLessThan(1_000);
    expect(lines).toContain("Added 2000: tai-lieu-0.txt, tai-lieu-1.txt, tai-lieu-2.txt, tai-lieu-3.txt, tai-lieu-4.txt … and 1995 more");
    expect(lines).toContain("Removed 1: cu.txt");
    expect(lines).toContain("Skipped 30:");
    expect(lines).toContain("  hong-0.pdf: not a PDF [FILE_UNREADABLE]");
    expect(lines).toContain("  … and 25 more");
    expect(lines.at(-1)).toBe("Every file name: last-ingest.json in the index folder (or run with --verbose).");
  });

  it("lists every name with verbose", () => {
    const added = Array.from({ length: 40 }, (_, i) => `t${i}.txt`);
    const lines = describeIngest(summary({ added }), { verbose: true });
    expect(lines).toContain(`Added 40: ${added.join(", ")}`);
    expect(lines.join("\n")).not.toContain("more");
  });
});

describe("runIngest", () => {
  it("records the summary with every file name in INDEX_DIR/last-ingest.json", async () => {
    const { dir, cleanup } = await makeTempDir("app-report");
    try {
      const corpusDir = path.join(dir, "corpus");
      const indexDir = path.join(dir, "index");
      await mkdir(corpusDir);
      for (let i = 0; i < 8; i++) await writeFile(path.join(corpusDir, `xa-${i}.txt`), `Báo cáo xã số ${i}\n\nXã số ${i} có ${i + 3} chi bộ thôn với ${i * 20 + 40} đảng viên.\n`);
      await runIngest({ corpusDir, indexDir, maxFileMb: 1, efSearch: 50, limits: DEFAULT_PARSE_LIMITS, maxPassagesPerFile: 10_000, ocrMaxPages: 5 });
      const report = JSON.parse(await readFile(path.join(indexDir, INGEST_REPORT_FILE), "utf8")) as IngestSummary;
      expect(report.added).toHaveLength(8);
      expect(report.documents).toBe(8);
    } finally {
      await cleanup();
    }
  });
});
