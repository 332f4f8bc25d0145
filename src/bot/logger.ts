/**
 * Structured logs: one JSON object per line, info and debug to stdout, warnings and errors to stderr.
 * Every line passes through redaction first, because grammY's network errors carry the request URL,
 * and that URL carries the bot token (`…/bot123456:AA…/sendMessage`).
 */
import type { Writable } from "node:stream";
import type { MiddlewareFn } from "grammy";
import { describeError, isAppError } from "../errors.js";
import type { BotContext } from "./context.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Extra fields of a log line; undefined values are left out. */
export type LogFields = Record<string, unknown>;

/** A leveled JSON-lines logger. */
export interface Logger {
  readonly level: LogLevel;
  /** True when debug lines (and so message text) are written. */
  readonly isDebug: boolean;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level: LogLevel;
  /** Strings that must never be written (the bot token, the webhook secret). */
  secrets: ReadonlyArray<string | undefined>;
  stdout: Writable;
  stderr: Writable;
  now?: () => Date;
}

const REDACTED = "[redacted]";
/** Anything shaped like a bot token, whoever's it is: digits, a colon, 30+ URL-safe characters. */
const TOKEN_SHAPE = /\b\d{5,}:[A-Za-z0-9_-]{30,}/g;

/** Replaces every secret and anything shaped like a bot token in `text`. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out.replace(TOKEN_SHAPE, REDACTED);
}

/**
 * Rewrites the message and stack of an error and of the errors it wraps (`error` for grammY's
 * HttpError, `cause` for the rest) so none of them still holds a secret. Returns the same error.
 */
export function redactError<T>(err: T, secrets: ReadonlyArray<string | undefined>): T {
  const seen = new Set<unknown>();
  const visit = (e: unknown): void => {
    if (!(e instanceof Error) || seen.has(e)) return;
    seen.add(e);
    try {
      e.message = redact(e.message, secrets);
      if (e.stack) e.stack = redact(e.stack, secrets);
    } catch {
      // A frozen error keeps its text; the logger still redacts whatever it writes.
    }
    visit((e as { error?: unknown }).error);
    visit(e.cause);
  };
  visit(err);
  return err;
}

/** Log fields describing an error: its one-line message and, when it has one, its stable code. */
export function errorFields(err: unknown): LogFields {
  return { error: describeError(err), ...(isAppError(err) ? { code: err.code } : {}) };
}

export function createLogger(opts: LoggerOptions): Logger {
  const threshold = RANK[opts.level];
  const now = opts.now ?? (() => new Date());
  const write = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
    if (RANK[level] < threshold) return;
    const record: LogFields = { time: now().toISOString(), level, msg };
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) record[key] = value;
    let line: string;
    try {
      line = JSON.stringify(record);
    } catch {
      line = JSON.stringify({ time: record.time, level, msg, note: "fields could not be serialised" });
    }
    (RANK[level] >= RANK.warn ? opts.stderr : opts.stdout).write(`${redact(line, opts.secrets)}\n`);
  };
  return {
    level: opts.level,
    isDebug: opts.level === "debug",
    debug: (msg, fields) => write("debug", msg, fields),
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
  };
}

/** A logger that writes nothing (tests, and the terminal chat where logs would interleave with answers). */
export const silentLogger: Logger = {
  level: "error",
  isDebug: false,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The kind of an update: its one field besides update_id ("message", "callback_query", …). */
export function updateType(update: object): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
}

/**
 * Middleware writing one line per update when it is done: who, where, how long, and the outcome the
 * features recorded in `ctx.state`. The text of the message only at LOG_LEVEL=debug.
 */
export function logUpdates(logger: Logger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } catch (err) {
      ctx.state.outcome = "error";
      throw err;
    } finally {
      const text = ctx.state.text ?? ctx.msg?.text ?? ctx.msg?.caption ?? ctx.callbackQuery?.data;
      logger.info("update", {
        update_id: ctx.update.update_id,
        update_type: updateType(ctx.update),
        user_id: ctx.from?.id ?? ctx.pollAnswer?.user?.id,
        chat_id: ctx.chat?.id,
        chat_type: ctx.chat?.type,
        latency_ms: Math.round((performance.now() - started) * 10) / 10,
        outcome: ctx.state.outcome,
        ...(logger.isDebug && text !== undefined ? { text } : {}),
      });
    }
  };
}
