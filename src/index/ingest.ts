/**
 * Builds or updates the index from a corpus folder. Incremental: files are identified by path and
 * content hash, unchanged files are not re-read, and when little changed the previous HNSW graph and
 * lexical index are updated in place (deleted passages marked, new ones added) instead of rebuilt.
 * Atomic: see store.ts. A file that cannot be used is reported and skipped.
 */
import os from "node:os";
import path from "node:path";
import hnswlib from "hnswlib-node";
import type { OcrReader } from "../corpus/ocr.js";
import type { OcrOptions } from "../corpus/scans.js";
import { SUPPORTED_EXTENSIONS, type DocumentInfo } from "../corpus/types.js";
import { AppError, describeError } from "../errors.js";
import { INGEST_LEXICON_FINGERPRINT } from "../text/lexicon.js";
import { DEFAULT_DIMENSIONS, HASHED_EMBEDDINGS_NAME, HashedEmbeddings } from "./embeddings.js";
import { sameRecords } from "./freshness.js";
import { LexicalIndex } from "./lexical.js";
import { OCR_CACHE_DIR, fileOcrCache, pruneOcrCache } from "./ocrCache.js";
import { TermStats } from "./termStats.js";
import type { ParseLimits } from "../corpus/limits.js";
import { assignDocIds, listCorpusFiles, type ParsedDoc, type ReadFileOptions } from "./corpusFiles.js";
import { inThreadReaders, workerReaders, type AnalysedOutcome, type FileReaders } from "./fileReaders.js";
import { acquireIngestLock } from "./lock.js";
import { analysePassages, type PassageAnalysis } from "./passageAnalysis.js";
import { DEFAULT_CALIBRATION, calibrateEfSearch, pseudoQuestion, searchIn, spreadRows, type VectorSearchSettings } from "./vectorSearch.js";
import {
  INDEX_FORMAT_VERSION,
  currentGeneration,
  loadForUpdate,
  passagesOf,
  passagesOfGroup,
  readLexical,
  writeGeneration,
  type GenerationForUpdate,
  type GraphWriter,
  type IngestFailure,
  type PassageGroup,
  type SharedLexical,
  type StoredPassage,
} from "./store.js";
import { buildsGraphOffThread, newGraphBuild, type GraphBuild } from "./graphBuild.js";

export { assignDocIds, docIdFor, listCorpusFiles } from "./corpusFiles.js";

/** HNSW build parameters: M links per node, construction search width. */
export const HNSW_M = 16;
/** hnswlib's random seed for the levels of new nodes: the same corpus builds the same graph. */
const HNSW_SEED = 100;
export const HNSW_EF_CONSTRUCTION = 100;
/** Files read ahead of the one being added to the index. */
const READ_AHEAD_FILES = 32;
/**
 * A worker thread is worth starting (0.5–3 s: it loads the loaders and the text modules) only with at
 * least this many files to read.
 */
const MIN_FILES_PER_WORKER = 64;

/**
 * Worker threads for an ingest when none is configured: one per core beyond the writer's. On the 2-core
 * machine of the benchmark that is none: two workers and the writer measured 0.6–0.95× the speed of one
 * thread there (the cores are shared), for 400 MB more at 10,000 passages.
 */
export function defaultIngestWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/** Above this share of deleted labels an update rebuilds the graph from scratch. */
const MAX_DELETED_SHARE = 0.25;
/**
 * Up to this share of the passages, the lexical changes of updates (passages removed and added since its
 * file was written) are stored beside the file of an earlier generation instead of a new file (see
 * `LexicalDelta`); above it they are folded into a new file. Each update rewrites the changes, and a
 * served index applies them at load: a tenth costs both little.
 */
const MAX_LEXICAL_DELTA_SHARE = 0.1;

/** Options of an ingest run. */
export interface IngestOptions {
  corpusDir: string;
  indexDir: string;
  maxFileBytes: number;
  /** HNSW search width override used when the previous generation is loaded; unset: the measured one. */
  efSearch?: number | undefined;
  /** Bounds on unpacked size, pages and text per file (corpus/limits.ts); the loader's defaults when absent. */
  limits?: ParseLimits;
  /** Most passages one file may yield; a file over it is skipped with the reason. */
  maxPassagesPerFile?: number;
  /** Called when a file starts being read (a crash report can then name the files in progress). */
  onFileStart?: (file: string) => void;
  /** Called after each file with the number of files done and the total. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Builds derived data (the quiz bank) stored with the index. */
  buildQuiz?: (passages: readonly StoredPassage[]) => { bank: unknown; questions: number; dropped: number };
  /** Forces a full rebuild even when an incremental update is possible. */
  full?: boolean;
  /**
   * OCR for scanned PDF pages and images, results cached in INDEX_DIR/ocr-cache. Without it, images are
   * skipped and scanned pages stay empty. The caller owns the reader (and closes it).
   */
  ocr?: {
    reader: OcrReader;
    /** Most pages read by OCR in one file (OCR_MAX_PAGES); a file needing more is skipped. */
    maxPages: number;
    /** Called before each page is read by OCR: the file, the page's rank among those to read, their count. */
    onPage?: (file: string, page: number, pages: number) => void;
  };
  /**
   * Threads reading, cleaning, chunking and analysing files (INGEST_WORKERS); 1 does it all in this
   * thread. The index is the same whatever the number. Default: `defaultIngestWorkers()`.
   */
  workers?: number | undefined;
  /**
   * Whether a first build inserts its vectors into the graph in a worker thread, while this one reads the
   * next files (graphBuild.ts). The graph is the same either way. Default: `buildsGraphOffThread(files)`.
   */
  graphOffThread?: boolean | undefined;
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
  /** Threads that read and analysed the files: 1 is this thread alone. */
  workers: number;
  ms: number;
}

/** Ingests the corpus folder into the index folder. Throws INGEST_NOTHING when nothing usable remains. */
export async function ingestCorpus(opts: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const release = await acquireIngestLock(opts.indexDir);
  try {
    return await ingestLocked(opts, started);
  } finally {
    await release();
  }
}

async function loadPrevious(opts: IngestOptions): Promise<GenerationForUpdate | null> {
  if (!(await currentGeneration(opts.indexDir))) return null;
  try {
    const previous = await loadForUpdate(opts.indexDir, { efSearch: opts.efSearch });
    // Passages analysed with another lexicon are all analysed again.
    return previous.manifest.lexicon === INGEST_LEXICON_FINGERPRINT ? previous : null;
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
  const docIds = assignDocIds(supported, new Map([...prevDocs].map(([p, d]) => [p, d.docId])));
  const embeddings = new HashedEmbeddings({ dimensions: previous?.manifest.embeddings.dimensions ?? DEFAULT_DIMENSIONS });

  const kept: DocumentInfo[] = [];
  const fresh: ParsedDoc[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  const ocrCacheDir = path.join(opts.indexDir, OCR_CACHE_DIR);
  const ocrCache = fileOcrCache(ocrCacheDir);
  const ocr = opts.ocr;
  const ocrFor = (rel: string): OcrOptions | undefined =>
    ocr && { reader: ocr.reader, maxPages: ocr.maxPages, cache: ocrCache, ...(ocr.onPage ? { onPage: (page: number, pages: number) => ocr.onPage?.(rel, page, pages) } : {}) };
  const readOptionsFor = (rel: string): ReadFileOptions => ({
    docId: docIds.get(rel) ?? rel,
    maxFileBytes: opts.maxFileBytes,
    ...(previous ? { previousWrittenAtMs: Date.parse(previous.manifest.builtAt) } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.maxPassagesPerFile !== undefined ? { maxPassages: opts.maxPassagesPerFile } : {}),
    ...(ocrFor(rel) ? { ocr: ocrFor(rel) } : {}),
  });
  // A first build (nothing to reuse) adds each document to the indexes as soon as it is read, in corpus
  // order, while the workers read the next ones; otherwise the analyses wait until the plan is known.
  const building = previous === null ? new FreshBuild(embeddings, supported.length, opts.graphOffThread ?? buildsGraphOffThread(supported.length)) : null;
  try {
    const analysesOf = new Map<ParsedDoc, PassageAnalysis[]>();
    // Worker threads only for a first build: an update mostly re-hashes unchanged files, cheaper in this thread.
    const readers = openReaders(opts, building ? supported.length : 0, embeddings);
    try {
      let done = 0;
      const reads: Array<Promise<AnalysedOutcome>> = [];
      const issue = (i: number): void => {
        const rel = supported[i];
        if (rel === undefined) return;
        opts.onFileStart?.(rel);
        const read = readers.read(rel, prevDocs.get(rel), readOptionsFor(rel)).finally(() => {
          done++;
          opts.onProgress?.(done, supported.length, rel);
        });
        // A read that fails while an earlier one is awaited is reported when its turn comes, not as unhandled.
        read.catch(() => undefined);
        reads[i] = read;
      };
      // Reading runs at most READ_AHEAD_FILES ahead of the writer, so that finished files cannot pile up.
      for (let i = 0; i < READ_AHEAD_FILES; i++) issue(i);
      // Outcomes are taken in corpus order, as a one-at-a-time loop would.
      for (let i = 0; i < supported.length; i++) {
        const read = reads[i];
        if (!read) throw new Error(`file ${i} was never read`);
        const { outcome, analyses: unpack } = await read;
        delete reads[i];
        issue(i + READ_AHEAD_FILES);
        const analyses = unpack();
        const rel = supported[i] ?? "";
        if (outcome.kind === "kept") kept.push(outcome.info);
        else if (outcome.kind === "skipped") skipped.push(outcome.failure);
        else {
          fresh.push(outcome.doc);
          (outcome.kind === "updated" ? updated : added).push(rel);
          if (!analyses) throw new Error(`no analysis came with ${rel}`);
          if (building) building.add(outcome.doc.passages, analyses);
          else analysesOf.set(outcome.doc, analyses);
        }
      }
    } finally {
      await readers.close();
    }
    const keptPaths = new Set(kept.map((d) => d.path));
    const freshPaths = new Set(fresh.map((d) => d.info.path));
    // Documents that vanished or failed this time are removed; a failed re-read of a known file keeps nothing stale.
    const removed = [...prevDocs.keys()].filter((p) => !keptPaths.has(p) && !freshPaths.has(p));
    if (kept.length + fresh.length === 0) {
      // A folder of thousands of broken files would make a message of tens of KB: the first few say enough.
      const reasons = [...skipped.slice(0, 5).map((s) => `${s.path}: ${s.reason}`), ...(skipped.length > 5 ? [`and ${skipped.length - 5} more`] : [])].join("; ");
      throw new AppError("INGEST_NOTHING", `No usable document in ${opts.corpusDir}${reasons ? ` (${reasons})` : ""}: add ${SUPPORTED_EXTENSIONS.join(", ")} files`);
    }
    if (previous && fresh.length === 0 && removed.length === 0 && !opts.full && sameRecords(previous.manifest, kept, skipped)) {
      return summary("unchanged", previous.generation, previous.manifest.documents, previous.manifest.passageCount, { added, updated, removed, unchanged: kept.length, skipped, quiz: previous.manifest.quiz, workers: readers.threads, started });
    }

    // Passages are kept by the path of their document: ids are unique per path (assignDocIds), so a kept
    // document's id names its passages and nobody else's; every passage of a changed or removed path goes.
    // (Only the stored passages of those documents are read: the others' lines are written back as stored.)
    const keptDocIds = new Set(kept.map((d) => d.docId));
    const previousDocs = previous?.manifest.documents ?? [];
    const dropped = previous ? previousDocs.filter((d) => !keptDocIds.has(d.docId)).flatMap((d) => passagesOf(previous, d)) : [];
    const dropLabels = dropped.map((p) => p.label);
    const newPassages = fresh.flatMap((d) => d.passages);
    const newAnalyses = fresh.flatMap((d) => analysesOf.get(d) ?? []);
    const deletedAfter = (previous?.manifest.deletedLabels ?? 0) + dropLabels.length;
    const totalAfter = (previous?.manifest.passageCount ?? 0) - dropped.length + newPassages.length;
    const incremental = previous !== null && !opts.full && deletedAfter / Math.max(1, totalAfter + deletedAfter) <= MAX_DELETED_SHARE;

    // The passages held as objects (new ones; every one in a full build), by document.
    let parsed: StoredPassage[];
    let lexical: LexicalIndex | SharedLexical;
    let graph: GraphWriter;
    let deletedLabels: number;
    let terms: TermStats;
    // Measured while the quiz bank is built: a graph built off-thread may still be taking its last vectors.
    let measure: (allPassages: () => readonly StoredPassage[]) => Promise<VectorSearchSettings>;
    if (building) {
      ({ passages: parsed, graph, lexical, terms } = building);
      deletedLabels = 0;
      measure = () => building.calibrate();
    } else if (incremental && previous) {
      terms = previous.terms;
      for (const p of dropped) terms.remove(matchingText(p));
      // The graph read with the previous generation is updated in place.
      const index = previous.graph;
      graph = index;
      for (const label of dropLabels) index.markDelete(label);
      // The lexical index is not read: the changes since its file was written are, and grow by these.
      const removed = new Set(previous.lexical.delta.removed);
      const added = new Map(previous.lexical.delta.added);
      for (const label of dropLabels) if (!added.delete(label)) removed.add(label);
      let next = index.getCurrentCount();
      parsed = newPassages.map((p) => ({ ...p, label: next++ }));
      index.resizeIndex(Math.max(index.getMaxElements(), next));
      parsed.forEach((p, i) => {
        const analysis = analysisOf(p, newAnalyses[i]);
        index.addPoint(Array.from(analysis.vector), p.label);
        terms.addAnalysed([analysis.text, analysis.context, analysis.title]);
        added.set(p.label, LexicalIndex.fieldsOf(analysis.text, analysis.context));
      });
      const shared: SharedLexical = { ...previous.lexical, delta: { removed: [...removed], added: [...added] } };
      // Once the changes are a sizeable share of the index, they are folded into a new file.
      lexical = removed.size + added.size <= MAX_LEXICAL_DELTA_SHARE * totalAfter ? shared : await readLexical(shared);
      deletedLabels = deletedAfter;
      measure = (allPassages) => keptOrRemeasured(previous.manifest.vectorSearch, index, totalAfter, allPassages, embeddings);
    } else {
      // A rebuild that keeps some documents: their passages are analysed again here, the new ones were read with theirs.
      const rebuild = new FreshBuild(embeddings, totalAfter, false);
      if (previous) {
        for (const doc of previousDocs) {
          if (!keptDocIds.has(doc.docId)) continue;
          const docPassages = passagesOf(previous, doc).map(({ label: _label, ...rest }) => rest);
          rebuild.add(docPassages, analysePassages(docPassages, embeddings));
        }
      }
      rebuild.add(newPassages, newAnalyses);
      ({ passages: parsed, graph, lexical, terms } = rebuild);
      deletedLabels = 0;
      measure = () => rebuild.calibrate();
    }
    // Keep documents in corpus order, passages in document order.
    const docOrder = new Map(supported.map((p, i) => [p, i]));
    const documents = [...kept, ...fresh.map((d) => d.info)].sort((a, b) => (docOrder.get(a.path) ?? 0) - (docOrder.get(b.path) ?? 0));
    const groups = groupPassages(documents, parsed, previous);
    // Every passage, in index order, parsed only when something needs them all (the quiz bank, a new measure).
    const everyPassage = (): StoredPassage[] => groups.flatMap((g, i) => passagesOfGroup(g, documents[i] as DocumentInfo));
    const passageCount = documents.reduce((n, d) => n + d.passages, 0);
    const measuring = measure(everyPassage);
    measuring.catch(() => undefined); // awaited below; a quiz failure first must not leave it unhandled
    const quiz = opts.buildQuiz?.(everyPassage()) ?? { bank: null, questions: 0, dropped: 0 };
    const vectorSearch = await measuring;
    let generation: string;
    try {
      generation = await writeGeneration(opts.indexDir, {
        manifest: {
          formatVersion: INDEX_FORMAT_VERSION,
          builtAt: new Date().toISOString(),
          embeddings: { name: HASHED_EMBEDDINGS_NAME, dimensions: embeddings.dimensions },
          lexicon: INGEST_LEXICON_FINGERPRINT,
          documents,
          failures: skipped,
          passageCount,
          deletedLabels,
          quiz: { questions: quiz.questions, dropped: quiz.dropped },
          vectorSearch,
        },
        passages: groups,
        graph,
        lexical,
        terms,
        quiz: quiz.bank,
      });
    } catch (err) {
      throw new AppError("INDEX_UNWRITABLE", `Could not write the new index into ${opts.indexDir} (${describeError(err)}): check that INDEX_DIR is writable and the disk is not full; the previous index keeps serving`, { cause: err });
    }
    await pruneOcrCache(ocrCacheDir, new Set(documents.map((d) => d.hash)));
    return summary(incremental ? "incremental" : "full", generation, documents, passageCount, { added, updated, removed, unchanged: kept.length, skipped, quiz, workers: readers.threads, started });
  } finally {
    // The graph's worker thread, if it has one, stops whatever happened.
    await building?.close();
  }
}

/** Embedded pseudo-questions from an even spread of passages, for measuring recall. */
function pseudoQueries(passages: readonly StoredPassage[], embeddings: HashedEmbeddings): Float32Array[] {
  return spreadRows(passages.length, DEFAULT_CALIBRATION.queries).map((row) => embeddings.embedSync(pseudoQuestion(passages[row]?.text ?? "", DEFAULT_CALIBRATION.queryWords)));
}

/**
 * The previous search width while the index stays about the same size; measured again (vectors read back
 * from the graph) when it grew or shrank by more than the tolerance, or was never measured.
 */
async function keptOrRemeasured(previous: VectorSearchSettings | undefined, graph: hnswlib.HierarchicalNSW, count: number, allPassages: () => readonly StoredPassage[], embeddings: HashedEmbeddings): Promise<VectorSearchSettings> {
  if (previous && Math.abs(count - previous.passages) <= previous.passages * DEFAULT_CALIBRATION.resizeTolerance) return previous;
  const passages = allPassages();
  const dim = embeddings.dimensions;
  const vectors = new Float32Array(passages.length * dim);
  const rowOf = new Map<number, number>();
  passages.forEach((p, row) => {
    vectors.set(graph.getPoint(p.label), row * dim);
    rowOf.set(p.label, row);
  });
  return calibrateEfSearch(searchIn(graph), vectors, dim, (label) => rowOf.get(label), pseudoQueries(passages, embeddings));
}

/**
 * The passages of each document, in the documents' order: those held as objects (sorted by their order in
 * the document), else the line the previous generation stored for it.
 */
function groupPassages(documents: readonly DocumentInfo[], parsed: readonly StoredPassage[], previous: GenerationForUpdate | null): PassageGroup[] {
  const byDoc = new Map<string, StoredPassage[]>();
  for (const p of parsed) {
    const list = byDoc.get(p.docId);
    if (list) list.push(p);
    else byDoc.set(p.docId, [p]);
  }
  return documents.map((doc) => {
    const own = byDoc.get(doc.docId);
    if (own) return { docId: doc.docId, passages: own.sort((a, b) => a.order - b.order) };
    const line = previous?.lines.get(doc.docId);
    if (!line) throw new Error(`no passages for ${doc.path}`);
    return { docId: doc.docId, line };
  });
}

/** The text whose terms count for a passage: its own words, its section and its document title. */
function matchingText(p: { text: string; context: string; title: string }): string {
  return `${p.text}\n${p.context}\n${p.title}`;
}

/** A passage's analysis, which every passage read has. */
function analysisOf(p: { id: string }, analysis: PassageAnalysis | undefined): PassageAnalysis {
  if (!analysis) throw new Error(`passage ${p.id} has no analysis`);
  return analysis;
}

/** Adds one analysed passage to the lexical index and the term statistics. */
function addTerms(p: StoredPassage, analysis: PassageAnalysis, into: { lexical: LexicalIndex; terms: TermStats }): void {
  into.lexical.addAnalysed(p.label, analysis.text, analysis.context);
  // The same terms as `terms.add(matchingText(p))`.
  into.terms.addAnalysed([analysis.text, analysis.context, analysis.title]);
}

/**
 * A new generation built from nothing, one document at a time in corpus order: passage i gets label i,
 * and the graph grows as passages come (its capacity is not known until every file is read). The graph
 * is built in a worker thread when `graphOffThread` (the same graph either way).
 */
class FreshBuild {
  readonly passages: StoredPassage[] = [];
  readonly lexical = LexicalIndex.create();
  readonly terms = new TermStats();
  readonly graph: GraphBuild;
  /** Every vector added, row i for label i, kept for measuring recall; grown by doubling. */
  private vectors: Float32Array;

  constructor(
    private readonly embeddings: HashedEmbeddings,
    expectedDocuments: number,
    graphOffThread: boolean,
  ) {
    const capacity = Math.max(1024, expectedDocuments * 16);
    this.graph = newGraphBuild({ dimensions: embeddings.dimensions, capacity, m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION, seed: HNSW_SEED }, graphOffThread);
    this.vectors = new Float32Array(capacity * embeddings.dimensions);
  }

  add(docPassages: ReadonlyArray<Omit<StoredPassage, "label">>, analyses: readonly PassageAnalysis[]): void {
    const dim = this.embeddings.dimensions;
    const first = this.passages.length;
    while ((first + docPassages.length) * dim > this.vectors.length) {
      const grown = new Float32Array(this.vectors.length * 2);
      grown.set(this.vectors);
      this.vectors = grown;
    }
    docPassages.forEach((p, i) => {
      const passage = { ...p, label: first + i };
      const analysis = analysisOf(passage, analyses[i]);
      addTerms(passage, analysis, this);
      this.vectors.set(analysis.vector, passage.label * dim);
      this.passages.push(passage);
    });
    if (docPassages.length > 0) this.graph.add(this.vectors.slice(first * dim, (first + docPassages.length) * dim), first);
  }

  /** The search width measured over what was built (labels are rows); the vectors kept for it are then let go. */
  async calibrate(): Promise<VectorSearchSettings> {
    const dim = this.embeddings.dimensions;
    const count = this.passages.length;
    const search = (ef: number, queries: readonly Float32Array[], k: number): Promise<number[][]> => this.graph.searchAll(ef, queries, k);
    try {
      return await calibrateEfSearch(search, this.vectors.subarray(0, count * dim), dim, (label) => (label < count ? label : undefined), pseudoQueries(this.passages, this.embeddings));
    } finally {
      // (110 MB at 100,000 passages, no longer needed while the generation is written.)
      this.vectors = new Float32Array(0);
    }
  }

  close(): Promise<void> {
    return this.graph.close();
  }
}

/** In this thread for one worker or a small corpus, else in worker threads. */
function openReaders(opts: IngestOptions, files: number, embeddings: HashedEmbeddings): FileReaders {
  const workers = Math.min(opts.workers ?? defaultIngestWorkers(), Math.floor(files / MIN_FILES_PER_WORKER));
  // OCR's reader lives in this thread: an ingest that may read scans reads every file here.
  return workers > 1 && !opts.ocr ? workerReaders(workers, opts.corpusDir, embeddings.dimensions) : inThreadReaders(opts.corpusDir, embeddings);
}

function summary(
  mode: IngestSummary["mode"],
  generation: string,
  documents: readonly DocumentInfo[],
  passages: number,
  rest: { added: string[]; updated: string[]; removed: string[]; unchanged: number; skipped: IngestFailure[]; quiz: { questions: number; dropped: number }; workers: number; started: number },
): IngestSummary {
  const { started, quiz, ...lists } = rest;
  return { mode, generation, documents: documents.length, passages, ...lists, quiz: { questions: quiz.questions, dropped: quiz.dropped }, ms: Math.round(performance.now() - started) };
}

