/**
 * Bounded parsing: a .docx zip bomb (honest or lying headers), a zip with too many entries, a PDF with
 * too many pages, too much text and too many passages are each refused by name with the limit, before
 * (or instead of) the costly parse, and the rest of the corpus is indexed.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PARSE_LIMITS, checkFileSize, checkZipBounds } from "../../src/corpus/limits.js";
import { loadFile } from "../../src/corpus/loaders.js";
import { isAppError } from "../../src/errors.js";
import { ingestCorpus } from "../../src/index/ingest.js";
import { makeDocx, makeDocxBomb, makePdf, makeTempDir, makeZip } from "../support/fixtures.js";

let tmp: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  tmp = await makeTempDir("limits-");
});

afterAll(async () => {
  await tmp.cleanup();
});

async function refusal(file: string, bytes: Buffer, limits = DEFAULT_PARSE_LIMITS): Promise<{ code: string; message: string; ms: number }> {
  const abs = path.join(tmp.dir, file);
  await writeFile(abs, bytes);
  const started = performance.now();
  try {
    await loadFile(abs, { maxBytes: 50 * 1024 * 1024, limits });
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { code: err.code, message: err.message, ms: performance.now() - started };
  }
  throw new Error(`${file} was not refused`);
}

describe("the file size limit", () => {
  it("refuses a file over MAX_FILE_MB by name, size and limit, the same way for the ingest and for loadFile", async () => {
    expect(() => checkFileSize("lon.pdf", 2 * 1024 * 1024, 2 * 1024 * 1024)).not.toThrow();
    expect(() => checkFileSize("lon.pdf", 2 * 1024 * 1024 + 1, 2 * 1024 * 1024)).toThrow(
      "lon.pdf is 2.0 MB, over the 2.0 MB limit (MAX_FILE_MB): split it into smaller files or raise MAX_FILE_MB",
    );
    const abs = path.join(tmp.dir, "lon.txt");
    await writeFile(abs, Buffer.alloc(3 * 1024 * 1024, 65));
    await expect(loadFile(abs, { maxBytes: 1024 * 1024 })).rejects.toThrow("lon.txt is 3.0 MB, over the 1.0 MB limit (MAX_FILE_MB)");
  });
});

describe("zip-based documents", () => {
  it("refuses a .docx bomb from its declared sizes, by name and limit, in well under a second", async () => {
    const bomb = await makeDocxBomb({ unpackedMb: 180 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { code, message, ms } = await refusal("bom.docx", bomb);
    expect(code).toBe("FILE_TOO_LARGE");
    expect(message).toMatch(/^bom\.docx declares 180\.0 MB unpacked, over the limit of \d+\.\d MB \(50× its 0\.\d MB/);
    expect(message).toContain("MAX_UNZIPPED_MB=100");
    expect(ms).toBeLessThan(1000);
  }, 60_000);

  it("refuses a bomb whose headers lie about its size, by inflating it in bounded memory", async () => {
    const bomb = await makeDocxBomb({ unpackedMb: 60, lieAboutSize: true });
    const rssBefore = process.memoryUsage().rss;
    const { code, message } = await refusal("noi-doi.docx", bomb);
    expect(code).toBe("FILE_TOO_LARGE");
    expect(message).toMatch(/^noi-doi\.docx unpacks to more than its zip headers declare \(0\.0 MB\), over the limit of \d+\.\d MB/);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);

  it("applies the absolute cap to large documents and lets a normal .docx through", async () => {
    const bomb = await makeDocxBomb({ unpackedMb: 30 });
    await expect(checkZipBounds("nho.docx", bomb, { ...DEFAULT_PARSE_LIMITS, maxUnzippedBytes: 20 * 1024 * 1024, maxUnzipRatio: 1_000_000 })).rejects.toThrow(/over the limit of 20\.0 MB/);
    await expect(checkZipBounds("binh-thuong.docx", await makeDocx([{ heading: "Chi bộ", text: "Chi bộ có 12 đảng viên." }]), DEFAULT_PARSE_LIMITS)).resolves.toBeUndefined();
  }, 60_000);

  it("refuses a zip with too many entries", async () => {
    const entries = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`word/part${i}.xml`, "<x/>"]));
    const { code, message } = await refusal("nhieu-muc.docx", makeZip(entries), { ...DEFAULT_PARSE_LIMITS, maxZipEntries: 20 });
    expect(code).toBe("FILE_TOO_LARGE");
    expect(message).toBe("nhieu-muc.docx holds 30 zip entries, over the limit of 20: re-save it from Word");
  });
});

describe("PDFs and text", () => {
  it("refuses a PDF with more pages than MAX_PDF_PAGES before extracting any text", async () => {
    const pdf = await makePdf(Array.from({ length: 60 }, (_, i) => [`Trang ${i + 1}: chi bộ sinh hoạt định kỳ.`]), { fontPath: null });
    const { code, message } = await refusal("dai.pdf", pdf, { ...DEFAULT_PARSE_LIMITS, maxPdfPages: 50 });
    expect(code).toBe("FILE_TOO_LARGE");
    expect(message).toBe("dai.pdf has 60 pages, over the limit of 50 (MAX_PDF_PAGES): split it into smaller PDFs");
  }, 60_000);

  it("refuses a file that yields more text than MAX_TEXT_CHARS", async () => {
    const { code, message } = await refusal("dai.txt", Buffer.from("Chi bộ sinh hoạt.\n\n".repeat(1000)), { ...DEFAULT_PARSE_LIMITS, maxTextChars: 5000 });
    expect(code).toBe("FILE_TOO_LARGE");
    expect(message).toMatch(/^dai\.txt yields \d+ characters of text, over the limit of 5000 \(MAX_TEXT_CHARS\)/);
  });
});

describe("an ingest over a corpus with oversized files", () => {
  it("skips each by name with its limit, never with a stack overflow, and indexes the rest", async () => {
    const corpus = path.join(tmp.dir, "corpus");
    await mkdir(corpus, { recursive: true });
    await writeFile(path.join(corpus, "tot.txt"), "Báo cáo\n\nXã Ea Tu có 11 chi bộ thôn với 240 đảng viên.\n");
    await writeFile(path.join(corpus, "bom.docx"), await makeDocxBomb({ unpackedMb: 50 }));
    // 250,000 paragraphs: one per passage, far over the cap; spreading them as arguments once overflowed the stack.
    await writeFile(path.join(corpus, "ngan-doan.txt"), Array.from({ length: 250_000 }, (_, i) => `Đoạn ${i} có nội dung.`).join("\n\n"));
    const summary = await ingestCorpus({ corpusDir: corpus, indexDir: path.join(tmp.dir, "index"), maxFileBytes: 20 * 1024 * 1024, efSearch: 100, maxPassagesPerFile: 20_000 });
    const skipped = Object.fromEntries(summary.skipped.map((s) => [s.path, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(["bom.docx", "ngan-doan.txt"]);
    expect(skipped["bom.docx"]).toMatch(/^bom\.docx declares 50\.0 MB unpacked/);
    expect(skipped["ngan-doan.txt"]).toMatch(/^ngan-doan\.txt yields \d+ passages, over the limit of 20000 per file \(MAX_PASSAGES_PER_FILE\)/);
    expect(JSON.stringify(summary.skipped)).not.toContain("Maximum call stack");
    expect(summary.added).toEqual(["tot.txt"]);
  }, 120_000);
});
