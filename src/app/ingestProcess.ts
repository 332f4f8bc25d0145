/**
 * Runs an ingest in a child process (ingestWorker.ts) so that the bot's own process never parses
 * a document: the child has its own heap limit (`--max-old-space-size`) and a time budget, and a child
 * that runs out of memory, crashes or overruns is reported as an INGEST_FAILED that names the files it
 * was reading, while the bot keeps answering from the index it serves.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { IngestSettings } from "./ingestRunner.js";
import { AppError, ERROR_CODES, type ErrorCode } from "../errors.js";
import type { IngestSummary } from "../index/ingest.js";
import type { WorkerMessage, WorkerRequest } from "./ingestWorker.js";

/** Options of {@link createChildIngest}. */
export interface ChildIngestOptions {
  settings: IngestSettings;
  /** Heap limit of the child, in MB. */
  memoryMb: number;
  /** The child is killed after this long, in ms. */
  timeoutMs: number;
}

/** Runs ingests in child processes, one at a time per caller. */
export interface ChildIngest {
  /** Runs one incremental ingest (full with `full`) and resolves with its summary. */
  run(opts?: { full?: boolean }): Promise<IngestSummary>;
  /** Kills a child still running (at shutdown). */
  stop(): void;
}

const WORKER = path.join(import.meta.dirname, "ingestWorker.ts");
/** Kept of the child's stderr, to tell an out-of-memory death from another crash. */
const STDERR_TAIL_CHARS = 4096;

function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
}

function isErrorCode(code: string | null): code is ErrorCode {
  return code !== null && code in ERROR_CODES;
}

function namesOf(files: ReadonlySet<string>): string {
  return files.size === 0 ? "" : ` while reading ${[...files].join(", ")}`;
}

export function createChildIngest(opts: ChildIngestOptions): ChildIngest {
  const children = new Set<ChildProcess>();

  const run = ({ full = false }: { full?: boolean } = {}): Promise<IngestSummary> =>
    new Promise((resolve, reject) => {
      const child = fork(WORKER, [], {
        execArgv: ["--import", tsxLoader(), `--max-old-space-size=${opts.memoryMb}`],
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      children.add(child);
      const reading = new Set<string>();
      let outcome: WorkerMessage | null = null;
      let timedOut = false;
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS);
      });
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, opts.timeoutMs);
      child.on("message", (message: WorkerMessage) => {
        if (message.kind === "start") reading.add(message.file);
        else if (message.kind === "finish") reading.delete(message.file);
        else outcome = message;
      });
      child.once("error", (err) => {
        clearTimeout(timer);
        children.delete(child);
        reject(new AppError("INGEST_FAILED", `Could not start the ingest process (${err.message}): check that Node and tsx are installed (npm ci)`, { cause: err }));
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        children.delete(child);
        const result = outcome as WorkerMessage | null;
        if (result?.kind === "done") return resolve(result.summary);
        if (result?.kind === "failed") return reject(new AppError(isErrorCode(result.code) ? result.code : "INGEST_FAILED", result.message));
        const where = namesOf(reading);
        const keeps = "; the previous index keeps serving";
        if (timedOut) {
          return reject(new AppError("INGEST_FAILED", `The ingest took longer than INGEST_TIMEOUT_MS (${opts.timeoutMs} ms) and was stopped${where}: remove or split that file, or raise INGEST_TIMEOUT_MS${keeps}`));
        }
        if (/heap out of memory|Allocation failed/i.test(stderr) || code === 134 || signal === "SIGABRT") {
          return reject(new AppError("INGEST_FAILED", `The ingest ran out of memory (INGEST_MEMORY_MB=${opts.memoryMb})${where}: remove or split that file, or raise INGEST_MEMORY_MB${keeps}`));
        }
        const lastLine = stderr.trim().split("\n").at(-1) ?? "";
        reject(new AppError("INGEST_FAILED", `The ingest process ended unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})${where}${lastLine ? `: ${lastLine}` : ""}${keeps}`));
      });
      const request: WorkerRequest = { settings: opts.settings, full };
      child.send(request);
    });

  return {
    run,
    stop: () => {
      for (const child of children) child.kill("SIGKILL");
    },
  };
}
