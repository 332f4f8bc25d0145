/**
 * The upload journal (DATA_DIR/uploads.json): every upload is written down before its file enters the
 * corpus, and marked when it is done. An entry still "started" after a restart is an upload the bot
 * died on: it is never retried (see DocumentIngest.recoverInterrupted), so a poison file cannot put the
 * bot into a crash loop. The file is small (the last {@link MAX_ENTRIES} uploads) and replaced atomically.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AppError, describeError } from "../errors.js";

/** The journal's file inside DATA_DIR. */
export const UPLOAD_JOURNAL_FILE = "uploads.json";
const MAX_ENTRIES = 200;

export type UploadState = "started" | "added" | "updated" | "rejected" | "failed" | "interrupted";

/** One upload as journaled. */
export interface UploadEntry {
  id: string;
  /** The Telegram update that carried it (a redelivered update is recognised by it), when known. */
  updateId: number | null;
  chatId: number | null;
  /** Name in the corpus folder. */
  savedAs: string;
  /** sha256 of the uploaded bytes: recovery puts the file aside only if it is still these bytes. */
  sha256: string;
  /** The previous version's copy in corpus/.history, when the upload replaced a file. */
  historyCopy: string | null;
  startedAt: string;
  state: UploadState;
  reason: string | null;
}

export class UploadJournal {
  constructor(readonly file: string) {}

  /** The journal in `dataDir`. */
  static in(dataDir: string): UploadJournal {
    return new UploadJournal(path.join(dataDir, UPLOAD_JOURNAL_FILE));
  }

  entries(): UploadEntry[] {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw new AppError("DATA_UNAVAILABLE", `Cannot read the upload journal ${this.file} (${describeError(err)}): check DATA_DIR's permissions`, { cause: err });
    }
    try {
      const value = JSON.parse(text) as unknown;
      return Array.isArray(value) ? (value as UploadEntry[]) : [];
    } catch {
      // A damaged journal is started again: uploads in it cannot be recovered, but none is retried.
      return [];
    }
  }

  private write(entries: readonly UploadEntry[]): void {
    const temporary = `${this.file}.${randomBytes(3).toString("hex")}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(entries.slice(-MAX_ENTRIES), null, 1));
      renameSync(temporary, this.file);
    } catch (err) {
      throw new AppError("DATA_UNAVAILABLE", `Cannot write the upload journal ${this.file} (${describeError(err)}): check that DATA_DIR is writable and the disk is not full`, { cause: err });
    }
  }

  /** Records an upload about to start; throws DATA_UNAVAILABLE when the journal cannot be written. */
  begin(entry: Omit<UploadEntry, "id" | "startedAt" | "state" | "reason">): UploadEntry {
    const started: UploadEntry = { ...entry, id: randomBytes(6).toString("hex"), startedAt: new Date().toISOString(), state: "started", reason: null };
    this.write([...this.entries(), started]);
    return started;
  }

  /** Marks an upload finished. */
  finish(id: string, state: Exclude<UploadState, "started">, reason: string | null = null): void {
    this.write(this.entries().map((e) => (e.id === id ? { ...e, state, reason } : e)));
  }

  /** The entry of a Telegram update, if that update's upload was journaled. */
  byUpdate(updateId: number): UploadEntry | null {
    return this.entries().find((e) => e.updateId === updateId) ?? null;
  }
}
