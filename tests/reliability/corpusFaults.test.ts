import { mkdir, open, writeFile } from "node:fs/promises";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCorpus, type IngestSummary } from "../../src/index/ingest.js";
import { QaEngine } from "../../src/qa/engine.js";
import { makeTempDir, makeZip, toWindows1258Shape } from "../support/fixtures.js";

let tmp: { dir: string; cleanup: () => Promise<void> };
let summary: IngestSummary;
let engine: QaEngine;

const GOOD = "Báo cáo của Đảng ủy xã\n\nNăm 2022, Đảng ủy xã Hòa Thuận có 14 chi bộ trực thuộc với 320 đảng viên.\n";
const TCVN3_TEXT = "Tin công tác đảng\n\nĐảng bộ xã Ea Nuôl kết nạp 19 đảng viên mới trong năm 2021.\n";
const LEGACY = "Thông báo của Huyện uỷ\n\nHuyện uỷ Cư Jút đã thành lập 27 tổ công tác để hướng dẫn các chi bộ thôn.\n";

beforeAll(async () => {
  tmp = await makeTempDir("corpus-faults-");
  const corpus = path.join(tmp.dir, "corpus");
  await mkdir(corpus, { recursive: true });
  await writeFile(path.join(corpus, "tot.txt"), GOOD);
  await writeFile(path.join(corpus, "rong.txt"), "");
  await writeFile(path.join(corpus, "chi-khoang-trang.md"), "   \n\n\t\n");
  await writeFile(path.join(corpus, "rac.pdf"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  await writeFile(path.join(corpus, "rac.docx"), makeZip({ "random.bin": Buffer.from("not a word document at all") }));
  await writeFile(path.join(corpus, "tcvn3.txt"), iconv.encode(TCVN3_TEXT, "tcvn"));
  await writeFile(path.join(corpus, "windows-1258.txt"), iconv.encode(toWindows1258Shape(LEGACY), "windows1258"));
  // A 50 MB text file: over the size limit, reported and skipped without being read into memory.
  const big = await open(path.join(corpus, "qua-lon.txt"), "w");
  await big.truncate(50 * 1024 * 1024);
  await big.close();
  summary = await ingestCorpus({ corpusDir: corpus, indexDir: path.join(tmp.dir, "index"), maxFileBytes: 20 * 1024 * 1024, efSearch: 100 });
  engine = await QaEngine.open(path.join(tmp.dir, "index"));
}, 120_000);

afterAll(async () => {
  await tmp.cleanup();
});

describe("a corpus with broken files", () => {
  it("reports every unusable file with its name and a reason, and indexes the rest", () => {
    const skipped = Object.fromEntries(summary.skipped.map((s) => [s.path, s.code]));
    expect(skipped).toEqual({
      "rong.txt": "FILE_EMPTY",
      "chi-khoang-trang.md": "FILE_EMPTY",
      "rac.pdf": "FILE_UNREADABLE",
      "rac.docx": "FILE_UNREADABLE",
      "qua-lon.txt": "FILE_TOO_LARGE",
    });
    for (const s of summary.skipped) expect(s.reason).toContain(s.path.split("/").pop());
    expect(summary.added.sort()).toEqual(["tcvn3.txt", "tot.txt", "windows-1258.txt"]);
  });

  it("decodes legacy Windows-1258 Vietnamese and answers from it", async () => {
    const result = await engine.ask("Huyện uỷ Cư Jút đã thành lập bao nhiêu tổ công tác?");
    expect(result.answer).toContain("27 tổ công tác");
    expect(result.citations[0]?.passage).toContain("Huyện uỷ Cư Jút");
  });

  it("decodes legacy TCVN3 (ABC) Vietnamese and answers from it", async () => {
    const result = await engine.ask("Đảng bộ xã Ea Nuôl kết nạp bao nhiêu đảng viên mới?");
    expect(result.answer).toContain("19 đảng viên");
  });

  it("answers from the good file next to the broken ones", async () => {
    expect((await engine.ask("Đảng ủy xã Hòa Thuận có bao nhiêu chi bộ trực thuộc?")).answer).toContain("14 chi bộ");
  });
});
