/**
 * The edge implementation of the bot's DocumentIngest (bot/deps.ts): writes an uploaded document into the corpus
 * folder, runs the ingest passed in (in production a child process: ingestProcess.ts), and serves
 * the new index through the reloader. Uploads are serialised: two admins uploading at once get two
 * ingests, one after the other.
 *
 * A file replaced by an upload is kept in `corpus/.history/<name>.<timestamp>`. Every upload is
 * journaled before its file enters the corpus (uploadJournal.ts); one the bot died on is found at the
 * next start by {@link DocumentIngestService.recoverInterrupted}, moved to `corpus/.quarantine/` and
 * never retried. The ingest ignores both folders (it skips dot-folders).
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { BYTES_PER_MB, checkFileSize } from "../corpus/limits.js";
import { AppError, describeError, isAppError } from "../errors.js";
import type { IngestSummary } from "../index/ingest.js";
import type { DocumentIngest, InterruptedUpload, UploadOrigin, UploadResult } from "../bot/deps.js";
import { UPLOAD_EXTENSIONS, safeFileName } from "../bot/fileNames.js";
import type { IndexReloader } from "./indexReloader.js";
import type { Logger } from "../bot/logger.js";
import type { UploadEntry, UploadJournal } from "./uploadJournal.js";

/** Folder of previous versions of replaced files, inside the corpus folder. */
export const HISTORY_DIR = ".history";
/** Folder of uploads a restart found unfinished, inside the corpus folder. */
export const QUARANTINE_DIR = ".quarantine";

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
  /** The upload journal in DATA_DIR; without one, uploads are not journaled (tests). */
  journal?: UploadJournal;
}

/** DocumentIngest plus what main needs at start-up. */
export interface DocumentIngestService extends DocumentIngest {
  /** Puts aside every upload the journal shows unfinished (the bot died on it) and re-indexes without it. */
  recoverInterrupted(): Promise<InterruptedUpload[]>;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** "2026-11-28T10-15-30-123Z": a timestamp usable in a file name, sorting in time order. */
function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, "-");
}

export function createDocumentIngest(opts: DocumentIngestOptions): DocumentIngestService {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.catch(() => undefined).then(task);
    queue = next;
    return next;
  };
  const corpus = path.resolve(opts.corpusDir);

  const notRetried = (entry: UploadEntry): UploadResult => ({
    savedAs: entry.savedAs,
    isNotRetried: true,
    lines: [],
    replaced: false,
    rejected: { code: "INGEST_FAILED", reason: entry.reason ?? "this upload was interrupted by a restart and is not retried" },
  });

  const add = async (fileName: string, bytes: Uint8Array, origin: UploadOrigin | undefined): Promise<UploadResult> => {
    const previous = origin && opts.journal ? opts.journal.byUpdate(origin.updateId) : null;
    if (previous && previous.state !== "started") return notRetried(previous);
    const name = safeFileName(fileName);
    if (name === null) throw new AppError("FILE_UNSUPPORTED", `${fileName}: only ${UPLOAD_EXTENSIONS.join(", ")} files can be added`);
    if (bytes.byteLength === 0) throw new AppError("FILE_EMPTY", `${name} is empty`);
    checkFileSize(name, bytes.byteLength, opts.maxFileMb * BYTES_PER_MB);
    const target = path.join(corpus, name);
    // safeFileName leaves no separators; this is the belt to its braces.
    if (path.dirname(target) !== corpus) throw new AppError("INPUT_INVALID", `${fileName}: not a plain file name`);

    const historyCopy = existsSync(target) ? path.join(corpus, HISTORY_DIR, `${name}.${stamp()}`) : null;
    // Journaled before the corpus changes: a bot that dies from here on is found out at its next start.
    const entry = opts.journal?.begin({ updateId: origin?.updateId ?? null, chatId: origin?.chatId ?? null, savedAs: name, historyCopy, sha256: sha256(bytes) });
    try {
      await mkdir(corpus, { recursive: true });
      if (historyCopy) {
        await mkdir(path.dirname(historyCopy), { recursive: true });
        await copyFile(target, historyCopy);
      }
    } catch (err) {
      if (entry) opts.journal?.finish(entry.id, "failed", describeError(err));
      throw new AppError("FILE_UNREADABLE", `Cannot write into the corpus folder ${corpus} (${describeError(err)}): check CORPUS_DIR's permissions and free space`, { cause: err });
    }
    const finish = (state: "added" | "updated" | "rejected" | "failed", reason: string | null = null): void => {
      if (!entry || !opts.journal) return;
      try {
        opts.journal.finish(entry.id, state, reason);
      } catch (err) {
        opts.logger.warn("upload journal not updated", { file: name, error: describeError(err) });
      }
    };
    const restore = async (): Promise<void> => {
      await rm(target, { force: true });
      if (historyCopy) await rename(historyCopy, target);
    };

    // Hidden names: the ingest ignores dot-files, so a half-written upload is never indexed.
    const temporary = path.join(corpus, `.upload-${randomBytes(4).toString("hex")}`);
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch (err) {
      await rm(temporary, { force: true });
      finish("failed", describeError(err));
      throw new AppError("FILE_UNREADABLE", `Cannot save ${name} into the corpus folder ${corpus} (${describeError(err)}): check CORPUS_DIR's permissions and free space`, { cause: err });
    }

    let summary: IngestSummary;
    try {
      summary = await opts.runIngest();
    } catch (err) {
      await restore();
      finish("failed", describeError(err));
      throw err;
    }
    const failure = summary.skipped.find((s) => s.path === name) ?? null;
    if (failure) {
      // The file is unusable: take it out again so every later ingest does not report it, and put
      // back the version it replaced (which then needs indexing again).
      await restore();
      if (historyCopy) summary = await opts.runIngest();
      finish("rejected", failure.reason);
    } else {
      finish(historyCopy ? "updated" : "added");
    }
    await opts.reloader.reloadNow();
    opts.logger.info("document added", { file: name, bytes: bytes.byteLength, replaced: historyCopy !== null, generation: summary.generation, rejected: failure?.code });
    return {
      savedAs: name,
      isNotRetried: false,
      lines: opts.describe(summary),
      replaced: historyCopy !== null && !failure,
      rejected: failure ? { code: failure.code, reason: failure.reason } : null,
    };
  };

  const recoverInterrupted = async (): Promise<InterruptedUpload[]> => {
    const journal = opts.journal;
    if (!journal) return [];
    const stuck = journal.entries().filter((e) => e.state === "started");
    const recovered: InterruptedUpload[] = [];
    for (const entry of stuck) {
      const target = path.join(corpus, entry.savedAs);
      const expected = typeof entry.sha256 === "string" ? entry.sha256 : null;
      const current = existsSync(target) ? sha256(await readFile(target)) : null;
      let quarantinedAs: string | null = null;
      // Only the uploaded bytes are put aside: if the bot died before they reached the corpus, the file
      // there (if any) is the previous version and stays.
      if (current !== null && (expected === null || current === expected)) {
        quarantinedAs = path.join(QUARANTINE_DIR, `${entry.savedAs}.${stamp()}`);
        await mkdir(path.join(corpus, QUARANTINE_DIR), { recursive: true });
        await rename(target, path.join(corpus, quarantinedAs));
        if (entry.historyCopy && existsSync(entry.historyCopy)) await rename(entry.historyCopy, target);
      }
      const reason = `the bot stopped while adding ${entry.savedAs} (started ${entry.startedAt}); it is not retried${quarantinedAs ? ` and was moved to ${quarantinedAs} in the corpus folder` : ""}`;
      journal.finish(entry.id, "interrupted", reason);
      opts.logger.warn("interrupted upload put aside", { file: entry.savedAs, quarantined: quarantinedAs });
      recovered.push({ savedAs: entry.savedAs, chatId: entry.chatId, quarantinedAs });
    }
    if (recovered.length > 0) {
      try {
        await opts.runIngest();
        await opts.reloader.reloadNow();
      } catch (err) {
        opts.logger.warn("re-index after an interrupted upload failed; the previous index keeps serving", { error: describeError(err), ...(isAppError(err) ? { code: err.code } : {}) });
      }
    }
    return recovered;
  };

  return {
    reload: () =>
      serial(async () => {
        const summary = await opts.runIngest();
        const result = await opts.reloader.reloadNow();
        return { ...result, lines: opts.describe(summary) };
      }),
    addDocument: ({ fileName, bytes, origin }) => serial(() => add(fileName, bytes, origin)),
    earlierAttempt: (updateId) => {
      const entry = opts.journal?.byUpdate(updateId) ?? null;
      if (entry === null || entry.state === "started") return null;
      return { savedAs: entry.savedAs, reason: notRetried(entry).rejected?.reason ?? "" };
    },
    recoverInterrupted: () => serial(recoverInterrupted),
  };
}
