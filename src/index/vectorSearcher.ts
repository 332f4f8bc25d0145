/**
 * Where a generation's HNSW graph is searched: in this thread through LangChain's `HNSWLib` (what ingest
 * and small indexes use), or in a worker thread of its own for a large index being served. hnswlib's
 * search is synchronous, so in this thread it runs after the lexical search; in a worker it runs while
 * the lexical search does (at 113,000 passages of real text, ~3 ms of each question's ~15 ms). The graph
 * is then read by the worker only, so serving does not hold it twice.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";

/** A neighbour found: the passage's vector label and its cosine distance. */
export interface VectorHit {
  label: number;
  distance: number;
}

/** Searches one generation's graph. */
export interface VectorSearcher {
  /** Live (not deleted) vectors: the most neighbours a search can return. */
  readonly count: number;
  /** True when the search runs in a worker thread. */
  readonly isOffThread: boolean;
  /** The `k` nearest neighbours of a unit-length vector, nearest first. */
  search(vector: Float32Array, k: number): Promise<VectorHit[]>;
  /** Frees what the searcher holds (a worker thread) once the searches in flight are answered; searches after it reject. */
  close(): Promise<void>;
}

/** A searcher over a graph loaded in this thread, through LangChain's vector store. */
export function inThreadSearcher(store: HNSWLib, deletedLabels: number): VectorSearcher {
  return {
    count: store.index.getCurrentCount() - deletedLabels,
    isOffThread: false,
    async search(vector, k) {
      const hits = await store.similaritySearchVectorWithScore(Array.from(vector), k);
      return hits.map(([doc, distance]) => ({ label: Number(doc.metadata.label), distance }));
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Passages from which a served index is searched in a worker: below it a search takes well under a
 * millisecond (exact at that size), less than handing it to a thread and back.
 */
export const OFF_THREAD_MIN_PASSAGES = 20_000;

/** Whether a served index of this size is searched in a worker (only where there is a second core to run it). */
export function searchesOffThread(passages: number, minPassages = OFF_THREAD_MIN_PASSAGES): boolean {
  return passages >= minPassages && availableParallelism() > 1;
}

/**
 * The worker's code, plain JavaScript run with `eval` (a TypeScript entry would need the tsx loader in
 * the thread, 0.5–3 s to start): it reads the graph, sets its width, then answers searches in order.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { HierarchicalNSW } = require(workerData.hnswlib);
const index = new HierarchicalNSW("cosine", workerData.dimensions);
index.readIndex(workerData.file).then(
  () => {
    index.setEf(workerData.efSearch);
    parentPort.postMessage({ ready: true, count: index.getCurrentCount() });
  },
  (err) => parentPort.postMessage({ ready: false, error: String((err && err.message) || err) }),
);
parentPort.on("message", ({ id, vector, k }) => {
  try {
    const found = index.searchKnn(Array.from(vector), k);
    parentPort.postMessage({ id, labels: found.neighbors, distances: found.distances });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

type Reply = { id: number; labels: number[]; distances: number[] } | { id: number; error: string };
type Ready = { ready: true; count: number } | { ready: false; error: string };

/** Settings of a worker searcher. */
export interface OffThreadOptions {
  /** The generation's `hnswlib.index`. */
  file: string;
  dimensions: number;
  efSearch: number;
  deletedLabels: number;
}

/**
 * A searcher whose graph lives in a worker thread. Searches are answered in the order asked. The worker
 * keeps the process alive only while a search is pending, so a script that never closes it still exits.
 * A worker that dies fails its pending searches, and the next search starts a new one.
 */
export class OffThreadSearcher implements VectorSearcher {
  readonly isOffThread = true;
  private worker: Worker | null = null;
  /** Searches sent and not answered, with the thread each was sent to. */
  private readonly pending = new Map<number, { worker: Worker; resolve: (hits: VectorHit[]) => void; reject: (err: Error) => void }>();
  /** The searches not yet answered, which `close` waits for. */
  private readonly inFlight = new Set<Promise<VectorHit[]>>();
  private nextId = 0;
  private isClosed = false;
  /** A replacement thread being started. */
  private starting: Promise<void> | null = null;

  private constructor(
    private readonly options: OffThreadOptions,
    readonly count: number,
  ) {}

  /** Starts the worker and waits until it has read the graph; rejects when it cannot. */
  static async open(options: OffThreadOptions): Promise<OffThreadSearcher> {
    const { worker, count } = await startWorker(options);
    const searcher = new OffThreadSearcher(options, count - options.deletedLabels);
    searcher.attach(worker);
    return searcher;
  }

  private attach(worker: Worker): void {
    this.worker = worker;
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (![...this.pending.values()].some((w) => w.worker === worker)) worker.unref();
      if ("error" in reply) waiting.reject(new Error(`vector search failed: ${reply.error}`));
      else waiting.resolve(reply.labels.map((label, i) => ({ label, distance: reply.distances[i] ?? 1 })));
    });
    // Only this thread's searches fail with it: a thread started after it keeps its own.
    const fail = (err: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue;
        this.pending.delete(id);
        waiting.reject(err);
      }
    };
    worker.on("error", (err) => fail(err));
    worker.on("exit", (code) => fail(new Error(`the vector search thread stopped (exit code ${code})`)));
  }

  async search(vector: Float32Array, k: number): Promise<VectorHit[]> {
    if (this.isClosed) throw new Error("vector search closed");
    // (A stopped thread's id is −1, even before its exit event has been handled.) Searches arriving
    // together wait for one new thread.
    if (!this.worker || this.worker.threadId < 0) {
      this.starting ??= startWorker(this.options)
        .then(({ worker }) => this.attach(worker))
        .finally(() => {
          this.starting = null;
        });
      await this.starting;
      if (this.isClosed) throw new Error("vector search closed");
    }
    const worker = this.worker;
    if (!worker) throw new Error("vector search thread unavailable");
    const id = this.nextId++;
    const search = new Promise<VectorHit[]>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.ref();
      worker.postMessage({ id, vector, k });
    });
    this.inFlight.add(search);
    const forget = (): void => {
      this.inFlight.delete(search);
    };
    search.then(forget, forget);
    return search;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    await Promise.allSettled([...this.inFlight, ...(this.starting ? [this.starting] : [])]);
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

/** A worker that has read the graph, and its vector count. */
async function startWorker(options: OffThreadOptions): Promise<{ worker: Worker; count: number }> {
  const hnswlib = createRequire(import.meta.url).resolve("hnswlib-node");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hnswlib, file: options.file, dimensions: options.dimensions, efSearch: options.efSearch } });
  let onMessage: (ready: Ready) => void = () => undefined;
  let onError: (err: Error) => void = () => undefined;
  let onExit: (code: number) => void = () => undefined;
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      onMessage = resolve;
      onError = reject;
      onExit = (code) => reject(new Error(`the vector search thread stopped (exit code ${code})`));
      worker.once("message", onMessage).once("error", onError).once("exit", onExit);
    });
    if (!ready.ready) throw new Error(ready.error);
    // (Only these: a worker whose every listener is removed stops delivering messages.)
    worker.off("error", onError).off("exit", onExit);
    return { worker, count: ready.count };
  } catch (err) {
    await worker.terminate();
    throw err;
  }
}
