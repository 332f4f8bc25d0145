import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/corpus/chunk.js";
import { formatLocation } from "../../src/corpus/location.js";
import { loadFile } from "../../src/corpus/loaders.js";
import { pickTitle, toBlocks } from "../../src/corpus/structure.js";
import { AppError } from "../../src/errors.js";
import { ingestCorpus } from "../../src/index/ingest.js";
import { QaEngine } from "../../src/qa/engine.js";
import { makeTempDir, makeZip } from "../support/fixtures.js";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const DOC = path.join(FIXTURES, "bao-cao-huyen-dak-ha.doc");
const ODT = path.join(FIXTURES, "bao-cao-huyen-sa-thay.odt");

let root: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  root = await makeTempDir("office-test-");
});

afterAll(async () => {
  await root.cleanup();
});

async function passagesOf(file: string) {
  const loaded = await loadFile(file);
  const blocks = toBlocks(loaded);
  const title = pickTitle(blocks, path.basename(file));
  return { loaded, blocks, title, passages: chunkDocument(blocks, { docId: "doc", title }) };
}

describe("OpenDocument .odt", () => {
  it("keeps the title, the headings and the list numbers the office suite generated", async () => {
    const { loaded, title, passages } = await passagesOf(ODT);
    expect(loaded.format).toBe("odt");
    expect(title).toBe("BÁO CÁO KẾT QUẢ CÔNG TÁC TỔ CHỨC XÂY DỰNG ĐẢNG QUÝ I NĂM 2025 CỦA HUYỆN ỦY SA THẦY");
    const merged = passages.find((p) => p.text.includes("hợp nhất 14 chi bộ"));
    expect(merged?.text).toMatch(/^2\. Công tác kiện toàn tổ chức/u);
    expect(merged?.section).toBe("II. Kết quả thực hiện");
    expect(merged && formatLocation(merged)).toBe("Mục II “Kết quả thực hiện”, 2");
  });

  it("refuses a zip without content.xml as FILE_UNREADABLE, naming the file and what to do", async () => {
    const file = path.join(root.dir, "hong.odt");
    await writeFile(file, makeZip({ "mimetype": Buffer.from("application/vnd.oasis.opendocument.text") }));
    const err = await loadFile(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("FILE_UNREADABLE");
    expect((err as AppError).message).toMatch(/^hong\.odt could not be read .*LibreOffice/u);
  });
});

describe("Word 97 .doc", () => {
  it("reads the text with one paragraph per Word paragraph and finds the headings by their shape", async () => {
    const { loaded, blocks, title, passages } = await passagesOf(DOC);
    expect(loaded.format).toBe("doc");
    expect(title).toBe("BÁO CÁO KẾT QUẢ CÔNG TÁC TỔ CHỨC XÂY DỰNG ĐẢNG QUÝ I NĂM 2025 CỦA HUYỆN ỦY ĐĂK HÀ");
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual([title, "I. Tình hình chung", "II. Kết quả thực hiện", "III. Nhiệm vụ quý II"]);
    // A .doc stores no generated list numbers: the item is there, without its "1.".
    const recruited = passages.find((p) => p.text.includes("146 đảng viên mới"));
    expect(recruited?.section).toBe("II. Kết quả thực hiện");
  });

  it("refuses a file that is not a Word document as FILE_UNREADABLE", async () => {
    const file = path.join(root.dir, "gia.doc");
    await writeFile(file, "Đây không phải tệp Word");
    const err = await loadFile(file).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("FILE_UNREADABLE");
    expect((err as AppError).message).toContain("save it as .docx");
  });
});

describe("ingest of .doc and .odt", () => {
  it("indexes both and answers a question about a figure in each, citing it", async () => {
    const corpusDir = path.join(root.dir, "corpus");
    await mkdir(corpusDir, { recursive: true });
    await writeFile(path.join(corpusDir, "dak-ha.doc"), await readFile(DOC));
    await writeFile(path.join(corpusDir, "sa-thay.odt"), await readFile(ODT));
    const indexDir = path.join(root.dir, "index");
    const summary = await ingestCorpus({ corpusDir, indexDir, maxFileBytes: 5 * 1024 * 1024, efSearch: 100 });
    expect(summary.added).toEqual(["dak-ha.doc", "sa-thay.odt"]);
    expect(summary.skipped).toEqual([]);

    const engine = await QaEngine.open(indexDir);
    const cases: Array<[string, string, string]> = [
      ["Quý I năm 2025 Đảng bộ huyện Đăk Hà kết nạp được bao nhiêu đảng viên mới?", "146", "dak-ha"],
      ["Đảng bộ huyện Sa Thầy đã hợp nhất bao nhiêu chi bộ trực thuộc?", "14 chi bộ", "sa-thay"],
    ];
    for (const [question, figure, docId] of cases) {
      const result = await engine.ask(question);
      expect(result.abstained, question).toBe(false);
      expect(result.answer, question).toContain(figure);
      expect(result.citations[0]?.docId, question).toBe(docId);
      expect(result.citations[0]?.location, question).not.toContain("văn bản quét");
    }
  });
});
