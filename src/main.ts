/**
 * `npm start` / `npm run chat`. Loads .env, checks configuration, builds the index if there is none,
 * then runs the Telegram bot (TELEGRAM_BOT_TOKEN set) or the terminal chat (no token, or `--chat`) on
 * the same engine. The index is hot-reloaded in both modes. SIGTERM / SIGINT stop the bot gracefully:
 * no new updates, updates in flight finish, the database is closed, exit code 0.
 *
 * Tests call {@link startApp} in-process with an env object, or spawn this file with `tsx`.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { config as loadDotenv } from "dotenv";
import type { Bot } from "grammy";
import { createDocumentIngest } from "./app/documentIngest.js";
import { IndexReloader } from "./app/indexReloader.js";
import { createChildIngest } from "./app/ingestProcess.js";
import { describeIngest, ensureIndex, ingestSettings } from "./app/ingestRunner.js";
import { UploadJournal } from "./app/uploadJournal.js";
import type { BotContext } from "./bot/context.js";
import { createBot } from "./bot/createBot.js";
import { notifyInterruptedUploads } from "./bot/features/upload.js";
import { createLogger, redact } from "./bot/logger.js";
import { QuizRuns } from "./bot/quizRuns.js";
import { runBot, type RunningBot } from "./bot/run.js";
import { BotStore, botDbPath } from "./storage/botStore.js";
import { startTerminalChat } from "./cli/chat.js";
import { loadConfig, type Config } from "./config.js";
import { describeError, isAppError } from "./errors.js";
import { ConversationMemory } from "./qa/conversationMemory.js";
import { QaEngine } from "./qa/engine.js";
import { SAMPLE_QUESTIONS } from "./qa/samples.js";
import { loadQuizBank } from "./quiz/bank.js";
import { QuizStore, quizDbPath } from "./storage/quizStore.js";

/** Streams the app reads and writes; the process's own unless a test passes others. */
export interface AppIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Options of {@link startApp}. */
export interface StartOptions {
  /** Command-line arguments after the script (`--chat` forces the terminal chat). */
  argv?: readonly string[];
  io?: Partial<AppIO>;
}

/** A started app. */
export interface AppHandle {
  mode: "polling" | "webhook" | "chat";
  config: Config;
  engine: QaEngine;
  /** The bot, in polling and webhook modes. */
  bot: Bot<BotContext> | null;
  /** The bot's SQLite store, in polling and webhook modes. */
  store: BotStore | null;
  /** Webhook mode: the port the server listens on. */
  port?: number;
  /** Resolves when the app has finished on its own (the terminal chat's input ended); rejects if the bot fails for good. */
  done: Promise<void>;
  /** Stops everything gracefully; safe to call more than once. */
  stop(): Promise<void>;
}

/** The terminal chat's question history, in DATA_DIR (arrow-up recalls questions from earlier runs). */
const CHAT_HISTORY_FILE = "chat-history.txt";

/** The two lines shown when there is no token, before the terminal chat opens. */
export const NO_TOKEN_HINT = [
  "Chưa có TELEGRAM_BOT_TOKEN: mở Telegram, nhắn @BotFather lệnh /newbot để lấy token, rồi ghi TELEGRAM_BOT_TOKEN=<token> vào tệp .env (xem .env.example).",
  "Trong lúc chờ, bạn có thể hỏi ngay tại đây (/help để xem lệnh, Ctrl-D để thoát).",
];

/**
 * Starts the app from an environment (as `npm start` does with process.env after loading .env).
 * Throws an AppError (CONFIG_INVALID, INDEX_*, INGEST_NOTHING) with a message saying what to fix.
 */
export async function startApp(env: Record<string, string | undefined>, options: StartOptions = {}): Promise<AppHandle> {
  const io: AppIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, ...options.io };
  const config = loadConfig(env);
  const wantsChat = (options.argv ?? []).includes("--chat") || !config.TELEGRAM_BOT_TOKEN;
  const logger = createLogger({
    // In the terminal chat, log lines would interleave with the answers: only problems are shown.
    level: wantsChat && config.LOG_LEVEL !== "debug" ? "warn" : config.LOG_LEVEL,
    secrets: [config.TELEGRAM_BOT_TOKEN, config.WEBHOOK_SECRET],
    stdout: io.stdout,
    stderr: io.stderr,
  });

  const settings = ingestSettings(config);
  const built = await ensureIndex(settings, (notice) => {
    // The terminal gets the line itself; the bot's log gets it as a JSON line (a warning goes to stderr).
    if (wantsChat) io.stderr.write(`${notice.message}\n`);
    else if (notice.level === "warning") logger.warn(notice.message, { corpusDir: config.CORPUS_DIR });
    else logger.info(notice.message);
  });
  if (built) logger.info("index built", { mode: built.mode, generation: built.generation, documents: built.documents, passages: built.passages, ms: built.ms });
  // Bot and terminal chat alike quote the first citation and offer the rest (a button, /nguonkhac).
  // (The warm-up goes on while nobody asks: the first questions after a restart take the time later ones do.)
  const engine = await QaEngine.open(config.INDEX_DIR, { efSearch: config.HNSW_EF_SEARCH, maxCitations: config.MAX_CITATIONS, backgroundWarmUp: true });
  const reloader = new IndexReloader({ engine, indexDir: config.INDEX_DIR, pollMs: config.RELOAD_POLL_MS, logger }).start();

  if (wantsChat) {
    if (!config.TELEGRAM_BOT_TOKEN) io.stderr.write(`${NO_TOKEN_HINT.join("\n")}\n`);
    const chat = startTerminalChat(
      {
        ask: (q) => engine.ask(q),
        info: () => engine.info(),
        quizBank: () => loadQuizBank(engine.index),
        samples: SAMPLE_QUESTIONS,
        quizSeed: () => Math.floor(Math.random() * 2 ** 31),
        conversations: new ConversationMemory({ ttlMs: config.CONVERSATION_TTL_MS }),
      },
      { input: io.stdin, output: io.stdout, colour: config.NO_COLOR === undefined, historyFile: path.join(config.DATA_DIR, CHAT_HISTORY_FILE) },
    );
    const done = chat.done.finally(async () => {
      await reloader.stop();
      await engine.close();
    });
    return {
      mode: "chat",
      config,
      engine,
      bot: null,
      store: null,
      done,
      stop: async () => {
        chat.close();
        await done;
      },
    };
  }

  let store: BotStore | undefined;
  let quizStore: QuizStore | undefined;
  const quizRuns = new QuizRuns();
  // Uploads and /reload ingest in a child process: the bot never parses a document itself.
  const childIngest = createChildIngest({ settings, memoryMb: config.INGEST_MEMORY_MB, timeoutMs: config.INGEST_TIMEOUT_MS });
  let bot: Bot<BotContext>;
  let running: RunningBot;
  try {
    await mkdir(config.DATA_DIR, { recursive: true });
    store = BotStore.open(botDbPath(config.DATA_DIR));
    quizStore = new QuizStore(quizDbPath(config.DATA_DIR));
    const ingest = createDocumentIngest({
      corpusDir: config.CORPUS_DIR,
      maxFileMb: config.MAX_FILE_MB,
      runIngest: () => childIngest.run(),
      describe: describeIngest,
      reloader,
      logger,
      journal: UploadJournal.in(config.DATA_DIR),
    });
    // An upload the bot died on last time is put aside before any update is taken, never retried.
    const interrupted = await ingest.recoverInterrupted();
    bot = createBot({ config, engine, store, ingest, logger, quiz: { store: quizStore, runs: quizRuns }, conversations: new ConversationMemory({ ttlMs: config.CONVERSATION_TTL_MS }) });
    running = await runBot(bot, { config, logger });
    notifyInterruptedUploads(bot.api, interrupted, logger);
  } catch (err) {
    childIngest.stop();
    await reloader.stop();
    await engine.close();
    quizRuns.close();
    quizStore?.close();
    store?.close();
    throw err;
  }
  const openStore = store;
  const openQuizStore = quizStore;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await running.stop();
      childIngest.stop();
      await reloader.stop();
      await engine.close();
      // Quiz timers first: one firing now would write to a closed database.
      quizRuns.close();
      openQuizStore.close();
      openStore.close();
    })());
  return {
    mode: running.mode,
    config,
    engine,
    bot,
    store: openStore,
    ...(running.port !== undefined ? { port: running.port } : {}),
    done: running.done,
    stop,
  };
}

/** The `npm start` entry: .env, start, signals, exit codes (0 after a clean stop, 1 on failure). */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  loadDotenv({ quiet: true });
  let app: AppHandle;
  try {
    app = await startApp(process.env, { argv });
  } catch (err) {
    const code = isAppError(err) ? ` [${err.code}]` : "";
    process.stderr.write(`Không khởi động được: ${redact(describeError(err), [process.env.TELEGRAM_BOT_TOKEN])}${code}\n`);
    return 1;
  }
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    // Wrappers (npm, tsx, a process group) may deliver the same signal twice: the first one stops.
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`${signal}: đang dừng…\n`);
      app.stop().then(
        () => resolve(0),
        (err: unknown) => {
          process.stderr.write(`Lỗi khi dừng: ${redact(describeError(err), [process.env.TELEGRAM_BOT_TOKEN])}\n`);
          resolve(1);
        },
      );
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
  const finished = app.done.then(
    async () => {
      await app.stop();
      return 0;
    },
    async (err: unknown) => {
      process.stderr.write(`Bot dừng vì lỗi: ${redact(describeError(err), [process.env.TELEGRAM_BOT_TOKEN])}\n`);
      await app.stop().catch(() => undefined);
      return 1;
    },
  );
  return Promise.race([stopped, finished]);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(path.resolve(script)).href;
}

if (isEntryPoint()) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${describeError(err)}\n`);
      process.exit(1);
    },
  );
}
