import { readFile, rm, stat, truncate, utimes, writeFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureIndex, ingestSettings } from "../../src/app/ingestRunner.js";
import { loadConfig } from "../../src/config.js";
import { ingestCorpus, type IngestOptions } from "../../src/index/ingest.js";
import { currentGeneration, indexFormatMatches, loadIndex } from "../../src/index/store.js";
import { INGEST_LEXICON_FINGERPRINT } from "../../src/text/lexicon.js";
import { isAppError } from "../../src/errors.js";
import { QaEngine } from "../../src/qa/engine.js";
import { analyzeText } from "../../src/text/analyze.js";
import { makeDocx, makePdf, makeTempDir } from "../support/fixtures.js";

let root: { dir: string; cleanup: () => Promise<void> };
let corpusDir: string;
let indexDir: string;

function options(extra: Partial<IngestOptions> = {}): IngestOptions {
  return { corpusDir, indexDir, maxFileBytes: 5 * 1024 * 1024, efSearch: 100, ...extra };
}

beforeAll(async () => {
  root = await makeTempDir("ingest-test-");
  corpusDir = path.join(root.dir, "corpus");
  indexDir = path.join(root.dir, "index");
  await mkdir(path.join(corpusDir, "sub"), { recursive: true });
  await writeFile(path.join(corpusDir, "bao-cao.txt"), "Báo cáo công tác đảng\n\nNăm 2020, huyện có 45 chi bộ nông thôn với 1.200 đảng viên.\n\nPhản hồi\n\nCác tin khác\n");
  await writeFile(
    path.join(corpusDir, "quy-dinh.md"),
    "# Quy định về sinh hoạt\n\n**Điều 3.**\n\n1. Chi bộ thôn họp thường lệ mỗi tháng một lần.\n\n2. Đảng ủy xã họp thường lệ mỗi quý một lần.\n",
  );
  await writeFile(
    path.join(corpusDir, "sub", "tin-tuc.html"),
    "<html><head><script>var x = 'Phản hồi';</script></head><body><nav>Trang chủ | Tin tức</nav><h1>Tin tức địa phương</h1><p>Xã Ea Tiêu đã kết nạp 12 đảng viên mới trong năm 2019.</p></body></html>",
  );
  await writeFile(
    path.join(corpusDir, "huong-dan.docx"),
    await makeDocx([{ heading: "Hướng dẫn thành lập chi bộ" }, { text: "Doanh nghiệp có từ 3 đảng viên chính thức trở lên thì thành lập chi bộ cơ sở." }]),
  );
  // Folded (ASCII) Vietnamese: extraction works with or without a Vietnamese font installed.
  await writeFile(path.join(corpusDir, "thong-bao.pdf"), await makePdf([["Thong bao"], ["Hoi nghi tong ket duoc to chuc vao ngay 05-01-2021 tai hoi truong tinh uy."]], { fontPath: null }));
  await writeFile(path.join(corpusDir, "rong.txt"), "");
  await writeFile(path.join(corpusDir, "hong.pdf"), Buffer.from("this is not a pdf at all \u0000\u0001"));
  await writeFile(path.join(corpusDir, "anh.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});

afterAll(async () => {
  await root.cleanup();
});

describe("ingest", () => {
  it("indexes one file of each format and reports the files it skipped", async () => {
    const summary = await ingestCorpus(options());
    expect(summary.mode).toBe("full");
    expect(summary.documents).toBe(5);
    expect(summary.added.sort()).toEqual(["bao-cao.txt", "huong-dan.docx", "quy-dinh.md", "sub/tin-tuc.html", "thong-bao.pdf"]);
    const skipped = Object.fromEntries(summary.skipped.map((s) => [s.path, s.code]));
    expect(skipped).toEqual({ "rong.txt": "FILE_EMPTY", "hong.pdf": "FILE_UNREADABLE", "anh.png": "FILE_UNSUPPORTED" });
    const index = await loadIndex(indexDir, { efSearch: 100 });
    const formats = index.manifest.documents.map((d) => d.format).sort();
    expect(formats).toEqual(["docx", "html", "md", "pdf", "txt"]);
    const allText = index.passages.map((p) => p.text).join("\n");
    expect(allText).not.toContain("Phản hồi");
    expect(allText).not.toContain("Trang chủ");
  });

  it("answers from every format with a citation of the right document", async () => {
    const engine = await QaEngine.open(indexDir);
    const cases: Array<[string, string, string]> = [
      ["Năm 2020 huyện có bao nhiêu chi bộ nông thôn?", "45 chi bộ", "bao-cao"],
      ["Chi bộ thôn họp thường lệ bao lâu một lần?", "mỗi tháng một lần", "quy-dinh"],
      ["Xã Ea Tiêu kết nạp bao nhiêu đảng viên mới?", "12 đảng viên", "sub/tin-tuc"],
      ["Doanh nghiệp có từ bao nhiêu đảng viên chính thức thì thành lập chi bộ cơ sở?", "3 đảng viên", "huong-dan"],
      ["Hoi nghi tong ket to chuc ngay nao?", "05-01-2021", "thong-bao"],
    ];
    for (const [question, expected, docId] of cases) {
      const result = await engine.ask(question);
      expect(result.abstained, question).toBe(false);
      expect(result.answer, question).toContain(expected);
      expect(result.citations[0]?.docId, question).toBe(docId);
    }
    const located = await engine.ask("Chi bộ thôn họp thường lệ bao lâu một lần?");
    expect(located.citations[0]?.location).toBe("Điều 3, khoản 1");
  });

  it("re-processes only the changed file and swaps the index atomically", async () => {
    const before = await currentGeneration(indexDir);
    const oldIndex = await loadIndex(indexDir, { efSearch: 100 });
    await writeFile(path.join(corpusDir, "bao-cao.txt"), "Báo cáo công tác đảng\n\nNăm 2021, huyện có 52 chi bộ nông thôn với 1.300 đảng viên.\n");
    const summary = await ingestCorpus(options());
    expect(summary.mode).toBe("incremental");
    expect(summary.updated).toEqual(["bao-cao.txt"]);
    expect(summary.added).toEqual([]);
    expect(summary.unchanged).toBe(4);
    const after = await currentGeneration(indexDir);
    expect(after).not.toBe(before);
    // The old generation is still complete on disk for a reader that had it open.
    const reopened = await loadIndex(indexDir, { efSearch: 100, generation: oldIndex.generation });
    expect(reopened.passages.length).toBe(oldIndex.passages.length);
    const engine = await QaEngine.open(indexDir);
    expect((await engine.ask("Năm 2021 huyện có bao nhiêu chi bộ nông thôn?")).answer).toContain("52 chi bộ");
    expect((await engine.ask("Năm 2020 huyện có bao nhiêu chi bộ nông thôn?")).abstained).toBe(true);
    expect((await engine.ask("Xã Ea Tiêu kết nạp bao nhiêu đảng viên mới?")).answer).toContain("12 đảng viên");
  });

  it("does nothing when no file changed", async () => {
    const before = await currentGeneration(indexDir);
    const summary = await ingestCorpus(options());
    expect(summary.mode).toBe("unchanged");
    expect(await currentGeneration(indexDir)).toBe(before);
  });

  it("trusts an old file's size and time instead of reading it, and re-reads one stamped as the index was written", async () => {
    // Same size and time as recorded, both well before the index was written: kept unread (git does the
    // same); --full reads everything.
    const old = path.join(corpusDir, "sub", "tin-tuc.html");
    const longAgo = new Date("2020-01-01T00:00:00Z");
    await utimes(old, longAgo, longAgo);
    expect((await ingestCorpus(options())).mode).toBe("incremental");
    const before = await readFile(old, "utf8");
    await writeFile(old, before.replace("12 đảng viên", "13 đảng viên"));
    await utimes(old, longAgo, longAgo);
    const kept = await ingestCorpus(options());
    expect(kept.mode).toBe("unchanged");
    expect(kept.updated).toEqual([]);
    const full = await ingestCorpus(options({ full: true }));
    expect(full.mode).toBe("full");
    expect((await loadIndex(indexDir, { efSearch: 100 })).passages.some((p) => p.text.includes("13 đảng viên"))).toBe(true);
    // Stamped within the file system's time step of the index's writing: the stamp vouches for nothing.
    const recent = path.join(corpusDir, "quy-dinh.md");
    const { mtime } = await stat(recent);
    await utimes(recent, mtime, new Date());
    await ingestCorpus(options());
    const { mtime: stamped } = await stat(recent);
    const text = await readFile(recent, "utf8");
    await writeFile(recent, text.replace("mỗi tháng", "mỗi tuần"));
    await utimes(recent, stamped, stamped);
    const reread = await ingestCorpus(options());
    expect(reread.updated).toEqual(["quy-dinh.md"]);
    // (The corpus as the other tests expect it.)
    await writeFile(old, before);
    await writeFile(recent, text);
    expect((await ingestCorpus(options())).updated.sort()).toEqual(["quy-dinh.md", "sub/tin-tuc.html"]);
  });

  it("keeps the previous index serving when an ingest finds nothing usable", async () => {
    const before = await currentGeneration(indexDir);
    const emptyCorpus = path.join(root.dir, "empty");
    await mkdir(emptyCorpus, { recursive: true });
    await writeFile(path.join(emptyCorpus, "junk.pdf"), "not a pdf");
    await expect(ingestCorpus(options({ corpusDir: emptyCorpus }))).rejects.toSatisfy((err: unknown) => isAppError(err, "INGEST_NOTHING"));
    expect(await currentGeneration(indexDir)).toBe(before);
    const engine = await QaEngine.open(indexDir);
    expect((await engine.ask("Xã Ea Tiêu kết nạp bao nhiêu đảng viên mới?")).answer).toContain("12 đảng viên");
  });

  it("ignores a half-written generation left by a killed ingest and cleans it up next time", async () => {
    const leftover = path.join(indexDir, ".tmp-gen-killed");
    await mkdir(leftover, { recursive: true });
    await writeFile(path.join(leftover, "passages.json"), "[{\"trunc");
    const engine = await QaEngine.open(indexDir);
    expect((await engine.ask("Xã Ea Tiêu kết nạp bao nhiêu đảng viên mới?")).abstained).toBe(false);
    await writeFile(path.join(corpusDir, "moi.txt"), "Tin mới\n\nChi bộ trường học có 9 đảng viên.\n");
    await ingestCorpus(options());
    expect((await readdir(indexDir)).filter((e) => e.startsWith(".tmp-"))).toEqual([]);
  });
});

describe("damaged indexes", () => {
  it("refuses an index of an unknown format version with a message to re-run ingest", async () => {
    const dir = path.join(root.dir, "index-version");
    await ingestCorpus(options({ indexDir: dir }));
    const generation = (await currentGeneration(dir)) ?? "";
    const manifestPath = path.join(dir, generation, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, formatVersion: 999 }));
    await expect(loadIndex(dir, { efSearch: 100 })).rejects.toSatisfy((err: unknown) => isAppError(err, "INDEX_VERSION") && /npm run ingest/.test(err.message));
    // The next ingest rebuilds it.
    const summary = await ingestCorpus(options({ indexDir: dir }));
    expect(summary.mode).toBe("full");
    await expect(loadIndex(dir, { efSearch: 100 })).resolves.toBeDefined();
  });

  it("analyses every passage again when the index was written with another lexicon, and says so at start", async () => {
    const dir = path.join(root.dir, "index-lexicon");
    await ingestCorpus(options({ indexDir: dir }));
    expect(await indexFormatMatches(dir)).toBe(true);
    const generation = (await currentGeneration(dir)) ?? "";
    const manifestPath = path.join(dir, generation, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, unknown>;
    expect(manifest.lexicon).toBe(INGEST_LEXICON_FINGERPRINT);
    // An index written before an abbreviation was added (or before the lexicon was recorded at all).
    await writeFile(manifestPath, JSON.stringify({ ...manifest, lexicon: "0000000000000000" }));
    expect(await indexFormatMatches(dir)).toBe(false);
    const { lexicon: _, ...unrecorded } = manifest;
    await writeFile(manifestPath, JSON.stringify(unrecorded));
    expect(await indexFormatMatches(dir)).toBe(false);
    // Still served meanwhile; the next ingest rebuilds it whole, however little the corpus changed, and
    // start-up says why it rebuilt.
    await expect(loadIndex(dir, { efSearch: 100 })).resolves.toBeDefined();
    const notices: string[] = [];
    const settings = ingestSettings(loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: dir }));
    expect((await ensureIndex(settings, (n) => notices.push(n.message)))?.mode).toBe("full");
    expect(notices.join("\n")).toContain("Đã lập lại chỉ mục");
    expect(await indexFormatMatches(dir)).toBe(true);
  });

  it("reports a truncated vector file or a deleted passage store as a damaged index", async () => {
    const dir = path.join(root.dir, "index-corrupt");
    await ingestCorpus(options({ indexDir: dir }));
    const generation = (await currentGeneration(dir)) ?? "";
    await truncate(path.join(dir, generation, "hnswlib.index"), 100);
    await expect(loadIndex(dir, { efSearch: 100 })).rejects.toSatisfy((err: unknown) => isAppError(err, "INDEX_CORRUPT") && /npm run ingest/.test(err.message));
    await ingestCorpus(options({ indexDir: dir }));
    const next = (await currentGeneration(dir)) ?? "";
    const passagesFile = path.join(dir, next, "passages.json");
    const stored = await readFile(passagesFile, "utf8");
    const lines = stored.split("\n");
    // A document's line cut short, a document's line missing, a line too many: each is a damaged index.
    const damaged = [
      [...lines.slice(0, 1), (lines[1] ?? "").slice(0, 80), ...lines.slice(2)].join("\n"),
      [...lines.slice(0, 1), ...lines.slice(2)].join("\n"),
      [...lines.slice(0, 2), lines[1] ?? "", ...lines.slice(2)].join("\n"),
    ];
    for (const text of damaged) {
      await writeFile(passagesFile, text);
      await expect(loadIndex(dir, { efSearch: 100 })).rejects.toSatisfy((err: unknown) => isAppError(err, "INDEX_CORRUPT"));
    }
    await writeFile(passagesFile, stored);
    await expect(loadIndex(dir, { efSearch: 100 })).resolves.toBeDefined();
    await rm(passagesFile);
    await expect(loadIndex(dir, { efSearch: 100 })).rejects.toSatisfy((err: unknown) => isAppError(err, "INDEX_CORRUPT"));
  });

  it("says to run ingest when there is no index at all", async () => {
    await expect(loadIndex(path.join(root.dir, "nothing-here"), { efSearch: 100 })).rejects.toSatisfy(
      (err: unknown) => isAppError(err, "INDEX_MISSING") && /npm run ingest/.test(err.message),
    );
  });
});

describe("updates that rewrite only what changed", () => {
  const places = ["Ea Tiêu", "Hòa Thắng", "Tân Lập", "Cư Kuin", "Buôn Hồ", "Ea Kar", "Phú Xuân", "Krông Pắc"];
  /** Forty small reports, two passages each (enough for one changed document to be a small share). */
  async function writeReports(dir: string, changed: ReadonlyMap<number, string> = new Map()): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 40; i++) {
      const place = places[i % places.length] ?? "";
      const body = changed.get(i) ?? `Năm ${2000 + i}, xã ${place} số ${i} có ${10 + i} chi bộ và ${100 + i * 7} đảng viên.`;
      await writeFile(path.join(dir, `bao-cao-${i}.txt`), `Báo cáo số ${i} của xã ${place}\n\n${body}\n\nChi bộ thôn ${i} họp thường lệ vào ngày ${(i % 28) + 1} hằng tháng.\n`);
    }
  }
  const questions = ["Năm 2007 xã số 7 có bao nhiêu chi bộ?", "Chi bộ thôn 12 họp vào ngày nào?", "xa so 31 co bao nhieu dang vien", "Năm 2019 xã số 19 có bao nhiêu đảng viên?", "Năm 2033 xã số 33 có bao nhiêu chi bộ?"];
  /**
   * What an engine answers to the questions and the passage it cites first, and what the lexical index
   * finds for them (passages and scores; labels differ between an updated index and one built whole).
   */
  async function answers(dir: string): Promise<unknown[]> {
    const engine = await QaEngine.open(dir);
    try {
      const out: unknown[] = [];
      for (const q of questions) {
        const r = await engine.ask(q);
        const view = analyzeText(q);
        const found = engine.index.lexical.search({ accent: view.accent, fold: view.fold, bigrams: view.bigrams }, 10).map((h) => `${engine.index.byLabel.get(h.label)?.id ?? "?"} ${h.score.toFixed(9)}`);
        out.push([r.answer, r.abstained, r.citations[0]?.passageId, found.sort()]);
      }
      return out;
    } finally {
      await engine.close();
    }
  }
  const generationFile = async (dir: string, file: string): Promise<string> => path.join(dir, (await currentGeneration(dir)) ?? "", file);

  it("shares the lexical file with the generation before, writes back the passages of unchanged documents as stored, and answers as a full rebuild", async () => {
    const corpus = path.join(root.dir, "reports");
    const dir = path.join(root.dir, "index-reports");
    await writeReports(corpus);
    await ingestCorpus(options({ corpusDir: corpus, indexDir: dir }));
    const firstLexical = (await stat(await generationFile(dir, "lexical.json"))).ino;
    const firstLines = (await readFile(await generationFile(dir, "passages.json"), "utf8")).split("\n");
    await writeReports(corpus, new Map([[7, "Năm 2007, xã số 7 có 99 chi bộ và 555 đảng viên."]]));
    const summary = await ingestCorpus(options({ corpusDir: corpus, indexDir: dir }));
    expect(summary.mode).toBe("incremental");
    expect((await stat(await generationFile(dir, "lexical.json"))).ino).toBe(firstLexical);
    const delta = JSON.parse(await readFile(await generationFile(dir, "lexical-delta.json"), "utf8")) as { removed: number[]; added: unknown[] };
    expect(delta.removed.length).toBe(3);
    expect(delta.added.length).toBe(3);
    const lines = (await readFile(await generationFile(dir, "passages.json"), "utf8")).split("\n");
    expect(lines.filter((line, i) => line !== firstLines[i])).toHaveLength(1);
    expect(lines.find((line, i) => line !== firstLines[i])).toContain("99 chi bộ");
    // The same corpus built whole answers the same, from the same passages.
    const whole = path.join(root.dir, "index-reports-whole");
    await ingestCorpus(options({ corpusDir: corpus, indexDir: whole, full: true }));
    expect(await answers(dir)).toEqual(await answers(whole));
    expect((await answers(dir))[0]).toEqual(expect.arrayContaining([expect.stringContaining("99 chi bộ")]));
    // A second update keeps the changes of the first beside the same file, with its own.
    await writeReports(corpus, new Map([[7, "Năm 2007, xã số 7 có 99 chi bộ và 555 đảng viên."], [19, "Năm 2019, xã số 19 có 31 chi bộ và 777 đảng viên."]]));
    await ingestCorpus(options({ corpusDir: corpus, indexDir: dir }));
    expect((await stat(await generationFile(dir, "lexical.json"))).ino).toBe(firstLexical);
    await ingestCorpus(options({ corpusDir: corpus, indexDir: whole, full: true }));
    expect(await answers(dir)).toEqual(await answers(whole));
    // Once the changes are a tenth of the index, a new file holds them all.
    const many = new Map(Array.from({ length: 8 }, (_, i): [number, string] => [20 + i, `Năm ${2020 + i}, xã số ${20 + i} có ${60 + i} chi bộ.`]));
    await writeReports(corpus, many);
    await ingestCorpus(options({ corpusDir: corpus, indexDir: dir }));
    expect((await stat(await generationFile(dir, "lexical.json"))).ino).not.toBe(firstLexical);
    await expect(stat(await generationFile(dir, "lexical-delta.json"))).rejects.toThrow();
    await ingestCorpus(options({ corpusDir: corpus, indexDir: whole, full: true }));
    expect(await answers(dir)).toEqual(await answers(whole));
  });

  it("builds anew instead of carrying a damaged passages or lexical file into the next generation", async () => {
    for (const file of ["passages.json", "lexical.json"]) {
      const corpus = path.join(root.dir, `reports-${file}`);
      const dir = path.join(root.dir, `index-damaged-${file}`);
      await writeReports(corpus);
      await ingestCorpus(options({ corpusDir: corpus, indexDir: dir }));
      // One byte changed in place, the length kept: nothing but a digest tells.
      const target = await generationFile(dir, file);
      const bytes = await readFile(target);
      // (A letter of a passage's text; a base64 digit of the postings.)
      const at = file === "passages.json" ? bytes.indexOf("chi bộ") + 1 : bytes.indexOf('"postings":"') + 20;
      bytes[at] = bytes[at] === 0x68 ? 0x6b : 0x68;
      await writeFile(target, bytes);
      await writeReports(corpus, new Map([[3, "Năm 2003, xã số 3 có 44 chi bộ."]]));
      const summary = await ingestCorpus(options({ corpusDir: corpus, indexDir: dir }));
      expect(summary.mode, file).toBe("full");
      const index = await loadIndex(dir, { efSearch: 100 });
      expect(index.passages.map((p) => p.text).join("\n")).not.toContain("cki bộ");
      expect(index.passages.length).toBe(120);
      const engine = await QaEngine.open(dir);
      expect((await engine.ask("Năm 2003 xã số 3 có bao nhiêu chi bộ?")).answer).toContain("44 chi bộ");
      await engine.close();
    }
  });
});
