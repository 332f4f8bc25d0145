/**
 * The ingest child process (started by ingestProcess.ts, never by hand): receives its settings over
 * IPC, runs the ordinary incremental ingest (runIngest), reports each file it starts and the summary
 * or failure, and exits. Its heap limit and time budget are set by the parent; if the parent goes
 * away, it stops too.
 */
import { runIngest, type IngestSettings } from "./ingestRunner.js";
import { describeError, isAppError } from "../errors.js";
import type { IngestSummary } from "../index/ingest.js";

/** What the parent sends. */
export interface WorkerRequest {
  settings: IngestSettings;
  full: boolean;
}

/** What the child sends back. */
export type WorkerMessage =
  | { kind: "start"; file: string }
  | { kind: "finish"; file: string }
  | { kind: "done"; summary: IngestSummary }
  | { kind: "failed"; code: string | null; message: string };

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

async function run(request: WorkerRequest): Promise<void> {
  let result: WorkerMessage;
  try {
    const summary = await runIngest(request.settings, {
      full: request.full,
      onFileStart: (file) => void send({ kind: "start", file }),
      onProgress: (_done, _total, file) => void send({ kind: "finish", file }),
    });
    result = { kind: "done", summary };
  } catch (err) {
    result = { kind: "failed", code: isAppError(err) ? err.code : null, message: describeError(err) };
  }
  await send(result);
  process.exit(0);
}

if (process.send) {
  process.once("message", (request: WorkerRequest) => void run(request));
  // The bot went away (stopped or killed): an ingest nobody waits for is not finished.
  process.once("disconnect", () => process.exit(1));
} else {
  process.stderr.write("src/app/ingestWorker.ts is started by the bot; run `npm run ingest` instead.\n");
  process.exit(2);
}
