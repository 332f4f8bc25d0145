/**
 * Reading and analysing corpus files for the ingest, in this thread or in a pool of worker threads.
 * Either way each file's outcome comes with its passages' analyses (passageAnalysis.ts), computed by the
 * same pure functions, so the index the single writer builds from them is the same whatever the number
 * of workers.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { DocumentInfo } from "../corpus/types.js";
import { FILE_CONCURRENCY, readCorpusFile, type FileOutcome, type ReadFileOptions } from "./corpusFiles.js";
import type { HashedEmbeddings } from "./embeddings.js";
import { analysePassages, unpackAnalyses, type PackedAnalyses, type PassageAnalysis } from "./passageAnalysis.js";

/** One file to read, as sent to a worker. */
export interface FileTask {
  id: number;
  corpusDir: string;
  rel: string;
  /** How to read it; OCR is never sent to a worker (its reader lives in the ingest's thread). */
  options: Omit<ReadFileOptions, "ocr">;
  previous: DocumentInfo | undefined;
}

/** A worker's reply: the outcome with its analyses, or the error that escaped. */
export type FileTaskResult = { id: number; outcome: FileOutcome; analyses: PackedAnalyses | null } | { id: number; error: string };

/** A file's outcome, with one analysis per passage when it was (re)read (unpacked when asked for). */
export interface AnalysedOutcome {
  outcome: FileOutcome;
  analyses: () => PassageAnalysis[] | null;
}

/** Reads corpus files; `close` ends its threads. */
export interface FileReaders {
  /** Threads reading: 1 when reading in this thread. */
  readonly threads: number;
  read(rel: string, previous: DocumentInfo | undefined, options: ReadFileOptions): Promise<AnalysedOutcome>;
  close(): Promise<void>;
}

/**
 * Heap of a worker thread, in MB: it holds one file (at most MAX_FILE_MB) and its passages at a time, and
 * without a limit V8 lets each thread's heap grow far beyond that before collecting.
 */
const WORKER_HEAP_MB = 256;

/**
 * Files each worker thread is given at once. Replies are taken only when the writer's thread returns to its
 * event loop, which it may not do for a while as it adds finished files: a queue keeps workers busy meanwhile.
 */
const IN_FLIGHT_PER_WORKER = 8;

/** Reads in this thread: what one worker means, and what small corpora get. */
export function inThreadReaders(corpusDir: string, embeddings: HashedEmbeddings): FileReaders {
  // At most FILE_CONCURRENCY files at once, so that one file's disk reads overlap another's parsing.
  let running = 0;
  const waiting: Array<() => void> = [];
  return {
    threads: 1,
    async read(rel, previous, options) {
      if (running >= FILE_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
      running++;
      try {
        const outcome = await readCorpusFile(corpusDir, rel, options, previous);
        const analyses = outcome.kind === "added" || outcome.kind === "updated" ? analysePassages(outcome.doc.passages, embeddings) : null;
        return { outcome, analyses: () => analyses };
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
    async close() {},
  };
}

/**
 * The worker's entry point. Under tsx (the project runs its TypeScript directly) a worker thread does
 * not inherit the loader when the host is a test runner, so it registers tsx before importing the entry.
 */
function workerSource(): string {
  const here = import.meta.url;
  const entry = new URL(`./ingestWorker${here.endsWith(".ts") ? ".ts" : ".js"}`, here).href;
  if (!here.endsWith(".ts")) return `import(${JSON.stringify(entry)});`;
  // tsx's ESM register (its CommonJS one cannot find its own loader from a worker), found through its exports.
  const manifest = createRequire(here).resolve("tsx/package.json");
  const api = (JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports["./esm/api"]?.import.default ?? "./dist/esm/api/index.mjs";
  const tsx = pathToFileURL(path.join(path.dirname(manifest), api)).href;
  return `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

/** Reads in `count` worker threads; results come back in any order and are matched by task id. */
export function workerReaders(count: number, corpusDir: string, dimensions: number): FileReaders {
  const source = workerSource();
  const pending = new Map<number, { resolve: (r: AnalysedOutcome) => void; reject: (e: Error) => void; worker: Slot }>();
  interface Slot {
    worker: Worker;
    busy: number;
  }
  const queue: Array<{ task: FileTask; resolve: (r: AnalysedOutcome) => void; reject: (e: Error) => void }> = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let failure: Error | null = null;
  const dispatch = (): void => {
    for (const slot of slots) {
      while (slot.busy < IN_FLIGHT_PER_WORKER && queue.length > 0) {
        const job = queue.shift();
        if (!job) break;
        slot.busy++;
        pending.set(job.task.id, { resolve: job.resolve, reject: job.reject, worker: slot });
        slot.worker.postMessage(job.task);
      }
    }
  };
  const failAll = (err: Error): void => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    for (const job of queue.splice(0)) job.reject(err);
  };
  for (let i = 0; i < count; i++) {
    const slot: Slot = { worker: new Worker(source, { eval: true, workerData: { dimensions }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }), busy: 0 };
    slot.worker.on("message", (reply: FileTaskResult) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      slot.busy--;
      if ("error" in reply) waiting.reject(new Error(`ingest worker failed on a file: ${reply.error}`));
      else {
        const packed = reply.analyses;
        // Kept packed (one string) until the writer takes it: unpacked term lists are many small strings.
        waiting.resolve({ outcome: reply.outcome, analyses: () => (packed ? unpackAnalyses(packed, dimensions) : null) });
      }
      dispatch();
    });
    slot.worker.on("error", (err) => failAll(err));
    slot.worker.on("exit", (code) => {
      if (code !== 0 && !failure) failAll(new Error(`ingest worker exited with code ${code}`));
    });
    slots.push(slot);
  }
  return {
    threads: count,
    read(rel, previous, options) {
      if (failure) return Promise.reject(failure);
      const { ocr: _ocr, ...sendable } = options;
      return new Promise((resolve, reject) => {
        queue.push({ task: { id: nextId++, corpusDir, rel, options: sendable, previous }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      failure ??= new Error("file readers closed");
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
