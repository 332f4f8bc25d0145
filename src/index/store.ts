/**
 * The index on disk. An index folder holds generations (`gen-*`), each complete on its own, and a
 * `CURRENT` file naming the one in service. A new generation is written beside the old one and `CURRENT`
 * is replaced atomically (write + rename) only once it is complete, so a failed or killed ingest leaves
 * the previous index serving. Each generation carries a format version; unknown versions are refused.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { SynchronousInMemoryDocstore } from "@langchain/community/stores/doc/in_memory";
import { Document } from "@langchain/core/documents";
import hnswlib from "hnswlib-node";
import type { ChunkedPassage } from "../corpus/chunk.js";
import type { DocumentInfo } from "../corpus/types.js";
import { AppError, describeError } from "../errors.js";
import { INGEST_LEXICON_FINGERPRINT } from "../text/lexicon.js";
import { HASHED_EMBEDDINGS_NAME, HashedEmbeddings } from "./embeddings.js";
import { LexicalIndex, type LexicalDelta } from "./lexical.js";
import { TermStats, type TermStatsJSON } from "./termStats.js";
import { fallbackEfSearch, type VectorSearchSettings } from "./vectorSearch.js";
import { inThreadSearcher, OffThreadSearcher, searchesOffThread, type VectorSearcher } from "./vectorSearcher.js";

/** Bumped whenever the on-disk layout or the analysis changes meaning. */
export const INDEX_FORMAT_VERSION = 59;
const CURRENT_FILE = "CURRENT";
/**
 * The files of a generation. Passages are stored as a JSON array with one line per document, in the
 * manifest's order (the array of its passages), so that a re-ingest writes back the lines of unchanged
 * documents as they were and parses only those of the documents that changed. The lexical index may come
 * with a delta (see `LexicalDelta`): the index file is then the one of an earlier generation, shared by a
 * hard link.
 */
const FILES = { manifest: "manifest.json", passages: "passages.json", vectors: "hnswlib.index", vectorArgs: "args.json", lexical: "lexical.json", lexicalDelta: "lexical-delta.json", quiz: "quiz.json", terms: "terms.json" } as const;

/** A file the ingest could not use, and why. */
export interface IngestFailure {
  path: string;
  code: string;
  reason: string;
  /** The file's size and modification time when it failed (absent for unsupported types and old indexes). */
  size?: number;
  mtimeMs?: number;
}

/** What a generation says about itself. */
export interface IndexManifest {
  formatVersion: number;
  builtAt: string;
  embeddings: { name: string; dimensions: number };
  /** The lexicon the passages were analysed with (`INGEST_LEXICON_FINGERPRINT`; absent in older indexes). */
  lexicon?: string;
  documents: DocumentInfo[];
  failures: IngestFailure[];
  passageCount: number;
  /** Labels marked deleted in the HNSW graph (kept by incremental updates until the next full build). */
  deletedLabels: number;
  quiz: { questions: number; dropped: number };
  /** The HNSW search width measured at ingest (absent in indexes written before it was). */
  vectorSearch?: VectorSearchSettings;
  /**
   * sha256 of the passages file and of the lexical index file, as written: a re-ingest writes back or
   * shares them without parsing them, and first checks they are intact (else it builds anew).
   */
  digests?: { passages: string; lexical: string };
}

/** A passage as stored, with its vector label. */
export interface StoredPassage extends ChunkedPassage {
  label: number;
}

/** Writes a vector graph to a file (an hnswlib graph in this thread, or one a worker thread built). */
export interface GraphWriter {
  writeIndex(file: string): Promise<unknown>;
}

/**
 * One document's passages as a generation writes them: parsed, or the line a previous generation stored
 * for it, written back byte for byte.
 */
export type PassageGroup = { docId: string; passages: readonly StoredPassage[] } | { docId: string; line: Uint8Array };

/** A lexical index written as the file of an earlier generation (shared) and the changes since. */
export interface SharedLexical {
  base: string;
  /** sha256 of the file `base`. */
  baseDigest: string;
  delta: LexicalDelta;
}

/** Everything needed to write one generation. */
export interface GenerationData {
  manifest: IndexManifest;
  /** One group per document of `manifest.documents`, in the same order. */
  passages: readonly PassageGroup[];
  graph: GraphWriter;
  lexical: LexicalIndex | SharedLexical;
  terms: TermStats;
  /** Serialised quiz bank (any JSON), stored with the index so a re-index refreshes it. */
  quiz: unknown;
}

/** A generation loaded for serving. */
export interface LoadedIndex {
  dir: string;
  generation: string;
  manifest: IndexManifest;
  passages: StoredPassage[];
  byLabel: Map<number, StoredPassage>;
  byId: Map<string, StoredPassage>;
  /** The graph in this thread, as a LangChain vector store; null when a worker thread holds it (see `vectors`). */
  vectorStore: HNSWLib | null;
  /** Searches the graph, in this thread or in a worker's. */
  vectors: VectorSearcher;
  lexical: LexicalIndex;
  terms: TermStats;
  embeddings: HashedEmbeddings;
  /**
   * The stored quiz bank (any JSON; null when the generation has none or it cannot be read), read from
   * its file at first use: at 113,000 passages it is 160 MB of JSON, which held from start-up cost 1.4 s
   * of loading and ~300 MB of memory for a bank most processes never use.
   */
  readonly quiz: unknown;
  /** The HNSW search width in use: the override, else the one measured at ingest. */
  efSearch: number;
}

/** A generation loaded with its graph in this thread (what ingest and the benchmark's recall need). */
export type InThreadIndex = LoadedIndex & { vectorStore: HNSWLib };

/** How a generation is loaded. */
export interface LoadOptions {
  /** HNSW search width; unset: the width measured at ingest. */
  efSearch?: number | undefined;
  /** The generation to load; unset: the one in service. */
  generation?: string;
  /**
   * Passages from which the graph is read and searched by a worker thread (see vectorSearcher.ts); unset:
   * always in this thread. Serving sets it; whoever loads with it closes `vectors` when done with the index.
   */
  offThreadFrom?: number | undefined;
}

/** The name of the generation in service, or null when the folder holds no index. */
export async function currentGeneration(indexDir: string): Promise<string | null> {
  try {
    const name = (await readFile(path.join(indexDir, CURRENT_FILE), "utf8")).trim();
    return /^gen-[\w-]+$/.test(name) ? name : null;
  } catch {
    return null;
  }
}

/** The manifest of the generation in service (read alone, without loading the index), or null. */
export async function readCurrentManifest(indexDir: string): Promise<IndexManifest | null> {
  const generation = await currentGeneration(indexDir);
  if (!generation) return null;
  try {
    return await readJson<IndexManifest>(path.join(indexDir, generation, FILES.manifest));
  } catch {
    return null;
  }
}

/**
 * True when the generation in service was written in this program's format (version and embeddings) and
 * analysed with its lexicon: otherwise start-up rebuilds it.
 */
export async function indexFormatMatches(indexDir: string): Promise<boolean> {
  const manifest = await readCurrentManifest(indexDir);
  return manifest !== null && manifest.formatVersion === INDEX_FORMAT_VERSION && manifest.embeddings?.name === HASHED_EMBEDDINGS_NAME && manifest.lexicon === INGEST_LEXICON_FINGERPRINT;
}

/** Builds the LangChain vector store around an HNSW graph, with passages as its docstore. */
export function makeVectorStore(embeddings: HashedEmbeddings, index: hnswlib.HierarchicalNSW, passages: readonly StoredPassage[]): HNSWLib {
  const docs = new Map<string, Document>();
  for (const p of passages) docs.set(String(p.label), new Document({ pageContent: p.text, metadata: { id: p.id, label: p.label } }));
  return new HNSWLib(embeddings, { space: "cosine", numDimensions: embeddings.dimensions, index, docstore: new SynchronousInMemoryDocstore(docs) });
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, "utf8")) as T;
}

/** Throws INDEX_VERSION unless the generation in `dir` was written in this program's format and embeddings. */
function checkFormat(manifest: IndexManifest, dir: string): void {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new AppError(
      "INDEX_VERSION",
      `The index in ${dir} has format version ${String(manifest.formatVersion)}, this program reads version ${INDEX_FORMAT_VERSION}: re-run \`npm run ingest\``,
    );
  }
  if (manifest.embeddings?.name !== HASHED_EMBEDDINGS_NAME) {
    throw new AppError(
      "INDEX_VERSION",
      `The index in ${dir} was built with embeddings "${String(manifest.embeddings?.name)}", this program uses "${HASHED_EMBEDDINGS_NAME}": re-run \`npm run ingest\``,
    );
  }
}

/**
 * Loads the generation in service. hnswlib does not save its search width and its default (10) loses
 * recall, so it is set on every load: `efSearch` when given (HNSW_EF_SEARCH), else the width the ingest
 * measured for this index (see vectorSearch.ts).
 */
export async function loadIndex(indexDir: string, opts?: LoadOptions & { offThreadFrom?: undefined }): Promise<InThreadIndex>;
export async function loadIndex(indexDir: string, opts: LoadOptions): Promise<LoadedIndex>;
export async function loadIndex(indexDir: string, opts: LoadOptions = {}): Promise<LoadedIndex> {
  const generation = opts.generation ?? (await currentGeneration(indexDir));
  if (!generation) throw new AppError("INDEX_MISSING", `INDEX_DIR ${indexDir} has no index: run \`npm run ingest\``);
  const dir = path.join(indexDir, generation);
  let manifest: IndexManifest;
  try {
    manifest = await readJson<IndexManifest>(path.join(dir, FILES.manifest));
  } catch (err) {
    throw new AppError("INDEX_CORRUPT", `The index in ${dir} is damaged (${describeError(err)}): run \`npm run ingest\` to rebuild it`, { cause: err });
  }
  checkFormat(manifest, dir);
  // The graph's read: null when this thread read it, else the worker that did.
  let vectorsRead: Promise<OffThreadSearcher | null> | null = null;
  try {
    const embeddings = new HashedEmbeddings({ dimensions: manifest.embeddings.dimensions });
    const vectorFile = path.join(dir, FILES.vectors);
    const efSearch = opts.efSearch ?? manifest.vectorSearch?.efSearch ?? fallbackEfSearch(manifest.passageCount);
    const offThread = opts.offThreadFrom !== undefined && searchesOffThread(manifest.passageCount, opts.offThreadFrom);
    const index = offThread ? null : new hnswlib.HierarchicalNSW("cosine", manifest.embeddings.dimensions);
    // hnswlib reads the graph on a libuv thread (or the worker reads it): started first, it loads while
    // this thread parses the rest.
    const reading = (async (): Promise<OffThreadSearcher | null> => {
      if ((await stat(vectorFile)).size === 0) throw new Error("hnswlib.index is empty");
      if (!index) return OffThreadSearcher.open({ file: vectorFile, dimensions: manifest.embeddings.dimensions, efSearch, deletedLabels: manifest.deletedLabels });
      await index.readIndex(vectorFile);
      return null;
    })();
    vectorsRead = reading;
    reading.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    // The passages, then the lexical index, one after the other: read side by side, the transient strings of
    // both were held at once (and the heap the garbage collector then lets grow is sized on them).
    const passages = await readPassages(path.join(dir, FILES.passages), manifest.documents);
    sharePassageStrings(passages);
    const [deltaJson, termsJson] = await Promise.all([
      readOptional(path.join(dir, FILES.lexicalDelta)),
      readJson<TermStatsJSON>(path.join(dir, FILES.terms)),
    ]);
    const lexical = await LexicalIndex.read(path.join(dir, FILES.lexical));
    if (deltaJson !== null) lexical.applyDelta(LexicalIndex.decodeDelta(deltaJson));
    const searcher = await reading;
    index?.setEf(efSearch);
    if (passages.length !== manifest.passageCount || lexical.size !== passages.length) {
      throw new Error(`passage counts disagree (manifest ${manifest.passageCount}, passages ${passages.length}, lexical ${lexical.size})`);
    }
    const byLabel = new Map(passages.map((p) => [p.label, p]));
    const byId = new Map(passages.map((p) => [p.id, p]));
    const vectorStore = index ? makeVectorStore(embeddings, index, passages) : null;
    const vectors = vectorStore ? inThreadSearcher(vectorStore, manifest.deletedLabels) : searcher;
    if (!vectors) throw new Error("the vector search thread did not start");
    const terms = TermStats.fromJSON(termsJson);
    const quizFile = path.join(dir, FILES.quiz);
    let quiz: { value: unknown } | null = null;
    return {
      dir,
      generation,
      manifest,
      passages,
      byLabel,
      byId,
      vectorStore,
      vectors,
      lexical,
      terms,
      embeddings,
      get quiz(): unknown {
        quiz ??= { value: readQuizFile(quizFile) };
        return quiz.value;
      },
      efSearch,
    };
  } catch (err) {
    // A worker that started before something else failed is not left running.
    void vectorsRead?.then((searcher) => searcher?.close(), () => undefined);
    if (err instanceof AppError) throw err;
    throw new AppError("INDEX_CORRUPT", `The index in ${dir} is damaged (${describeError(err)}): run \`npm run ingest\` to rebuild it`, { cause: err });
  }
}

/**
 * Makes the passages of a document share one copy of their title, document id, section and context
 * strings: JSON gives every passage its own (at 113,000 passages, tens of MB of repeated headings).
 */
function sharePassageStrings(passages: StoredPassage[]): void {
  const seen = new Map<string, string>();
  const shared = (value: string): string => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
  for (const p of passages) {
    p.title = shared(p.title);
    p.docId = shared(p.docId);
    p.context = shared(p.context);
    if (p.section !== null) p.section = shared(p.section);
  }
}

/** A generation's stored quiz bank, or null when it has none or the file cannot be read or parsed (the bank is then rebuilt in memory). */
function readQuizFile(file: string): unknown {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as unknown) : null;
  } catch {
    return null;
  }
}

/** A file's text, or null when it does not exist. */
async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Calls `each` with the byte range of every document's line in a passages file (without the comma between
 * documents), in the manifest's order. Throws when the file does not hold one line per document.
 */
function forEachPassageLine(bytes: Uint8Array, documents: readonly DocumentInfo[], each: (doc: DocumentInfo, start: number, end: number) => void): void {
  if (bytes[0] !== OPEN_BRACKET || bytes[1] !== NEWLINE) throw new Error(`${FILES.passages} does not open its array`);
  let start = 2;
  documents.forEach((doc, i) => {
    const end = bytes.indexOf(NEWLINE, start);
    // (Every line but the last ends with the comma between documents.)
    const last = i === documents.length - 1;
    if (end < 0 || (!last && bytes[end - 1] !== COMMA)) throw new Error(`${FILES.passages} holds ${i} documents, the manifest ${documents.length}`);
    each(doc, start, last ? end : end - 1);
    start = end + 1;
  });
  if (bytes.length !== start + 2 || bytes[start] !== CLOSE_BRACKET || bytes[start + 1] !== NEWLINE) throw new Error(`${FILES.passages} holds more documents than the manifest's ${documents.length}`);
}

/** The stored line of each document, by docId (byte ranges of the file, not decoded). */
async function readPassageLines(file: string, documents: readonly DocumentInfo[], digest: string): Promise<Map<string, Uint8Array>> {
  const bytes = await readFile(file);
  if (sha256(bytes) !== digest) throw new Error(`${FILES.passages} is not as written`);
  const lines = new Map<string, Uint8Array>();
  forEachPassageLine(bytes, documents, (doc, start, end) => lines.set(doc.docId, bytes.subarray(start, end)));
  return lines;
}

/**
 * Every passage of the passages file, in order, parsed a document's line at a time from the file's
 * bytes; throws unless it holds exactly the manifest's documents'. Parsed in one go, the file's text
 * (two bytes a character once it holds one Vietnamese letter: ~200 MB at 100,000 passages) and the
 * parsed passages were held at once; a line at a time, only the bytes are (outside the JS heap) and the
 * peak RSS of loading 107,094 synthetic passages fell from ~1,150 to ~905 MB, with the lexical index read
 * after the passages instead of beside them (see `LexicalIndex.read`).
 */
async function readPassages(file: string, documents: readonly DocumentInfo[]): Promise<StoredPassage[]> {
  const bytes = await readFile(file);
  const out: StoredPassage[] = [];
  forEachPassageLine(bytes, documents, (doc, start, end) => {
    for (const p of checkedPassages(JSON.parse(bytes.toString("utf8", start, end)) as StoredPassage[], doc)) out.push(p);
  });
  return out;
}

/** A document's passages as stored; throws unless they are exactly the document's. */
function checkedPassages(passages: StoredPassage[] | undefined, doc: DocumentInfo): StoredPassage[] {
  if (!Array.isArray(passages) || passages.length !== doc.passages || passages.some((p) => p.docId !== doc.docId)) {
    throw new Error(`the passages stored for ${doc.path} are not its ${doc.passages}`);
  }
  return passages;
}

/** A document's stored line parsed; throws unless it holds exactly the document's passages. */
function parsePassageLine(line: Uint8Array | undefined, doc: DocumentInfo): StoredPassage[] {
  if (line === undefined) throw new Error(`no passages stored for ${doc.path}`);
  return checkedPassages(JSON.parse(Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString("utf8")) as StoredPassage[], doc);
}

/** Bytes gathered before each write of the passages file. */
const WRITE_BATCH_BYTES = 1 << 20;

const sha256 = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

/** Writes the passages file: an array with one line per group, in order (see FILES). Returns its sha256. */
async function writePassageLines(file: string, groups: readonly PassageGroup[]): Promise<string> {
  const handle = await open(file, "w");
  const hash = createHash("sha256");
  try {
    let batch: Uint8Array[] = [];
    let size = 0;
    const push = (bytes: Uint8Array): void => {
      batch.push(bytes);
      hash.update(bytes);
      size += bytes.byteLength;
    };
    const between = Uint8Array.of(COMMA, NEWLINE);
    const newline = Uint8Array.of(NEWLINE);
    push(Uint8Array.of(OPEN_BRACKET, NEWLINE));
    for (const [i, group] of groups.entries()) {
      push("line" in group ? group.line : Buffer.from(JSON.stringify(group.passages)));
      push(i < groups.length - 1 ? between : newline);
      if (size >= WRITE_BATCH_BYTES) {
        await handle.writev(batch);
        batch = [];
        size = 0;
      }
    }
    push(Uint8Array.of(CLOSE_BRACKET, NEWLINE));
    await handle.writev(batch);
  } finally {
    await handle.close();
  }
  return hash.digest("hex");
}

/**
 * The lexical index file: the whole index, or an earlier generation's file linked and the changes since.
 * Returns the file's sha256.
 */
async function writeLexical(dir: string, lexical: LexicalIndex | SharedLexical): Promise<string> {
  const file = path.join(dir, FILES.lexical);
  if (lexical instanceof LexicalIndex) {
    const json = lexical.toJSON();
    await writeFile(file, json);
    return sha256(json);
  }
  // (A hard link shares the bytes; where the file system has none, a copy does the same.)
  await link(lexical.base, file).catch(() => copyFile(lexical.base, file));
  await writeFile(path.join(dir, FILES.lexicalDelta), LexicalIndex.encodeDelta(lexical.delta));
  return lexical.baseDigest;
}

/** What a re-ingest needs of the generation in service, read without analysing what stays as it is. */
export interface GenerationForUpdate {
  dir: string;
  generation: string;
  manifest: IndexManifest;
  terms: TermStats;
  /** The graph, read in this thread, with the search width set. */
  graph: hnswlib.HierarchicalNSW;
  /** Each document's stored line, by docId (see PassageGroup). */
  lines: ReadonlyMap<string, Uint8Array>;
  /** The lexical index file (not read) and the changes stored beside it (none: empty lists). */
  lexical: SharedLexical;
}

/**
 * Reads the generation in service for a re-ingest: its manifest, term statistics and graph, and the
 * passages and lexical index only as stored (see `passagesOf`, `readLexical`). Throws INDEX_* errors like
 * `loadIndex`.
 */
export async function loadForUpdate(indexDir: string, opts: { efSearch?: number | undefined } = {}): Promise<GenerationForUpdate> {
  const generation = await currentGeneration(indexDir);
  if (!generation) throw new AppError("INDEX_MISSING", `INDEX_DIR ${indexDir} has no index`);
  const dir = path.join(indexDir, generation);
  const manifest = await readJson<IndexManifest>(path.join(dir, FILES.manifest));
  checkFormat(manifest, dir);
  const digests = manifest.digests;
  if (!digests) throw new AppError("INDEX_CORRUPT", `The index in ${dir} has no file digests`);
  const vectorFile = path.join(dir, FILES.vectors);
  const graph = new hnswlib.HierarchicalNSW("cosine", manifest.embeddings.dimensions);
  const reading = (async () => {
    if ((await stat(vectorFile)).size === 0) throw new Error("hnswlib.index is empty");
    await graph.readIndex(vectorFile);
  })();
  reading.catch(() => undefined); // awaited below
  const lexicalFile = path.join(dir, FILES.lexical);
  const [lines, lexicalDigest, deltaJson, termsJson] = await Promise.all([
    readPassageLines(path.join(dir, FILES.passages), manifest.documents, digests.passages),
    readFile(lexicalFile).then(sha256),
    readOptional(path.join(dir, FILES.lexicalDelta)),
    readJson<TermStatsJSON>(path.join(dir, FILES.terms)),
  ]);
  if (lexicalDigest !== digests.lexical) throw new AppError("INDEX_CORRUPT", `${FILES.lexical} in ${dir} is not as written`);
  await reading;
  graph.setEf(opts.efSearch ?? manifest.vectorSearch?.efSearch ?? fallbackEfSearch(manifest.passageCount));
  const delta = deltaJson === null ? { removed: [], added: [] } : LexicalIndex.decodeDelta(deltaJson);
  return { dir, generation, manifest, terms: TermStats.fromJSON(termsJson), graph, lines, lexical: { base: lexicalFile, baseDigest: digests.lexical, delta } };
}

/** A document's passages as `loadForUpdate` read them (its stored line parsed and checked). */
export function passagesOf(previous: GenerationForUpdate, doc: DocumentInfo): StoredPassage[] {
  return parsePassageLine(previous.lines.get(doc.docId), doc);
}

/** A group's passages: those it holds, or its stored line parsed and checked against `doc`. */
export function passagesOfGroup(group: PassageGroup, doc: DocumentInfo): readonly StoredPassage[] {
  return "passages" in group ? group.passages : parsePassageLine(group.line, doc);
}

/** The lexical index as stored: the file read and the changes beside it applied. */
export async function readLexical(stored: SharedLexical): Promise<LexicalIndex> {
  const lexical = await LexicalIndex.read(stored.base);
  lexical.applyDelta(stored.delta);
  return lexical;
}

/** The passages of a generation, in order, without loading the rest (for tools that read them alone). */
export async function readStoredPassages(dir: string): Promise<StoredPassage[]> {
  const manifest = await readJson<IndexManifest>(path.join(dir, FILES.manifest));
  return readPassages(path.join(dir, FILES.passages), manifest.documents);
}

/** Writes a generation beside the current one and makes it current atomically. Returns its name. */
export async function writeGeneration(indexDir: string, data: GenerationData): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const name = `gen-${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}`;
  const tmp = path.join(indexDir, `.tmp-${name}`);
  await mkdir(tmp, { recursive: true });
  // The graph is written by hnswlib on a libuv thread (or by the worker that built it) while this thread
  // serialises the rest.
  const graphWritten = data.graph.writeIndex(path.join(tmp, FILES.vectors));
  graphWritten.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  await writeFile(path.join(tmp, FILES.vectorArgs), JSON.stringify({ space: "cosine", numDimensions: data.manifest.embeddings.dimensions }));
  if (data.passages.length !== data.manifest.documents.length || data.passages.some((g, i) => g.docId !== data.manifest.documents[i]?.docId)) throw new Error("the passages to write are not grouped as the manifest's documents");
  const digests = { passages: await writePassageLines(path.join(tmp, FILES.passages), data.passages), lexical: await writeLexical(tmp, data.lexical) };
  await writeFile(path.join(tmp, FILES.terms), JSON.stringify(data.terms.toJSON()));
  await writeFile(path.join(tmp, FILES.quiz), JSON.stringify(data.quiz));
  await graphWritten;
  // The manifest goes last: a generation without one is never complete.
  await writeFile(path.join(tmp, FILES.manifest), JSON.stringify({ ...data.manifest, digests }, null, 1));
  await rename(tmp, path.join(indexDir, name));
  const pointer = path.join(indexDir, `.${CURRENT_FILE}.${randomBytes(3).toString("hex")}`);
  await writeFile(pointer, `${name}\n`);
  await rename(pointer, path.join(indexDir, CURRENT_FILE));
  await pruneGenerations(indexDir, name);
  return name;
}

/** Removes leftovers of interrupted ingests and all but the two newest generations. */
export async function pruneGenerations(indexDir: string, keep: string): Promise<void> {
  const entries = await readdir(indexDir).catch(() => [] as string[]);
  const generations = entries.filter((e) => e.startsWith("gen-")).sort();
  const stale = generations.filter((g) => g !== keep).slice(0, -1);
  const leftovers = entries.filter((e) => e.startsWith(".tmp-") || (e.startsWith(`.${CURRENT_FILE}.`)));
  await Promise.all([...stale, ...leftovers].map((e) => rm(path.join(indexDir, e), { recursive: true, force: true })));
}
