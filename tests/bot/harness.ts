/**
 * End-to-end harness: a copied corpus and an index built once per test file (temp dirs, never the
 * repo's data/ or corpus/), the Bot API emulator, and the real app started through `startApp` — the
 * same entry point as `npm start` — with its logs captured so tests can wait for an update to be
 * fully handled (its log line) and check that the token never appears. {@link e2eSuite} is the set-up
 * and tear-down every end-to-end test file shares.
 */
import { randomBytes } from "node:crypto";
import { cp, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import type { Message, Update } from "grammy/types";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { ingestSettings, runIngest } from "../../src/app/ingestRunner.js";
import { loadConfig } from "../../src/config.js";
import { startApp, type AppHandle } from "../../src/main.js";
import { type BotApiEmulator, type RecordedCall, startBotApiEmulator } from "../../testing/botApiEmulator.js";
import { makeTempDir } from "../support/fixtures.js";
import { copyShippedCorpus } from "../support/shippedCorpus.js";
import { validateTelegramHtml } from "../../testing/telegramHtml.js";

/** A temp workspace: a copy of the shipped documents and an index built from them. */
export interface Workspace {
  root: string;
  corpusDir: string;
  indexDir: string;
  cleanup: () => Promise<void>;
}

/** Copies the shipped documents into a temp dir and builds its index (once per test file, in beforeAll). */
export async function buildWorkspace(prefix: string): Promise<Workspace> {
  const { dir, cleanup } = await makeTempDir(prefix);
  const corpusDir = join(dir, "corpus");
  const indexDir = join(dir, "index");
  await copyShippedCorpus(corpusDir);
  await runIngest(ingestSettings(loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir })));
  return { root: dir, corpusDir, indexDir, cleanup };
}

/** A copy of a workspace (corpus and index), for tests that change them. */
export async function cloneWorkspace(base: Workspace, name: string): Promise<Workspace> {
  const root = join(base.root, name);
  await mkdir(root, { recursive: true });
  const corpusDir = join(root, "corpus");
  const indexDir = join(root, "index");
  await cp(base.corpusDir, corpusDir, { recursive: true });
  await cp(base.indexDir, indexDir, { recursive: true });
  return { root, corpusDir, indexDir, cleanup: async () => undefined };
}

/** A JSON log line. */
export type LogRecord = Record<string, unknown>;

/** Captures a stream's text. */
export class Captured {
  readonly stream = new PassThrough();
  private text = "";

  constructor() {
    this.stream.on("data", (chunk: Buffer) => (this.text += chunk.toString("utf8")));
  }

  get value(): string {
    return this.text;
  }
}

/** A running app against the emulator, with its logs. */
export class RunningApp {
  constructor(
    readonly app: AppHandle,
    readonly stdout: Captured,
    readonly stderr: Captured,
  ) {}

  /** Every JSON log line written so far (stdout and stderr). */
  records(): LogRecord[] {
    return `${this.stdout.value}\n${this.stderr.value}`
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogRecord);
  }

  /** Waits for a log line matching `predicate`. */
  async waitForLog(predicate: (r: LogRecord) => boolean, timeoutMs = 10_000): Promise<LogRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.records().find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching log line within ${timeoutMs} ms:\n${this.stdout.value}\n${this.stderr.value}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits until the update has been handled (its log line is written) and returns that line. */
  handled(update: Update, timeoutMs = 10_000): Promise<LogRecord> {
    return this.waitForLog((r) => r.msg === "update" && r.update_id === update.update_id, timeoutMs);
  }

  stop(): Promise<void> {
    return this.app.stop();
  }
}

/** Starts the app in-process as `npm start` would, with `env` on top of the workspace's folders. */
export async function startBot(emulator: BotApiEmulator, ws: Workspace, env: Record<string, string> = {}): Promise<RunningApp> {
  const stdout = new Captured();
  const stderr = new Captured();
  // Inside the workspace, so its cleanup removes it; a test passes DATA_DIR to share one (restart).
  const dataDir = join(ws.root, `data-${randomBytes(4).toString("hex")}`);
  const app = await startApp(
    {
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.url,
      CORPUS_DIR: ws.corpusDir,
      INDEX_DIR: ws.indexDir,
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: "1000",
      RELOAD_POLL_MS: "200",
      ...env,
    },
    { io: { stdout: stdout.stream, stderr: stderr.stream } },
  );
  return new RunningApp(app, stdout, stderr);
}

/** What the bot did about one update. */
export interface Exchange {
  outcome: unknown;
  /** Every API call made while handling it (getUpdates excluded). */
  calls: RecordedCall[];
  /** The messages sent, as Telegram stored them. */
  messages: Message[];
  /** The HTML of each message sent, as the bot wrote it. */
  html: string[];
}

/** Sends an update (via `send`) and waits until the bot has handled it. */
export async function exchange(emulator: BotApiEmulator, bot: RunningApp, send: () => Update): Promise<Exchange> {
  const from = emulator.calls.length;
  const update = send();
  const line = await bot.handled(update);
  const calls = emulator.calls.slice(from).filter((c) => c.method !== "getUpdates");
  const sent = calls.filter((c) => c.method === "sendMessage" && c.ok);
  return {
    outcome: line.outcome,
    calls,
    messages: sent.map((c) => c.result as Message),
    html: sent.map((c) => String(c.params.text)),
  };
}

/** Asserts that every message is valid Telegram HTML within the limit; returns the texts users see. */
export function expectValidHtml(html: readonly string[]): string[] {
  return html.map((h) => {
    const parsed = validateTelegramHtml(h);
    if (!parsed.ok) throw new Error(`invalid Telegram HTML (${parsed.error}):\n${h}`);
    return parsed.text;
  });
}

/** The text inside the blockquote entities of a message. */
export function blockquotes(message: Message): string[] {
  return (message.entities ?? [])
    .filter((e) => e.type === "blockquote" || e.type === "expandable_blockquote")
    .map((e) => (message.text ?? "").slice(e.offset, e.offset + e.length));
}

/** The text inside the bold entities of a message. */
export function bolds(message: Message): string[] {
  return (message.entities ?? []).filter((e) => e.type === "bold").map((e) => (message.text ?? "").slice(e.offset, e.offset + e.length));
}

/** Callback data of the buttons under a message. */
export function buttonData(message: Message | undefined): string[] {
  return (message?.reply_markup?.inline_keyboard ?? []).flat().flatMap((b) => ("callback_data" in b && b.callback_data ? [b.callback_data] : []));
}

/** Fails the test when `text` contains the token (in any captured log). */
export function expectNoToken(text: string, token: string): void {
  expect(text.includes(token)).toBe(false);
  expect(text.includes(token.split(":")[1] ?? "")).toBe(false);
}

/** Options of {@link e2eSuite}. */
export interface E2eSuiteOptions {
  /**
   * The environment of one bot started for the whole file (given the workspace, for settings that name
   * folders in it). Without it, each test starts its own bot (`start`), stopped after the test.
   */
  env?: Record<string, string> | ((ws: Workspace) => Record<string, string>);
}

/** What an end-to-end test file works with; see {@link e2eSuite}. */
export interface E2eSuite {
  /** The file's workspace: the shipped documents and their index. */
  readonly ws: Workspace;
  readonly emulator: BotApiEmulator;
  /** The running bot; throws when none is running. */
  readonly bot: RunningApp;
  /** Starts a bot on `workspace` (default the file's) with `env`, after stopping the one running (a restart). */
  start(env?: Record<string, string>, workspace?: Workspace): Promise<RunningApp>;
  /** Sends an update (via `send`) to the running bot and waits until it has handled it. */
  exchange(send: () => Update): Promise<Exchange>;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`e2eSuite: no ${what} (used outside a test, or no bot started)`);
  return value;
}

/**
 * The set-up every end-to-end test file shares, registered as its hooks: before all tests, a workspace
 * (`prefix` names its temp dir) and an emulator, and the file's bot when `env` is given; after each
 * test, the bot it started (when there is no file bot); after all, the bot stopped and every bot's logs
 * checked for the token, then the emulator and the workspace removed.
 *
 * @example
 * const e2e = e2eSuite("bot-questions", { env: { ADMIN_IDS: "1" } });
 * it("answers", async () => expect((await e2e.exchange(() => e2e.emulator.sendText(alice, privateChat(alice), "…"))).outcome).toBe("answered"));
 */
export function e2eSuite(prefix: string, options: E2eSuiteOptions = {}): E2eSuite {
  let ws: Workspace | undefined;
  let emulator: BotApiEmulator | undefined;
  let bot: RunningApp | undefined;
  const logs: string[] = [];

  const stop = async (): Promise<void> => {
    const running = bot;
    bot = undefined;
    if (!running) return;
    await running.stop();
    logs.push(running.stdout.value, running.stderr.value);
  };
  const start = async (env: Record<string, string> = {}, workspace?: Workspace): Promise<RunningApp> => {
    await stop();
    bot = await startBot(started(emulator, "emulator"), workspace ?? started(ws, "workspace"), env);
    return bot;
  };

  beforeAll(async () => {
    ws = await buildWorkspace(prefix);
    emulator = await startBotApiEmulator();
    if (options.env !== undefined) await start(typeof options.env === "function" ? options.env(ws) : options.env);
  });
  if (options.env === undefined) afterEach(stop);
  afterAll(async () => {
    await stop();
    if (emulator) expectNoToken(logs.join("\n"), emulator.token);
    await emulator?.close();
    await ws?.cleanup();
  });

  return {
    get ws() {
      return started(ws, "workspace");
    },
    get emulator() {
      return started(emulator, "emulator");
    },
    get bot() {
      return started(bot, "bot");
    },
    start,
    exchange: (send) => exchange(started(emulator, "emulator"), started(bot, "bot"), send),
  };
}
