/**
 * Scans and photos, end to end: a report is typeset in Vietnamese, rendered to images as a scanner or a
 * phone would, wrapped in an image-only PDF, and ingested; OCR (tesseract.js with the packaged model)
 * must read it well enough to answer a question about a figure in it.
 */
import { readdir, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFile } from "../../src/corpus/loaders.js";
import { createTesseractReader, type OcrReader } from "../../src/corpus/ocr.js";
import { foldDiacritics } from "../../src/text/normalize.js";
import { ingestCorpus, type IngestOptions } from "../../src/index/ingest.js";
import { OCR_CACHE_DIR, fileOcrCache } from "../../src/index/ocrCache.js";
import { QaEngine } from "../../src/qa/engine.js";
import { makeImagePdf, makePdf, makeTempDir, photographed, renderPdfPage } from "../support/fixtures.js";

/** Page 1 of the report: what the scanned PDF shows. */
const SCANNED_PAGE = [
  "BÁO CÁO TỔNG KẾT CÔNG TÁC TỔ CHỨC XÂY DỰNG ĐẢNG NĂM 2024",
  "Trong năm 2024, Đảng bộ tỉnh Quảng Trị đã kết nạp được 1.287 đảng viên mới, đạt 107% chỉ tiêu Nghị quyết đề ra. Tổng số tổ chức cơ sở đảng là 612, trong đó có 348 đảng bộ cơ sở và 264 chi bộ cơ sở.",
  "Công tác kiểm tra, giám sát được tăng cường; các cấp ủy đã thi hành kỷ luật 37 đảng viên vi phạm tư cách, giảm 9 trường hợp so với năm trước.",
];
/** Page 2 of the report: what the photo shows. */
const PHOTO_PAGE = ["Công tác cán bộ", "Trong năm, Ban Thường vụ Tỉnh ủy đã luân chuyển 54 cán bộ lãnh đạo chủ chốt cấp huyện về công tác tại cơ sở."];
/** The typed page of a PDF whose second page is a scan. */
const TYPED_PAGE = ["Phụ lục", "Danh sách các đơn vị được khen thưởng kèm theo báo cáo này được lập theo mẫu của Ban Tổ chức Tỉnh ủy."];
/** Scale the pages are "scanned" at: 2 × 72 = 144 dpi, a cheap office scan. */
const SCAN_SCALE = 2;

/** A reader that counts its reads and times them. */
function countingReader(inner: OcrReader): OcrReader & { reads: number[] } {
  const reads: number[] = [];
  return {
    reads,
    async read(image) {
      const started = performance.now();
      const text = await inner.read(image);
      reads.push(performance.now() - started);
      return text;
    },
    close: () => inner.close(),
  };
}

/** Levenshtein distance over code points. */
function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** 1 − edit distance / expected length, white space collapsed. */
function characterAccuracy(expected: string, actual: string): number {
  const norm = (text: string): string => text.normalize("NFC").replace(/\s+/g, " ").trim();
  return 1 - editDistance(norm(expected), norm(actual)) / Array.from(norm(expected)).length;
}

let root: { dir: string; cleanup: () => Promise<void> };
let corpusDir: string;
let indexDir: string;
let reader: OcrReader & { reads: number[] };
let scannedPdf: string;

function options(extra: Partial<IngestOptions> = {}): IngestOptions {
  return { corpusDir, indexDir, maxFileBytes: 5 * 1024 * 1024, efSearch: 100, ocr: { reader, maxPages: 5 }, ...extra };
}

beforeAll(async () => {
  root = await makeTempDir("ocr-test-");
  corpusDir = path.join(root.dir, "corpus");
  indexDir = path.join(root.dir, "index");
  await mkdir(corpusDir, { recursive: true });
  const typeset = await makePdf([SCANNED_PAGE, PHOTO_PAGE]);
  const scan = await renderPdfPage(typeset, 1, SCAN_SCALE);
  scannedPdf = path.join(corpusDir, "bao-cao-scan.pdf");
  await writeFile(scannedPdf, await makeImagePdf([scan]));
  await writeFile(path.join(corpusDir, "anh-chup.jpg"), (await photographed(await renderPdfPage(typeset, 2, SCAN_SCALE))).jpeg);
  await writeFile(path.join(corpusDir, "phu-luc.pdf"), await makeImagePdf([TYPED_PAGE, scan]));
  // Three pages of scans, for the page cap.
  await mkdir(path.join(root.dir, "big"), { recursive: true });
  // Blank scans will do: the cap refuses the file before any page is read.
  const blank = await createCanvas(20, 20).encode("png");
  await writeFile(path.join(root.dir, "big", "dai.pdf"), await makeImagePdf([blank, blank, blank]));
  await writeFile(path.join(root.dir, "big", "ghi-chu.txt"), "Ghi chú\n\nTệp quét dài được tách thành nhiều phần trước khi nạp.\n");
  reader = countingReader(createTesseractReader());
});

afterAll(async () => {
  await reader.close();
  await root.cleanup();
});

describe("OCR of scans and photos", () => {
  it("rejects a corrupt image as that page's failure, never as an exception out of the OCR worker", async () => {
    const own = createTesseractReader();
    try {
      await expect(own.read(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).rejects.toBeDefined();
      // The worker still reads the next page.
      await expect(own.read(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).rejects.toBeDefined();
    } finally {
      await own.close();
    }
  }, 60_000);

  it(`reads an image-only PDF page with at least 95% of its characters right`, async () => {
    const started = performance.now();
    // The index's own cache: the ingest below finds this page there and does not read it again.
    const loaded = await loadFile(scannedPdf, { ocr: { reader, maxPages: 5, cache: fileOcrCache(path.join(indexDir, OCR_CACHE_DIR)) } });
    const seconds = (performance.now() - started) / 1000;
    expect(loaded.scannedPages).toEqual([1]);
    const expected = SCANNED_PAGE.join("\n");
    const actual = loaded.pages[0] ?? "";
    const exact = characterAccuracy(expected, actual);
    const folded = characterAccuracy(foldDiacritics(expected), foldDiacritics(actual));
    console.log(
      `OCR character accuracy on the generated scan (${Array.from(expected).length} characters, ${SCAN_SCALE * 72} dpi): ` +
        `${(exact * 100).toFixed(2)}% with diacritics, ${(folded * 100).toFixed(2)}% diacritics folded; ` +
        `${seconds.toFixed(2)} s for the page including the OCR worker's start, ${((reader.reads[0] ?? 0) / 1000).toFixed(2)} s of it in OCR`,
    );
    expect(exact).toBeGreaterThanOrEqual(0.95);
    expect(folded).toBeGreaterThanOrEqual(exact);
    expect(actual).toContain("1.287");
  });

  it("indexes a scanned PDF, a photo and a PDF with one scanned page, and answers from them citing “(văn bản quét)”", async () => {
    const readsBefore = reader.reads.length;
    const summary = await ingestCorpus(options());
    expect(summary.skipped).toEqual([]);
    expect(summary.added).toEqual(["anh-chup.jpg", "bao-cao-scan.pdf", "phu-luc.pdf"]);
    // The photo and the scanned page of phu-luc.pdf; bao-cao-scan.pdf came from the cache.
    expect(reader.reads.length - readsBefore).toBe(2);
    console.log(`OCR seconds per page in the ingest: ${reader.reads.slice(readsBefore).map((ms) => (ms / 1000).toFixed(2)).join(", ")}`);

    const engine = await QaEngine.open(indexDir);
    const recruited = await engine.ask("Năm 2024 Đảng bộ tỉnh Quảng Trị kết nạp được bao nhiêu đảng viên mới?");
    expect(recruited.abstained).toBe(false);
    expect(recruited.answer).toContain("1.287");
    expect(["bao-cao-scan", "phu-luc"]).toContain(recruited.citations[0]?.docId);
    expect(recruited.citations[0]?.location).toMatch(/\(văn bản quét\)$/u);

    const rotated = await engine.ask("Ban Thường vụ Tỉnh ủy đã luân chuyển bao nhiêu cán bộ lãnh đạo chủ chốt cấp huyện?");
    expect(rotated.answer).toContain("54 cán bộ");
    expect(rotated.citations[0]?.docId).toBe("anh-chup");
    expect(rotated.citations[0]?.location).toContain("(văn bản quét)");

    // In a PDF with a text layer on page 1 and a scan on page 2, only page 2 is marked.
    const appendix = await engine.ask("Danh sách các đơn vị được khen thưởng được lập theo mẫu của cơ quan nào?");
    expect(appendix.citations[0]?.docId).toBe("phu-luc");
    expect(appendix.citations[0]?.location).not.toContain("văn bản quét");
    const index = engine.info();
    expect(index.documents.map((d) => d.path)).toContain("phu-luc.pdf");
  });

  it("never reads an unchanged scan twice, even in a full rebuild", async () => {
    const readsBefore = reader.reads.length;
    const summary = await ingestCorpus(options({ full: true }));
    expect(summary.documents).toBe(3);
    expect(reader.reads.length).toBe(readsBefore);
    expect((await readdir(path.join(indexDir, OCR_CACHE_DIR))).length).toBe(3);
  });

  it("skips a file with more scanned pages than the cap, saying what to do, without reading any", async () => {
    const readsBefore = reader.reads.length;
    const summary = await ingestCorpus(options({ corpusDir: path.join(root.dir, "big"), indexDir: path.join(root.dir, "big-index"), ocr: { reader, maxPages: 2 } }));
    expect(reader.reads.length).toBe(readsBefore);
    expect(summary.skipped).toMatchObject([
      {
        path: "dai.pdf",
        code: "FILE_TOO_LARGE",
        reason: "dai.pdf has 3 scanned page(s) to read by OCR, over the limit of 2 (OCR_MAX_PAGES): split the file, or raise OCR_MAX_PAGES (OCR takes about a second a page)",
      },
    ]);
  });
});
