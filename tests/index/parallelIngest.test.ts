import { readFile, readdir, writeFile, mkdir, copyFile, appendFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCorpus, type IngestSummary } from "../../src/index/ingest.js";
import { HashedEmbeddings } from "../../src/index/embeddings.js";
import { analysePassages, packAnalyses, unpackAnalyses } from "../../src/index/passageAnalysis.js";
import { currentGeneration } from "../../src/index/store.js";
import { makeDocx, makePdf, makeTempDir } from "../support/fixtures.js";

const SHIPPED = path.resolve("corpus");
let root: { dir: string; cleanup: () => Promise<void> };
let corpusDir: string;

/** Every file of the generation in service, manifest without its build time. */
async function generationFiles(indexDir: string): Promise<Record<string, Buffer | string>> {
  const dir = path.join(indexDir, (await currentGeneration(indexDir)) ?? "");
  const out: Record<string, Buffer | string> = {};
  for (const file of (await readdir(dir)).sort()) {
    const bytes = await readFile(path.join(dir, file));
    out[file] = file === "manifest.json" ? JSON.stringify({ ...(JSON.parse(bytes.toString("utf8")) as object), builtAt: null }) : bytes;
  }
  return out;
}

async function ingest(indexDir: string, workers: number, graphOffThread?: boolean): Promise<IngestSummary> {
  return ingestCorpus({ corpusDir, indexDir, maxFileBytes: 5 * 1024 * 1024, workers, graphOffThread });
}

beforeAll(async () => {
  root = await makeTempDir("parallel-ingest-");
  corpusDir = path.join(root.dir, "corpus");
  await mkdir(path.join(corpusDir, "nhom"), { recursive: true });
  for (const file of await readdir(SHIPPED)) await copyFile(path.join(SHIPPED, file), path.join(corpusDir, file));
  // Enough files for two workers (a worker is started per 64 files).
  for (let i = 0; i < 45; i++) {
    const facts = `Năm ${2000 + i}, xã số ${i} có ${10 + i} chi bộ với ${100 + 7 * i} đảng viên; tỷ lệ đạt ${50 + i}%.`;
    await writeFile(path.join(corpusDir, "nhom", `bao-cao-${i}.txt`), `Báo cáo ${i}\n\n${facts}\n\nKết quả sinh hoạt chi bộ thôn ${i} được nâng lên.\n`);
    await writeFile(path.join(corpusDir, "nhom", `quy-dinh-${i}.md`), `# Quy định ${i}\n\n**Điều ${i + 1}.**\n\n1. Chi bộ họp mỗi tháng một lần.\n\n2. ${facts}\n`);
    await writeFile(path.join(corpusDir, "nhom", `tin-${i}.html`), `<html><body><h1>Tin ${i}</h1><p>${facts}</p></body></html>`);
  }
  await writeFile(path.join(corpusDir, "nhom", "huong-dan.docx"), await makeDocx([{ heading: "Hướng dẫn" }, { text: "Doanh nghiệp có từ 3 đảng viên chính thức trở lên thì thành lập chi bộ cơ sở." }]));
  await writeFile(path.join(corpusDir, "nhom", "thong-bao.pdf"), await makePdf([["Thong bao"], ["Hoi nghi tong ket ngay 05-01-2021 tai hoi truong."]], { fontPath: null }));
  await writeFile(path.join(corpusDir, "nhom", "hong.pdf"), Buffer.from("not a pdf"));
}, 60_000);

afterAll(async () => {
  await root.cleanup();
});

describe("parallel ingest", () => {
  it("writes the same index with two worker threads as in one thread, for a first build and an update", async () => {
    const one = path.join(root.dir, "index-1");
    const two = path.join(root.dir, "index-2");
    const [a, b] = [await ingest(one, 1), await ingest(two, 2)];
    expect(a).toMatchObject({ mode: "full", workers: 1 });
    expect(b).toMatchObject({ mode: "full", workers: 2, passages: a.passages, documents: a.documents, skipped: a.skipped });
    expect(a.passages).toBeGreaterThan(150);
    expect(a.skipped.map((s) => s.path)).toEqual(["nhom/hong.pdf"]);
    expect(await generationFiles(two)).toEqual(await generationFiles(one));

    await appendFile(path.join(corpusDir, "nhom", "bao-cao-3.txt"), "\nĐến cuối năm, toàn xã có thêm 4 chi bộ mới.\n");
    await writeFile(path.join(corpusDir, "nhom", "moi.txt"), "Tin mới\n\nXã Ea Tiêu kết nạp 12 đảng viên mới trong năm 2019.\n");
    const [c, d] = [await ingest(one, 1), await ingest(two, 2)];
    expect(c).toMatchObject({ mode: "incremental", added: ["nhom/moi.txt"], updated: ["nhom/bao-cao-3.txt"] });
    expect(d).toMatchObject({ mode: "incremental", added: c.added, updated: c.updated, passages: c.passages });
    expect(await generationFiles(two)).toEqual(await generationFiles(one));
  }, 120_000);
});

describe("vector graph built in a worker thread", () => {
  it("is written byte for byte as the graph built in this thread, and later updates match too", async () => {
    const here = path.join(root.dir, "index-graph-here");
    const there = path.join(root.dir, "index-graph-there");
    const [a, b] = [await ingest(here, 1, false), await ingest(there, 1, true)];
    expect(b).toMatchObject({ mode: "full", passages: a.passages });
    const files = [await generationFiles(here), await generationFiles(there)];
    expect(files[1]).toEqual(files[0]);
    expect((files[0]?.["hnswlib.index"] as Buffer).length).toBeGreaterThan(0);
    await writeFile(path.join(corpusDir, "nhom", "graph-update.txt"), "Tin cập nhật\n\nXã Hòa Thuận kết nạp 9 đảng viên mới trong năm 2021.\n");
    const [c, d] = [await ingest(here, 1, false), await ingest(there, 1, true)];
    expect(d).toMatchObject({ mode: "incremental", added: c.added, passages: c.passages });
    expect(await generationFiles(there)).toEqual(await generationFiles(here));
  }, 120_000);
});

describe("analyses sent between threads", () => {
  it("unpack to exactly what was packed, empty term lists included", () => {
    const embeddings = new HashedEmbeddings();
    const passages = [
      { text: "Năm 2020, huyện có 45 chi bộ nông thôn với 1.200 đảng viên.", context: "Báo cáo > Kết quả", title: "Báo cáo công tác đảng" },
      { text: "Đảng ủy xã họp thường lệ mỗi quý một lần.", context: "", title: "Báo cáo công tác đảng" },
    ];
    const analyses = analysePassages(passages, embeddings);
    const unpacked = unpackAnalyses(packAnalyses(analyses, embeddings.dimensions), embeddings.dimensions);
    expect(unpacked.map((a) => ({ ...a, vector: Array.from(a.vector) }))).toEqual(analyses.map((a) => ({ ...a, vector: Array.from(a.vector) })));
    expect(unpacked[1]?.context.fold).toEqual([]);
    expect(unpackAnalyses(packAnalyses([], embeddings.dimensions), embeddings.dimensions)).toEqual([]);
  });
});
