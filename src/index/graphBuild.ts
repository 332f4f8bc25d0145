/**
 * The HNSW graph of a generation built from nothing, in this thread or in a worker thread of its own.
 * hnswlib's insertion is synchronous and is a quarter of a first build's time (15,000 passages of real
 * text: 2.1 of 9 s); in a worker it runs while this thread reads and analyses the next files. Both build
 * the same graph: the same vectors inserted in the same order with the same seed and the same growth
 * steps give byte-identical files.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import hnswlib from "hnswlib-node";

/** HNSW build parameters (hnswlib's seed: builds are reproducible). */
export interface GraphParameters {
  dimensions: number;
  /** Vectors the graph holds before it first grows (it doubles each time it is full). */
  capacity: number;
  m: number;
  efConstruction: number;
  seed: number;
}

/** A graph being built: vectors appended in label order, searched to measure recall, written once. */
export interface GraphBuild {
  /** True when a worker thread builds it. */
  readonly isOffThread: boolean;
  /**
   * Appends the vectors of `rows` (row-major, `dimensions` wide) with labels `firstLabel`, `firstLabel + 1`, …
   * `rows` is handed over: a worker takes its buffer instead of a copy, and it must not be used after.
   */
  add(rows: Float32Array, firstLabel: number): void;
  /** The `k` nearest labels of each query at search width `ef`. */
  searchAll(ef: number, queries: readonly Float32Array[], k: number): Promise<number[][]>;
  writeIndex(file: string): Promise<void>;
  /** Frees the graph (stops the worker). */
  close(): Promise<void>;
}

/** Corpus files from which a first build inserts vectors in a worker (below, its start-up is not worth it). */
export const GRAPH_WORKER_MIN_FILES = 20;

/** Whether a first build of this many files builds its graph in a worker (only with a second core to run it). */
export function buildsGraphOffThread(files: number): boolean {
  return files >= GRAPH_WORKER_MIN_FILES && availableParallelism() > 1;
}

/**
 * The graph code both builds run: the worker gets it as source (plain JavaScript, no loader to start),
 * this thread as a function. Kept to the calls whose order decides the graph.
 */
const BUILDER_SOURCE = `(hnswlib, p) => {
  const graph = new hnswlib.HierarchicalNSW("cosine", p.dimensions);
  graph.initIndex(Math.max(1, p.capacity), p.m, p.efConstruction, p.seed);
  return {
    graph,
    add(rows, firstLabel) {
      const count = rows.length / p.dimensions;
      for (let i = 0; i < count; i++) {
        const label = firstLabel + i;
        if (label >= graph.getMaxElements()) graph.resizeIndex(graph.getMaxElements() * 2);
        graph.addPoint(Array.from(rows.subarray(i * p.dimensions, (i + 1) * p.dimensions)), label);
      }
    },
    searchAll(ef, queries, k) {
      graph.setEf(ef);
      return queries.map((q) => graph.searchKnn(Array.from(q), k).neighbors);
    },
  };
}`;

interface Builder {
  graph: hnswlib.HierarchicalNSW;
  add(rows: Float32Array, firstLabel: number): void;
  searchAll(ef: number, queries: readonly Float32Array[], k: number): number[][];
}

// The same source, made a function here once (the module's own code, not input).
const makeBuilder = new Function(`return ${BUILDER_SOURCE}`)() as (lib: typeof hnswlib, p: GraphParameters) => Builder;

/** A graph built in this thread. */
export function inThreadGraph(parameters: GraphParameters): GraphBuild {
  const builder = makeBuilder(hnswlib, parameters);
  return {
    isOffThread: false,
    add: (rows, firstLabel) => builder.add(rows, firstLabel),
    searchAll: (ef, queries, k) => Promise.resolve(builder.searchAll(ef, queries, k)),
    writeIndex: async (file) => {
      await builder.graph.writeIndex(file);
    },
    close: () => Promise.resolve(),
  };
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const builder = (${BUILDER_SOURCE})(require(workerData.hnswlib), workerData.parameters);
let failure = null;
parentPort.on("message", (m) => {
  if (m.kind === "add") {
    // Adds are not answered: a failure is reported by the next request that is.
    if (failure === null) {
      try { builder.add(m.rows, m.firstLabel); } catch (err) { failure = String((err && err.message) || err); }
    }
    return;
  }
  if (failure !== null) return parentPort.postMessage({ id: m.id, error: failure });
  if (m.kind === "search") {
    try { parentPort.postMessage({ id: m.id, result: builder.searchAll(m.ef, m.queries, m.k) }); }
    catch (err) { parentPort.postMessage({ id: m.id, error: String((err && err.message) || err) }); }
  } else if (m.kind === "write") {
    builder.graph.writeIndex(m.file).then(
      () => parentPort.postMessage({ id: m.id, result: true }),
      (err) => parentPort.postMessage({ id: m.id, error: String((err && err.message) || err) }),
    );
  }
});
`;

type Reply = { id: number; result: unknown } | { id: number; error: string };

/** A graph built by a worker thread: adds are posted without waiting, requests answered in order. */
class OffThreadGraph implements GraphBuild {
  readonly isOffThread = true;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(parameters: GraphParameters) {
    const lib = createRequire(import.meta.url).resolve("hnswlib-node");
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hnswlib: lib, parameters } });
    this.worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ("error" in reply) waiting.reject(new Error(`building the vector graph failed: ${reply.error}`));
      else waiting.resolve(reply.result);
    });
    const fail = (err: Error): void => {
      this.failure ??= err;
      for (const { reject } of this.pending.values()) reject(err);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the vector graph thread stopped (exit code ${code})`)));
  }

  add(rows: Float32Array, firstLabel: number): void {
    if (this.failure === null) this.worker.postMessage({ kind: "add", rows, firstLabel }, rows.buffer instanceof ArrayBuffer ? [rows.buffer] : []);
  }

  private request<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as T), reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  searchAll(ef: number, queries: readonly Float32Array[], k: number): Promise<number[][]> {
    return this.request<number[][]>({ kind: "search", ef, queries, k });
  }

  async writeIndex(file: string): Promise<void> {
    await this.request<boolean>({ kind: "write", file });
  }

  async close(): Promise<void> {
    this.failure ??= new Error("the vector graph was closed");
    await this.worker.terminate();
  }
}

/** A graph to build, in a worker thread when `offThread`. */
export function newGraphBuild(parameters: GraphParameters, offThread: boolean): GraphBuild {
  return offThread ? new OffThreadGraph(parameters) : inThreadGraph(parameters);
}
