/**
 * The edge implementation of DocumentIngest (deps.ts): writes an uploaded document into the corpus
 * folder, runs the ingest passed in (runIngest from src/app.ts), and serves the new index through the
 * reloader. Uploads are serialised: two admins uploading at once get two ingests, one after the other.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError, isAppError } from "../errors.js";
import type { IngestSummary } from "../index/ingest.js";
import type { DocumentIngest, UploadResult } from "./deps.js";
import { UPLOAD_EXTENSIONS, safeFileName } from "./fileNames.js";
import type { IndexReloader } from "./indexReloader.js";
import type { Logger } from "./logger.js";

/** Options of {@link createDocumentIngest}. */
export interface DocumentIngestOptions {
  corpusDir: string;
  maxFileMb: number;
  /** Runs the ingest of the whole corpus folder into the index folder (incremental). */
  runIngest: () => Promise<IngestSummary>;
  /** Human lines for a summary (describeIngest). */
  describe: (summary: IngestSummary) => string[];
  reloader: IndexReloader;
  logger: Logger;
}

export function createDocumentIngest(opts: DocumentIngestOptions): DocumentIngest {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.catch(() => undefined).then(task);
    queue = next;
    return next;
  };

  const add = async (fileName: string, bytes: Uint8Array): Promise<UploadResult> => {
    const name = safeFileName(fileName);
    if (name === null) throw new AppError("FILE_UNSUPPORTED", `${fileName}: only ${UPLOAD_EXTENSIONS.join(", ")} files can be added`);
    if (bytes.byteLength === 0) throw new AppError("FILE_EMPTY", `${name} is empty`);
    if (bytes.byteLength > opts.maxFileMb * 1024 * 1024) throw new AppError("FILE_TOO_LARGE", `${name} is larger than MAX_FILE_MB (${opts.maxFileMb} MB)`);
    const corpus = path.resolve(opts.corpusDir);
    const target = path.join(corpus, name);
    // safeFileName leaves no separators; this is the belt to its braces.
    if (path.dirname(target) !== corpus) throw new AppError("INPUT_INVALID", `${fileName}: not a plain file name`);

    await mkdir(corpus, { recursive: true });
    const suffix = randomBytes(4).toString("hex");
    // Hidden names: the ingest ignores dot-files, so a half-written upload is never indexed.
    const temporary = path.join(corpus, `.upload-${suffix}`);
    const backup = existsSync(target) ? path.join(corpus, `.previous-${suffix}`) : null;
    await writeFile(temporary, bytes);
    if (backup) await rename(target, backup);
    await rename(temporary, target);

    const restore = async (): Promise<void> => {
      await rm(target, { force: true });
      if (backup) await rename(backup, target);
    };
    let summary: IngestSummary;
    try {
      summary = await opts.runIngest();
    } catch (err) {
      await restore();
      if (backup && !isAppError(err, "INGEST_NOTHING")) await opts.runIngest().catch(() => undefined);
      throw err;
    }
    const failure = summary.skipped.find((s) => s.path === name) ?? null;
    if (failure) {
      // The file is unusable: take it out again so every later ingest does not report it, and put
      // back the version it replaced (which then needs indexing again).
      await restore();
      if (backup) summary = await opts.runIngest();
    } else if (backup) {
      await rm(backup, { force: true });
    }
    await opts.reloader.reloadNow();
    opts.logger.info("document added", { file: name, bytes: bytes.byteLength, generation: summary.generation, rejected: failure?.code });
    return { savedAs: name, summary, lines: opts.describe(summary), rejected: failure ? { code: failure.code, reason: failure.reason } : null };
  };

  return {
    reload: () => opts.reloader.reloadNow(),
    addDocument: ({ fileName, bytes }) => serial(() => add(fileName, bytes)),
  };
}
