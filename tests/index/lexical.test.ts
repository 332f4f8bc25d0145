import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import MiniSearch, { type Query } from "minisearch";
import { describe, expect, it } from "vitest";
import { LexicalIndex, toLexicalDoc, type LexicalQuery } from "../../src/index/lexical.js";
import { analyzeText } from "../../src/text/analyze.js";
import { SHIPPED_DOCUMENT } from "../support/shippedCorpus.js";

/**
 * The MiniSearch configuration the lexical index replaced, kept here as the reference it must rank
 * exactly like: same fields, boosts and BM25+, with fuzzy matching for the words no passage has.
 */
type Doc = ReturnType<typeof toLexicalDoc>;
const splitOnSpace = (text: string): string[] => (text.length > 0 ? text.split(" ") : []);
const identity = (term: string): string => term;
const referenceOptions = {
  fields: ["acc", "fold", "bi", "ctx"],
  storeFields: [],
  tokenize: splitOnSpace,
  processTerm: identity,
  searchOptions: { tokenize: splitOnSpace, processTerm: identity },
  autoVacuum: false,
};

/** Folded terms of the live passages: a query term among them is not matched fuzzily. */
const vocabularyOf = (items: ReadonlyArray<{ text: string }>): Set<string> => new Set(items.flatMap((p) => analyzeText(p.text).fold));

function referenceSearch(mini: MiniSearch<Doc>, query: LexicalQuery, k: number, vocabulary: ReadonlySet<string>): Array<{ label: number; score: number }> {
  const queries: Query[] = [];
  const fuzzyLong = (term: string): number | boolean => (term.length >= 5 && !/^\d/.test(term) && !vocabulary.has(term) ? 1 : false);
  if (query.fold.length > 0) {
    queries.push({ queries: [query.fold.join(" ")], fields: ["fold"], fuzzy: fuzzyLong, weights: { fuzzy: 0.4, prefix: 0 }, boost: { fold: 1 } });
    queries.push({ queries: [query.fold.join(" ")], fields: ["ctx"], boost: { ctx: 0.3 } });
  }
  if (query.accent && query.accent.length > 0) queries.push({ queries: [query.accent.join(" ")], fields: ["acc"], boost: { acc: 1.2 } });
  if (query.bigrams.length > 0) {
    queries.push({ queries: [query.bigrams.join(" ")], fields: ["bi"], boost: { bi: 1.5 } });
    queries.push({ queries: [query.bigrams.join(" ")], fields: ["ctx"], boost: { ctx: 0.4 } });
  }
  return mini
    .search({ combineWith: "OR", queries })
    .slice(0, k)
    .map((r) => ({ label: r.id as number, score: r.score }));
}

const sentences = readFileSync(SHIPPED_DOCUMENT, "utf8")
  .split(/(?<=[.;])\s+/u)
  .map((s) => s.trim())
  .filter((s) => s.split(" ").length >= 6);
const places = ["Hòa Thắng", "Ea Tiêu", "Tân Lập", "Krông Pắc", "Buôn Hồ", "Cư Kuin", "Phú Xuân", "Ea Kar"];

/** Passages made of the shipped article's sentences with numbers and places varied: deterministic. */
function passages(count: number): Array<{ label: number; text: string; context: string }> {
  return Array.from({ length: count }, (_, i) => {
    const parts = [0, 1, 2].map((j) => (sentences[(i * 7 + j * 13) % sentences.length] ?? "").replace(/\d+/g, (d) => String((Number(d) * (i + 3)) % 997)));
    const place = places[i % places.length] ?? "";
    return { label: i * 2 + 1, text: `Tại xã ${place}, ${parts.join(" ")}`, context: i % 3 === 0 ? `Chương ${(i % 9) + 1}. Kết quả ở ${place}` : "" };
  });
}

function plan(question: string, accented = true): LexicalQuery {
  const view = analyzeText(question);
  return { accent: accented ? view.accent : null, fold: view.fold, bigrams: view.bigrams };
}

const questions: LexicalQuery[] = [
  plan("Có bao nhiêu xã có chi bộ cơ quan ở Hòa Thắng?"),
  plan("Tỉnh ủy thành lập bao nhiêu chi bộ quân sự?"),
  plan("co bao nhieu dang vien o xa Ea Tieu", false),
  plan("Kinh nghiệm thứ tư là gì?"),
  // Misspelt long syllables match their one-edit variants (fuzzy).
  plan("nghiep vu cua can bo co soo va phat trien dang vienn", false),
  plan("Chương 3 kết quả"),
  plan("doanh nghiệp tư nhân kết nạp đảng viên là chủ doanh nghiệp"),
  plan("68/152 xã 1.357 đảng viên"),
];

function build<T extends { add(doc: Doc): void }>(index: T, items: ReturnType<typeof passages>): T {
  for (const p of items) index.add(toLexicalDoc(p.label, p.text, p.context));
  return index;
}

/**
 * MiniSearch drops a discarded passage's postings lazily, a few at each search that meets them, and
 * scores with stale document frequencies until then; searching until its results stop changing brings
 * it to the state the new index is in from the start.
 */
function settle(reference: MiniSearch<Doc>): void {
  let previous = "";
  for (let round = 0; round < 200; round++) {
    const current = JSON.stringify(questions.map((q) => referenceSearch(reference, q, 20, new Set())));
    if (current === previous) return;
    previous = current;
  }
  throw new Error("MiniSearch results did not settle");
}

function expectSameRanking(actual: Array<{ label: number; score: number }>, expected: Array<{ label: number; score: number }>): void {
  expect(actual.map((h) => h.label)).toEqual(expected.map((h) => h.label));
  actual.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]?.score ?? NaN, 9));
}

describe("lexical index", () => {
  it("ranks passages exactly as the MiniSearch configuration it replaced", () => {
    const items = passages(300);
    const index = build(LexicalIndex.create(), items);
    const reference = build(new MiniSearch<Doc>(referenceOptions), items);
    for (const q of questions) expectSameRanking(index.search(q, 20), referenceSearch(reference, q, 20, vocabularyOf(items)));
  });

  it("ranks exactly as MiniSearch at a size where rare terms are read first and common ones only for candidates", () => {
    const items = passages(2600);
    const index = build(LexicalIndex.create(), items);
    const reference = build(new MiniSearch<Doc>(referenceOptions), items);
    for (const q of questions) expectSameRanking(index.search(q, 20), referenceSearch(reference, q, 20, vocabularyOf(items)));
  });

  it("ranks exactly as MiniSearch after passages are discarded and added", () => {
    const items = passages(400);
    const index = build(LexicalIndex.create(), items);
    const reference = build(new MiniSearch<Doc>(referenceOptions), items);
    const dropped = items.filter((_, i) => i % 5 === 0).map((p) => p.label);
    index.discard(dropped);
    for (const label of dropped) reference.discard(label);
    const extra = passages(460).slice(400).map((p) => ({ ...p, label: p.label + 10_000 }));
    build(index, extra);
    build(reference, extra);
    settle(reference);
    expect(index.size).toBe(reference.documentCount);
    const live = [...items.filter((p) => !dropped.includes(p.label)), ...extra];
    for (const q of questions) expectSameRanking(index.search(q, 20), referenceSearch(reference, q, 20, vocabularyOf(live)));
  });

  it("finds the same passages after a save and load, with discarded passages gone from the file", () => {
    const index = build(LexicalIndex.create(), passages(200));
    index.discard([1, 3, 5]);
    const json = index.toJSON();
    const loaded = LexicalIndex.fromJSON(json);
    expect(loaded.size).toBe(197);
    for (const q of questions) expect(loaded.search(q, 20)).toEqual(index.search(q, 20));
    expect(loaded.toJSON()).toBe(json);
  });

  it("read from its file, is the index saved, and a damaged or unknown file is refused as from its text", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lexical-read-"));
    try {
      const index = build(LexicalIndex.create(), passages(200));
      index.discard([3, 7]);
      const file = path.join(dir, "lexical.json");
      await writeFile(file, index.toJSON());
      const read = await LexicalIndex.read(file);
      expect(read.size).toBe(198);
      for (const q of questions) expect(read.search(q, 20)).toEqual(index.search(q, 20));
      expect(read.toJSON()).toBe(index.toJSON());
      const damaged = JSON.parse(index.toJSON()) as { perField: Array<{ postings: string }> };
      const first = damaged.perField[0];
      if (first) first.postings = first.postings.slice(0, 40);
      await writeFile(file, JSON.stringify(damaged));
      await expect(LexicalIndex.read(file)).rejects.toThrow(/damaged postings|posting/);
      await writeFile(file, "{}");
      await expect(LexicalIndex.read(file)).rejects.toThrow(/unknown file format/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("kept as a stored file and its changes beside it, searches and counts as the index rewritten whole", () => {
    // The file of an earlier generation, then passages removed (some of the file's, some added since) and added.
    const items = passages(300);
    const stored = build(LexicalIndex.create(), items).toJSON();
    const removedFromFile = items.filter((_, i) => i % 7 === 0).map((p) => p.label);
    const extra = passages(340).slice(300).map((p) => ({ ...p, label: p.label + 10_000 }));
    const removedFromAdded = extra.filter((_, i) => i % 4 === 0).map((p) => p.label);
    const fieldsOf = (p: (typeof extra)[number]): string[][] => LexicalIndex.fieldsOf(analyzeText(p.text), analyzeText(p.context));
    const delta = { removed: removedFromFile, added: extra.filter((p) => !removedFromAdded.includes(p.label)).map((p): [number, string[][]] => [p.label, fieldsOf(p)]) };
    // What a re-ingest wrote before: the stored index read, changed, and written whole.
    const rewritten = LexicalIndex.fromJSON(stored);
    rewritten.discard(removedFromFile);
    build(rewritten, extra);
    rewritten.discard(removedFromAdded);
    const whole = LexicalIndex.fromJSON(rewritten.toJSON());
    // What a served index does now: the stored file read and the changes applied (through their stored form).
    const shared = LexicalIndex.fromJSON(stored);
    shared.applyDelta(LexicalIndex.decodeDelta(LexicalIndex.encodeDelta(delta)));
    expect(shared.size).toBe(whole.size);
    for (const q of questions) expect(shared.search(q, 20)).toEqual(whole.search(q, 20));
    for (const q of questions) expect(shared.search(q, 5, extra.map((p) => p.label))).toEqual(whole.search(q, 5, extra.map((p) => p.label)));
    // Frequencies count live passages only, as in the file written whole.
    const bigrams = [...new Set(items.flatMap((p) => analyzeText(p.text).bigrams))];
    for (const b of bigrams) expect(shared.bigramFrequency(b)).toBe(whole.bigramFrequency(b));
    for (let i = 0; i + 1 < 40; i++) expect(shared.bigramsTogether([bigrams[i] ?? "", bigrams[i + 1] ?? ""])).toBe(whole.bigramsTogether([bigrams[i] ?? "", bigrams[i + 1] ?? ""]));
    for (const initials of ["dv", "cb", "kn", "xa"]) expect(shared.bigramsByInitials(initials)).toEqual(whole.bigramsByInitials(initials));
    expect(shared.toJSON()).toBe(whole.toJSON());
  });

  it("refuses a damaged delta", () => {
    expect(() => LexicalIndex.decodeDelta("{}")).toThrow(/unknown file format/);
    const good = JSON.parse(LexicalIndex.encodeDelta({ removed: [1], added: [[2, [["a"], ["a"], [], []]]] })) as { added: unknown[][] };
    good.added[0] = [2, [["a"]]];
    expect(() => LexicalIndex.decodeDelta(JSON.stringify(good))).toThrow(/damaged added passage/);
    expect(() => LexicalIndex.decodeDelta(JSON.stringify({ format: "tro-ly-lexical-delta", version: 1, removed: [-1], added: [] }))).toThrow(/removed/);
  });

  it("loads an index file written by MiniSearch (the format before this one)", () => {
    const items = passages(150);
    const reference = build(new MiniSearch<Doc>(referenceOptions), items);
    reference.discard(items[0]?.label ?? 0);
    const loaded = LexicalIndex.fromJSON(JSON.stringify(reference));
    expect(loaded.size).toBe(149);
    settle(reference);
    for (const q of questions) expectSameRanking(loaded.search(q, 20), referenceSearch(reference, q, 20, vocabularyOf(items.slice(1))));
  });

  it("refuses a file of an unknown format version", () => {
    const json = JSON.parse(build(LexicalIndex.create(), passages(5)).toJSON()) as { version: number };
    json.version = 99;
    expect(() => LexicalIndex.fromJSON(JSON.stringify(json))).toThrow(/version 99/);
  });

  it("indexes a passage analysed once by the ingest exactly as one given as text", () => {
    const items = passages(120);
    const fromText = build(LexicalIndex.create(), items);
    const fromViews = LexicalIndex.create();
    for (const p of items) fromViews.addAnalysed(p.label, analyzeText(p.text), analyzeText(p.context));
    expect(fromViews.toJSON()).toBe(fromText.toJSON());
  });

  it("searches within some passages with the whole index's scores, however far down the whole ranking they are", () => {
    const items = passages(2600);
    const index = build(LexicalIndex.create(), items);
    // A run of passages (one document's, as the ingest adds them), scattered ones, an unknown label, and
    // passages added after others were discarded (a second segment).
    index.discard(items.filter((_, i) => i % 11 === 0).map((p) => p.label));
    const later = passages(2700).slice(2600).map((p) => ({ ...p, label: p.label + 100_000 }));
    build(index, later);
    const within = [...items.slice(1200, 1260), ...items.filter((_, i) => i % 97 === 5), ...later.slice(10, 30)].map((p) => p.label);
    within.push(999_999);
    const allowed = new Set(within);
    for (const q of questions) {
      const whole = index.search(q, index.size);
      const expected = whole.filter((h) => allowed.has(h.label)).slice(0, 15);
      expect(expected.length).toBeGreaterThan(0);
      expectSameRanking(index.search(q, 15, within), expected);
    }
    // The run is mostly far down the whole ranking: a pool of the whole index's best would miss it.
    const first = questions[0] ?? plan("");
    const rankOf = new Map(index.search(first, index.size).map((h, i) => [h.label, i]));
    expect(Math.min(...index.search(first, 15, within).map((h) => rankOf.get(h.label) ?? 0))).toBeGreaterThan(20);
  });

  it("matches one-edit variants only of a word no passage has", () => {
    const index = LexicalIndex.create();
    index.add(toLexicalDoc(1, "Nguồn kinh phí hoạt động của chi bộ.", ""));
    index.add(toLexicalDoc(2, "Người đứng đầu cấp ủy chịu trách nhiệm.", ""));
    index.add(toLexicalDoc(3, "Đảng viên sinh hoạt tại nơi cư trú.", ""));
    // "nguoi" is a word of the passages: "nguồn" is another word, not a variant of it.
    expect(index.search(plan("nguoi", false), 5).map((h) => h.label)).toEqual([2]);
    // "nguoix" is no word of theirs: its one-edit variant "nguoi" is matched.
    expect(index.search(plan("nguoix", false), 5).map((h) => h.label)).toEqual([2]);
    // Once the only passage with a word is discarded, the word is unknown and its variants match.
    index.discard([2]);
    expect(index.search(plan("nguoi", false), 5).map((h) => h.label)).toEqual([1]);
  });

  it("refuses a second passage with the same label", () => {
    const index = LexicalIndex.create();
    index.add(toLexicalDoc(1, "Chi bộ họp mỗi tháng một lần.", ""));
    expect(() => index.add(toLexicalDoc(1, "Đảng ủy họp mỗi quý một lần.", ""))).toThrow(/duplicate label 1/);
  });
});

describe("bigrams by their syllables' initials", () => {
  it("lists the corpus's bigrams that open with the two letters, commonest first, from two passages up, and follows additions", () => {
    const index = LexicalIndex.create();
    const texts = ["Tổ dân phố số 3 họp.", "Bí thư chi bộ tổ dân phố.", "Đội dân phòng tuần tra.", "Đội dân phòng trực.", "Tổ dân phố 5 có 40 hộ.", "Dân phòng họp."];
    texts.forEach((text, label) => index.add(toLexicalDoc(label, text, "")));
    expect(index.bigramsByInitials("dp")).toEqual([
      { bigram: "dan_pho", passages: 3 },
      { bigram: "dan_phong", passages: 3 },
    ]);
    expect(index.bigramsByInitials("zz")).toEqual([]);
    index.add(toLexicalDoc(6, "Điểm phát thanh; điểm phát sóng.", ""));
    index.add(toLexicalDoc(7, "Điểm phát thanh xã.", ""));
    expect(index.bigramsByInitials("dp").map((b) => b.bigram)).toContain("diem_phat");
  });
});
