/**
 * An ingest worker thread: reads, cleans, chunks and analyses corpus files sent by the pool
 * (fileReaders.ts) and posts each outcome back with its passages' analyses. It writes nothing: the
 * ingest's main thread is the only writer, and adds what it gets in corpus order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readCorpusFile } from "./corpusFiles.js";
import { HashedEmbeddings } from "./embeddings.js";
import type { FileTask, FileTaskResult } from "./fileReaders.js";
import { analysePassages, packAnalyses } from "./passageAnalysis.js";

const { dimensions } = workerData as { dimensions: number };
const embeddings = new HashedEmbeddings({ dimensions });
const port = parentPort;
if (!port) throw new Error("ingestWorker.ts runs as a worker thread of the ingest");

port.on("message", (task: FileTask) => {
  void (async () => {
    let reply: FileTaskResult;
    try {
      const outcome = await readCorpusFile(task.corpusDir, task.rel, task.options, task.previous);
      const analyses = outcome.kind === "added" || outcome.kind === "updated" ? packAnalyses(analysePassages(outcome.doc.passages, embeddings), dimensions) : null;
      reply = { id: task.id, outcome, analyses };
    } catch (err) {
      reply = { id: task.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    const buffer = "analyses" in reply ? reply.analyses?.vectors.buffer : undefined;
    // The vectors move to the main thread instead of being copied.
    port.postMessage(reply, buffer instanceof ArrayBuffer ? [buffer] : []);
  })();
});
