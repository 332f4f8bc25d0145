/**
 * Configuration: the only module that reads environment variables. Every setting is checked by one
 * schema at start-up, and its default is documented here once (and in .env.example).
 */
import { z } from "zod";
import { BYTES_PER_MB, DEFAULT_MAX_FILE_BYTES, DEFAULT_PARSE_LIMITS } from "./corpus/limits.js";
import { AppError } from "./errors.js";

const idList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value || value.trim() === "") return [] as number[];
    const ids = value.split(/[,\s]+/).filter(Boolean).map(Number);
    if (ids.some((id) => !Number.isSafeInteger(id))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "must be a comma-separated list of numeric Telegram ids" });
      return z.NEVER;
    }
    return ids;
  });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The shape of a token from @BotFather: the bot's numeric id, a colon, and a secret of 35 letters, digits,
 * `_` and `-` (30 or more accepted). Checked before any network call, so a mistyped token is never sent
 * to Telegram, where it would come back inside an error message.
 */
export const TELEGRAM_TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]{30,}$/;

/** Settings whose values are never repeated in an error message. */
const SECRET_SETTINGS = new Set(["TELEGRAM_BOT_TOKEN", "WEBHOOK_SECRET"]);

const WHOLE_NUMBER = "a whole number ≥ 1";
const ID_LIST = "a comma-separated list of numeric Telegram ids";

/** What each setting must look like, in the words an error message uses ("PORT must be …"). */
const EXPECTED_FORM: Record<string, string> = {
  TELEGRAM_BOT_TOKEN: "a token from @BotFather, shaped like 123456789:AAE… (the bot's id, a colon, then 30 or more letters, digits, _ or -)",
  TELEGRAM_API_ROOT: "a URL such as https://api.telegram.org",
  BOT_MODE: "polling or webhook",
  WEBHOOK_URL: "an https:// URL",
  WEBHOOK_SECRET: "1-256 characters A-Z, a-z, 0-9, _ and -",
  PORT: WHOLE_NUMBER,
  CORPUS_DIR: "a folder path",
  INDEX_DIR: "a folder path",
  DATA_DIR: "a folder path",
  ADMIN_IDS: ID_LIST,
  ALLOWED_USER_IDS: ID_LIST,
  ALLOWED_CHAT_IDS: ID_LIST,
  MAX_FILE_MB: WHOLE_NUMBER,
  RATE_LIMIT_PER_MINUTE: WHOLE_NUMBER,
  HNSW_EF_SEARCH: WHOLE_NUMBER,
  RELOAD_POLL_MS: WHOLE_NUMBER,
  MAX_CITATIONS: WHOLE_NUMBER,
  QUIZ_TIMEOUT_MS: "a whole number of milliseconds from 1000 (1 s) to 86400000 (24 h)",
  SHUTDOWN_TIMEOUT_MS: WHOLE_NUMBER,
  LOG_LEVEL: "debug, info, warn or error",
  NO_COLOR: "any text (it turns colour off)",
};

const schema = z
  .object({
    /** Bot token from @BotFather. Without it, `npm start` opens the terminal chat. */
    TELEGRAM_BOT_TOKEN: z
      .string()
      .trim()
      .optional()
      .refine((v) => v === undefined || v === "" || TELEGRAM_TOKEN_SHAPE.test(v))
      .transform((v) => (v ? v : undefined)),
    /** Bot API server root, no trailing slash (self-hosted Bot API, test emulators). */
    TELEGRAM_API_ROOT: z.string().url().optional().transform((v) => v?.replace(/\/+$/, "")),
    /** polling (default, via grammY runner) or webhook. */
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: z.string().url().optional(),
    WEBHOOK_SECRET: z.string().optional(),
    PORT: positiveInt(8080),
    /** Folder of source documents. */
    CORPUS_DIR: z.string().default("corpus"),
    /** Folder of the index (generations + CURRENT). */
    INDEX_DIR: z.string().default("data/index"),
    /** Folder for the bot's own data (feedback, quiz scores). */
    DATA_DIR: z.string().default("data"),
    /** Telegram user ids allowed to run admin commands and upload documents. */
    ADMIN_IDS: idList,
    /** When set, only these users may use the bot. */
    ALLOWED_USER_IDS: idList,
    /** When set, only these chats may use the bot. */
    ALLOWED_CHAT_IDS: idList,
    /** Largest document file accepted by the ingest and by uploads, in MB. */
    MAX_FILE_MB: positiveInt(DEFAULT_MAX_FILE_BYTES / BYTES_PER_MB),
    /** Largest total a .docx/.odt may unpack to, in MB (it may also unpack to at most MAX_UNZIP_RATIO × its size). */
    MAX_UNZIPPED_MB: positiveInt(DEFAULT_PARSE_LIMITS.maxUnzippedBytes / BYTES_PER_MB),
    /** Largest unpacked/packed size ratio of a .docx/.odt over 10 MB unpacked (zip bombs reach thousands). */
    MAX_UNZIP_RATIO: positiveInt(DEFAULT_PARSE_LIMITS.maxUnzipRatio),
    /** Most entries a .docx/.odt may hold. */
    MAX_ZIP_ENTRIES: positiveInt(DEFAULT_PARSE_LIMITS.maxZipEntries),
    /** Most pages a PDF may have. */
    MAX_PDF_PAGES: positiveInt(DEFAULT_PARSE_LIMITS.maxPdfPages),
    /** Most characters of text one file may yield. */
    MAX_TEXT_CHARS: positiveInt(DEFAULT_PARSE_LIMITS.maxTextChars),
    /** Most passages one file may yield. */
    MAX_PASSAGES_PER_FILE: positiveInt(20_000),
    /** Heap limit of the ingest process the bot starts for uploads and /reload, in MB (--max-old-space-size). */
    INGEST_MEMORY_MB: positiveInt(1536),
    /** Time budget of that ingest process, in ms: it is killed after this long. */
    INGEST_TIMEOUT_MS: positiveInt(600_000),
    /**
     * Most pages of one file read by OCR (scanned PDF pages without a text layer; an image is one page).
     * OCR takes about a second a page; a file needing more pages is skipped with a message saying so.
     */
    OCR_MAX_PAGES: positiveInt(50),
    /** Questions per user per minute before the rate limiter answers politely. */
    RATE_LIMIT_PER_MINUTE: positiveInt(20),
    /**
     * HNSW search width set after each index load, overriding the one the ingest measured for the index
     * (the smallest reaching recall@10 ≥ 0.99 on pseudo-questions, or within 0.01 of the best when none
     * does: see `index/vectorSearch.ts`). Unset: the measured one.
     */
    HNSW_EF_SEARCH: z.coerce.number().int().positive().optional(),
    /**
     * Threads that read, clean, chunk and analyse files during an ingest (one thread writes the index,
     * which is the same whatever this is). 1: no worker threads. Unset: one per core beyond the first.
     */
    INGEST_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    /** How often the bot checks for a new index generation, in ms. */
    RELOAD_POLL_MS: positiveInt(1000),
    /** Passages kept per answer: the first is quoted in the reply, the others behind "🔎 Nguồn khác". */
    MAX_CITATIONS: positiveInt(5),
    /**
     * How long a quiz (/quiz) runs before its results are posted automatically, in ms, counted from
     * /quiz (1 s to 24 h). It ends sooner when everyone who answered the first poll has answered the last.
     */
    QUIZ_TIMEOUT_MS: z.coerce.number().int().min(1000).max(86_400_000).default(600_000),
    /**
     * How long a conversation remembers its last question for follow-ups ("còn phường thì sao?"), in
     * ms, counted from the last question; 0 turns follow-ups off. Kept in memory only.
     */
    CONVERSATION_TTL_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
    /** On SIGTERM/SIGINT, how long the bot waits for updates in flight before closing anyway, in ms. */
    SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Any value turns colour off in the terminal chat (https://no-color.org); colour is only used on a TTY anyway. */
    NO_COLOR: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.BOT_MODE === "webhook") {
      if (!c.WEBHOOK_URL) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
      else if (!c.WEBHOOK_URL.startsWith("https://")) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_URL"], message: "must be an https:// URL (Telegram only calls HTTPS webhooks)" });
      if (!c.WEBHOOK_SECRET) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
      // Telegram's rule for secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -.
      else if (!/^[A-Za-z0-9_-]{1,256}$/.test(c.WEBHOOK_SECRET)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_SECRET"], message: "may only contain A-Z, a-z, 0-9, _ and - (1-256 characters)" });
    }
  });

/** Checked configuration. */
export type Config = z.infer<typeof schema>;

/** MAX_FILE_MB in bytes: the largest document the ingest and uploads accept. */
export function maxFileBytes(config: Pick<Config, "MAX_FILE_MB">): number {
  return config.MAX_FILE_MB * BYTES_PER_MB;
}

/** Parses and checks configuration from an environment; throws CONFIG_INVALID listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty value (`PORT=` in .env) means "not set": the default applies instead of a parse error.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = schema.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => describeIssue(issue, given));
    throw new AppError("CONFIG_INVALID", `Configuration is invalid: ${[...new Set(problems)].join("; ")}. See .env.example.`);
  }
  return result.data;
}

/**
 * One problem in plain words: the variable, the form it must take, and (unless it is a secret) what was
 * given — "RATE_LIMIT_PER_MINUTE must be a whole number ≥ 1 (got "abc")". Rules written for this
 * program (superRefine, the id lists) already say what to do and keep their own wording.
 */
function describeIssue(issue: z.ZodIssue, given: Record<string, string | undefined>): string {
  const name = issue.path.join(".") || "configuration";
  const expected = EXPECTED_FORM[name];
  if (issue.code === z.ZodIssueCode.custom && issue.message !== "Invalid input") return `${name} ${issue.message}`;
  if (expected === undefined) return `${name} ${issue.message}`;
  const value = given[name];
  const shown = value === undefined ? "" : SECRET_SETTINGS.has(name) ? " (the value given is not shown)" : ` (got "${value}")`;
  return `${name} must be ${expected}${shown}`;
}
