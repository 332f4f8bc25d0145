/**
 * Answers never depend on bookkeeping. Statistics, feedback and quiz scores are written to SQLite in
 * DATA_DIR; when such a write fails (disk full, read-only folder, damaged file) it is logged, the user
 * still gets the answer, and admins are warned once, in their private chats, with the folder and reason.
 */
import { describeError } from "../errors.js";
import { errorFields, type Logger } from "./logger.js";
import { TEXT } from "./texts.js";

/** Options of {@link Bookkeeping}. */
export interface BookkeepingOptions {
  dataDir: string;
  adminIds: readonly number[];
  logger: Logger;
  /** Sends an HTML message to a chat (bot.api.sendMessage). */
  notify: (chatId: number, html: string) => Promise<unknown>;
}

/** Error codes that mean "the data folder cannot take writes", from Node and from SQLite. */
const STORAGE_CODES = /^(ENOSPC|EROFS|EACCES|EPERM|EDQUOT|EIO|SQLITE_FULL|SQLITE_READONLY\w*|SQLITE_CANTOPEN|SQLITE_IOERR\w*|SQLITE_CORRUPT|SQLITE_NOTADB)$/;

function errorCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

export class Bookkeeping {
  private hasWarned = false;

  constructor(private readonly opts: BookkeepingOptions) {}

  /**
   * Runs one bookkeeping write. If it throws, the failure is logged with `what`, admins are warned (once
   * per process), and `fallback` is returned instead: the caller carries on answering.
   */
  record<T>(what: string, write: () => T, fallback: T): T {
    try {
      return write();
    } catch (err) {
      this.failed(what, err);
      return fallback;
    }
  }

  private failed(what: string, err: unknown): void {
    const code = errorCode(err);
    this.opts.logger.error("bookkeeping write failed; the answer is sent anyway", { what, data_dir: this.opts.dataDir, ...errorFields(err), ...(code ? { code } : {}) });
    if (this.hasWarned) return;
    this.hasWarned = true;
    const reason = `${what}: ${describeError(err)}${code && STORAGE_CODES.test(code) ? ` (${code})` : ""}`;
    for (const admin of this.opts.adminIds) {
      this.opts.notify(admin, TEXT.dataUnwritable(this.opts.dataDir, reason)).catch((notifyErr: unknown) => {
        this.opts.logger.warn("could not warn an admin about the data folder", { admin, ...errorFields(notifyErr) });
      });
    }
  }
}
