/**
 * Builds or updates the index from a corpus folder. Incremental: files are identified by path and
 * content hash, unchanged files are not re-read, and when little changed the previous HNSW graph and
 * lexical index are updated in place (deleted passages marked, new ones added) instead of rebuilt.
 * Atomic: see store.ts. A file that cannot be used is reported and skipped.
 */
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import hnswlib from "hnswlib-node";
import type { DocumentInfo } from "../corpus/types.js";
import { AppError } from "../errors.js";
import { analyzeText, type TermView } from "../text/analyze.js";
import { DEFAULT_DIMENSIONS, HASHED_EMBEDDINGS_NAME, HashedEmbeddings } from "./embeddings.js";
import { LexicalIndex } from "./lexical.js";
import { TermStats } from "./termStats.js";
import { FILE_CONCURRENCY, listCorpusFiles, mapConcurrently, readCorpusFile, type FileOutcome, type ParsedDoc } from "./corpusFiles.js";
import { DEFAULT_CALIBRATION, calibrateEfSearch, pseudoQuestion, spreadRows, type VectorSearchSettings } from "./vectorSearch.js";
import { INDEX_FORMAT_VERSION, currentGeneration, loadIndex, makeVectorStore, writeGeneration, type IngestFailure, type LoadedIndex, type StoredPassage } from "./store.js";

export { docIdFor, listCorpusFiles } from "./corpusFiles.js";

/** HNSW build parameters: M links per node, construction search width. */
export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 100;
/** Above this share of deleted labels an update rebuilds the graph from scratch. */
const MAX_DELETED_SHARE = 0.25;

/** Options of an ingest run. */
export interface IngestOptions {
  corpusDir: string;
  indexDir: string;
  maxFileBytes: number;
  /** HNSW search width override used when the previous generation is loaded; unset: the measured one. */
  efSearch?: number | undefined;
  /** Called after each file with the number of files done and the total. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Builds derived data (the quiz bank) stored with the index. */
  buildQuiz?: (passages: readonly StoredPassage[]) => { bank: unknown; questions: number; dropped: number };
  /** Forces a full rebuild even when an incremental update is possible. */
  full?: boolean;
}

/** What an ingest run did. */
export interface IngestSummary {
  mode: "full" | "incremental" | "unchanged";
  generation: string;
  documents: number;
  passages: number;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  skipped: IngestFailure[];
  quiz: { questions: number; dropped: number };
  ms: number;
}

/** Takes the ingest lock; a lock left by a dead process is taken over. */
async function acquireLock(indexDir: string): Promise<() => Promise<void>> {
  await mkdir(indexDir, { recursive: true });
  const lock = path.join(indexDir, ".lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lock, { force: true });
    } catch {
      const pid = Number((await readFile(lock, "utf8").catch(() => "")).trim());
      let alive = false;
      try {
        if (pid > 0) {
          process.kill(pid, 0);
          alive = true;
        }
      } catch {
        alive = false;
      }
      if (alive) throw new AppError("INPUT_INVALID", `Another ingest (pid ${pid}) is running on ${indexDir}; wait for it to finish`);
      await rm(lock, { force: true });
    }
  }
  throw new AppError("INPUT_INVALID", `Could not take the ingest lock in ${indexDir}`);
}

/** Ingests the corpus folder into the index folder. Throws INGEST_NOTHING when nothing usable remains. */
export async function ingestCorpus(opts: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const release = await acquireLock(opts.indexDir);
  try {
    return await ingestLocked(opts, started);
  } finally {
    await release();
  }
}

async function loadPrevious(opts: IngestOptions): Promise<LoadedIndex | null> {
  if (!(await currentGeneration(opts.indexDir))) return null;
  try {
    return await loadIndex(opts.indexDir, { efSearch: opts.efSearch });
  } catch {
    // A damaged or old-format index is simply rebuilt.
    return null;
  }
}

async function ingestLocked(opts: IngestOptions, started: number): Promise<IngestSummary> {
  const { supported, unsupported } = await listCorpusFiles(opts.corpusDir);
  const skipped: IngestFailure[] = unsupported.map((p) => ({ path: p, code: "FILE_UNSUPPORTED", reason: `${path.extname(p) || "no extension"} files are not supported` }));
  // --full re-reads every file: nothing from the previous generation is reused.
  const previous = opts.full ? null : await loadPrevious(opts);
  const prevDocs = new Map((previous?.manifest.documents ?? []).map((d) => [d.path, d]));
  const embeddings = new HashedEmbeddings({ dimensions: previous?.manifest.embeddings.dimensions ?? DEFAULT_DIMENSIONS });

  const kept: DocumentInfo[] = [];
  const fresh: ParsedDoc[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  let done = 0;
  // Files are read and parsed a few at a time, so that one file's disk reads overlap another's parsing;
  // outcomes are then taken in corpus order, as a one-at-a-time loop would.
  const outcomes = await mapConcurrently(supported, FILE_CONCURRENCY, async (rel): Promise<FileOutcome> => {
    try {
      return await readCorpusFile(opts.corpusDir, rel, opts.maxFileBytes, prevDocs.get(rel));
    } finally {
      done++;
      opts.onProgress?.(done, supported.length, rel);
    }
  });
  outcomes.forEach((outcome, i) => {
    const rel = supported[i] ?? "";
    if (outcome.kind === "kept") kept.push(outcome.info);
    else if (outcome.kind === "skipped") skipped.push(outcome.failure);
    else {
      fresh.push(outcome.doc);
      (outcome.kind === "updated" ? updated : added).push(rel);
    }
  });
  const keptPaths = new Set(kept.map((d) => d.path));
  const freshPaths = new Set(fresh.map((d) => d.info.path));
  // Documents that vanished or failed this time are removed; a failed re-read of a known file keeps nothing stale.
  const removed = [...prevDocs.keys()].filter((p) => !keptPaths.has(p) && !freshPaths.has(p));
  if (kept.length + fresh.length === 0) {
    const reasons = skipped.map((s) => `${s.path}: ${s.reason}`).join("; ");
    throw new AppError("INGEST_NOTHING", `No usable document in ${opts.corpusDir}${reasons ? ` (${reasons})` : ""}: add .txt, .md, .html, .pdf or .docx files`);
  }
  if (previous && fresh.length === 0 && removed.length === 0 && !opts.full) {
    return summary("unchanged", previous.generation, previous.manifest.documents, previous.passages.length, { added, updated, removed, unchanged: kept.length, skipped, quiz: previous.manifest.quiz, started });
  }

  const keptDocIds = new Set(kept.map((d) => d.docId));
  const reused = (previous?.passages ?? []).filter((p) => keptDocIds.has(p.docId));
  const dropLabels = (previous?.passages ?? []).filter((p) => !keptDocIds.has(p.docId)).map((p) => p.label);
  const newPassages = fresh.flatMap((d) => d.passages);
  const deletedAfter = (previous?.manifest.deletedLabels ?? 0) + dropLabels.length;
  const totalAfter = reused.length + newPassages.length;
  const incremental = previous !== null && !opts.full && deletedAfter / Math.max(1, totalAfter + deletedAfter) <= MAX_DELETED_SHARE;

  let passages: StoredPassage[];
  let lexical: LexicalIndex;
  let index: hnswlib.HierarchicalNSW;
  let deletedLabels: number;
  let terms: TermStats;
  let vectorSearch: VectorSearchSettings;
  if (incremental && previous) {
    terms = previous.terms;
    for (const p of previous.passages) if (!keptDocIds.has(p.docId)) terms.remove(matchingText(p));
    // The graph loaded with the previous generation is updated in place: it is not read from disk twice.
    index = previous.vectorStore.index;
    for (const label of dropLabels) index.markDelete(label);
    lexical = previous.lexical;
    lexical.discard(dropLabels);
    let next = index.getCurrentCount();
    const labelled = newPassages.map((p) => ({ ...p, label: next++ }));
    index.resizeIndex(Math.max(index.getMaxElements(), next));
    indexPassages(labelled, { vectors: index, lexical, terms, embeddings });
    passages = [...reused, ...labelled];
    deletedLabels = deletedAfter;
    vectorSearch = keptOrRemeasured(previous.manifest.vectorSearch, index, passages, embeddings);
  } else {
    const all = [...reused.map(({ label: _label, ...rest }) => rest), ...newPassages];
    passages = all.map((p, label) => ({ ...p, label }));
    index = newGraph(embeddings.dimensions, passages.length);
    terms = new TermStats();
    lexical = LexicalIndex.create();
    const vectors = indexPassages(passages, { vectors: index, lexical, terms, embeddings });
    deletedLabels = 0;
    // Labels are rows here: passage i has label i.
    vectorSearch = calibrateEfSearch(index, vectors, embeddings.dimensions, (label) => (label < passages.length ? label : undefined), pseudoQueries(passages, embeddings));
  }
  // Keep documents in corpus order, passages in document order.
  const docOrder = new Map(supported.map((p, i) => [p, i]));
  const documents = [...kept, ...fresh.map((d) => d.info)].sort((a, b) => (docOrder.get(a.path) ?? 0) - (docOrder.get(b.path) ?? 0));
  const docRank = new Map(documents.map((d, i) => [d.docId, i]));
  passages.sort((a, b) => (docRank.get(a.docId) ?? 0) - (docRank.get(b.docId) ?? 0) || a.order - b.order);

  const quiz = opts.buildQuiz?.(passages) ?? { bank: null, questions: 0, dropped: 0 };
  const generation = await writeGeneration(opts.indexDir, {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      builtAt: new Date().toISOString(),
      embeddings: { name: HASHED_EMBEDDINGS_NAME, dimensions: embeddings.dimensions },
      documents,
      failures: skipped,
      passageCount: passages.length,
      deletedLabels,
      quiz: { questions: quiz.questions, dropped: quiz.dropped },
      vectorSearch,
    },
    passages,
    vectorStore: makeVectorStore(embeddings, index, []),
    lexical,
    terms,
    quiz: quiz.bank,
  });
  return summary(incremental ? "incremental" : "full", generation, documents, passages.length, { added, updated, removed, unchanged: kept.length, skipped, quiz, started });
}

/** An empty vector graph with the ingest's parameters (hnswlib's seed 100: builds are reproducible). */
function newGraph(dimensions: number, capacity: number): hnswlib.HierarchicalNSW {
  const graph = new hnswlib.HierarchicalNSW("cosine", dimensions);
  graph.initIndex(Math.max(1, capacity), HNSW_M, HNSW_EF_CONSTRUCTION, 100);
  return graph;
}

/** Embedded pseudo-questions from an even spread of passages, for measuring recall. */
function pseudoQueries(passages: readonly StoredPassage[], embeddings: HashedEmbeddings): Float32Array[] {
  return spreadRows(passages.length, DEFAULT_CALIBRATION.queries).map((row) => embeddings.embedSync(pseudoQuestion(passages[row]?.text ?? "", DEFAULT_CALIBRATION.queryWords)));
}

/**
 * The previous search width while the index stays about the same size; measured again (vectors read back
 * from the graph) when it grew or shrank by more than the tolerance, or was never measured.
 */
function keptOrRemeasured(previous: VectorSearchSettings | undefined, graph: hnswlib.HierarchicalNSW, passages: readonly StoredPassage[], embeddings: HashedEmbeddings): VectorSearchSettings {
  if (previous && Math.abs(passages.length - previous.passages) <= previous.passages * DEFAULT_CALIBRATION.resizeTolerance) return previous;
  const dim = embeddings.dimensions;
  const vectors = new Float32Array(passages.length * dim);
  const rowOf = new Map<number, number>();
  passages.forEach((p, row) => {
    vectors.set(graph.getPoint(p.label), row * dim);
    rowOf.set(p.label, row);
  });
  return calibrateEfSearch(graph, vectors, dim, (label) => rowOf.get(label), pseudoQueries(passages, embeddings));
}

/** The text whose terms count for a passage: its own words, its section and its document title. */
function matchingText(p: { text: string; context: string; title: string }): string {
  return `${p.text}\n${p.context}\n${p.title}`;
}

/**
 * Adds passages to the vector graph, the lexical index and the term statistics, analysing each passage's
 * text once for all three (and each section context and title once for all the passages under it).
 * Returns the vectors added, row i for passages[i].
 */
function indexPassages(
  passages: readonly StoredPassage[],
  into: { vectors: hnswlib.HierarchicalNSW; lexical: LexicalIndex; terms: TermStats; embeddings: HashedEmbeddings },
): Float32Array {
  const added = new Float32Array(passages.length * into.embeddings.dimensions);
  const shared = new Map<string, TermView>();
  const analysedPart = (text: string): TermView => {
    let view = shared.get(text);
    if (!view) {
      view = analyzeText(text);
      shared.set(text, view);
    }
    return view;
  };
  let docId: string | null = null;
  passages.forEach((p, row) => {
    // Contexts and titles repeat within a document, rarely across documents: the cache lives per document.
    if (p.docId !== docId) {
      shared.clear();
      docId = p.docId;
    }
    const view = analyzeText(p.text);
    const context = analysedPart(p.context);
    const vector = into.embeddings.embedView(view);
    added.set(vector, row * into.embeddings.dimensions);
    into.vectors.addPoint(Array.from(vector), p.label);
    into.lexical.addAnalysed(p.label, view, context);
    // The same terms as `terms.add(matchingText(p))`.
    into.terms.addAnalysed([view, context, analysedPart(p.title)]);
  });
  return added;
}

function summary(
  mode: IngestSummary["mode"],
  generation: string,
  documents: readonly DocumentInfo[],
  passages: number,
  rest: { added: string[]; updated: string[]; removed: string[]; unchanged: number; skipped: IngestFailure[]; quiz: { questions: number; dropped: number }; started: number },
): IngestSummary {
  const { started, quiz, ...lists } = rest;
  return { mode, generation, documents: documents.length, passages, ...lists, quiz: { questions: quiz.questions, dropped: quiz.dropped }, ms: Math.round(performance.now() - started) };
}

