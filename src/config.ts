/**
 * Configuration: the only module that reads environment variables. Every setting is checked by one
 * schema at start-up, and its default is documented here once (and in .env.example).
 */
import { z } from "zod";
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

const schema = z
  .object({
    /** Bot token from @BotFather. Without it, `npm start` opens the terminal chat. */
    TELEGRAM_BOT_TOKEN: z.string().trim().optional().transform((v) => (v ? v : undefined)),
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
    MAX_FILE_MB: positiveInt(20),
    /** Questions per user per minute before the rate limiter answers politely. */
    RATE_LIMIT_PER_MINUTE: positiveInt(20),
    /**
     * HNSW search width set after each index load, overriding the one the ingest measured for the index
     * (the smallest reaching recall@10 ≥ 0.98 on pseudo-questions). Unset: the measured one.
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
    /** On SIGTERM/SIGINT, how long the bot waits for updates in flight before closing anyway, in ms. */
    SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
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

/** Parses and checks configuration from an environment; throws CONFIG_INVALID listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty value (`PORT=` in .env) means "not set": the default applies instead of a parse error.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = schema.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "config"} ${i.message}`).join("; ");
    throw new AppError("CONFIG_INVALID", `Configuration is invalid: ${problems}. See .env.example.`);
  }
  return result.data;
}
