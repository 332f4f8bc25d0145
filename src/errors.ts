/**
 * Every error a user can meet carries a stable code from this table, so the bot can turn it into a
 * friendly Vietnamese message and the CLI into one clear line and a non-zero exit.
 */
export const ERROR_CODES = {
  CONFIG_INVALID: "Configuration is invalid",
  INDEX_MISSING: "No index has been built yet",
  INDEX_VERSION: "The index was written by an incompatible version",
  INDEX_CORRUPT: "The index files are damaged",
  FILE_UNSUPPORTED: "Unsupported file type",
  FILE_TOO_LARGE: "File is too large",
  FILE_EMPTY: "File has no text",
  FILE_UNREADABLE: "File could not be read",
  INGEST_NOTHING: "Nothing usable could be indexed",
  INGEST_BUSY: "Another ingest is running",
  INGEST_FAILED: "The ingest process failed",
  INDEX_UNWRITABLE: "The index folder cannot be written",
  DATA_UNAVAILABLE: "The data folder cannot be used",
  INPUT_INVALID: "Input is invalid",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error with a stable code and a message that says what to do next. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }
}

/** True when `err` is an AppError, optionally with the given code. */
export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}

/** A one-line description of any thrown value, for logs and summaries. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split("\n")[0] ?? err.name;
  return String(err);
}
