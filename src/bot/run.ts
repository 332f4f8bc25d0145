/**
 * Starting and stopping the bot: long polling with the grammY runner (default) or a webhook server on
 * node:http with Telegram's secret-token header checked. Both stop gracefully: no new updates are
 * taken, updates in flight finish (up to SHUTDOWN_TIMEOUT_MS), and with polling the updates handled
 * are confirmed to Telegram so a restart does not handle them twice.
 */
import { createServer, type Server } from "node:http";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { type Bot, HttpError, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { Config } from "../config.js";
import { AppError, describeError } from "../errors.js";
import type { BotContext } from "./context.js";
import { menuCommands } from "./createBot.js";
import { errorFields, redact, type Logger } from "./logger.js";

/** A started bot. */
export interface RunningBot {
  mode: "polling" | "webhook";
  /** Resolves when the bot has stopped; rejects if polling fails for good (wrong token, a second instance). */
  done: Promise<void>;
  /** Stops taking updates, lets the ones in flight finish, and resolves when all is quiet. */
  stop(): Promise<void>;
  /** Webhook mode: the port the server listens on. */
  port?: number;
}

/** Webhook handler budget: Telegram re-sends an update it got no answer to, so answer before its timeout. */
const WEBHOOK_TIMEOUT_MS = 9_000;

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= deadline) return false;
    await sleep(20);
  }
  return true;
}

/** Sets the command menus: everyone's, and admins' (which add /reload and /stats) per admin chat. */
export async function registerCommands(bot: Bot<BotContext>, config: Config, logger: Logger): Promise<void> {
  const { everyone, admins } = menuCommands();
  try {
    await bot.api.setMyCommands(everyone);
  } catch (err) {
    logger.warn("setMyCommands failed", errorFields(err));
  }
  for (const adminId of config.ADMIN_IDS) {
    // Fails for an admin who has never opened the bot ("chat not found"): harmless.
    await bot.api.setMyCommands(admins, { scope: { type: "chat", chat_id: adminId } }).catch((err: unknown) => {
      logger.warn("admin commands not set", { admin_id: adminId, ...errorFields(err) });
    });
  }
}

/** getMe attempts at start-up, and the pause before each retry, in ms. */
const GET_ME_RETRY_DELAYS_MS = [500, 1500];

/**
 * Contacts Telegram (getMe) so a wrong token or API root fails at start-up with a clear message.
 * grammY's own `bot.init()` retries network errors forever, which would leave a misconfigured bot
 * silently hanging; a few quick retries cover a network blip, then the process says what is wrong.
 */
async function initBot(bot: Bot<BotContext>, config: Config): Promise<void> {
  const apiRoot = config.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
  for (let attempt = 0; ; attempt++) {
    try {
      bot.botInfo = await bot.api.getMe();
      return;
    } catch (err) {
      const delayMs = GET_ME_RETRY_DELAYS_MS[attempt];
      if (err instanceof HttpError && delayMs !== undefined) {
        await sleep(delayMs);
        continue;
      }
      // grammY's HttpError says only which call failed; the reason (ECONNREFUSED, …) is in the error it wraps.
      const reason = err instanceof HttpError ? `${describeError(err)} ${describeError(err.error)}` : describeError(err);
      const detail = redact(reason, [config.TELEGRAM_BOT_TOKEN]);
      throw new AppError("CONFIG_INVALID", `Cannot reach the Bot API at ${apiRoot} with this TELEGRAM_BOT_TOKEN (${detail}): check the token from @BotFather, TELEGRAM_API_ROOT and the network`);
    }
  }
}

async function runPolling(bot: Bot<BotContext>, config: Config, logger: Logger): Promise<RunningBot> {
  let lastUpdateId: number | null = null;
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (method === "getUpdates") {
        if (result.ok) {
          const updates = result.result as Update[];
          const last = updates.at(-1);
          if (last) lastUpdateId = Math.max(lastUpdateId ?? 0, last.update_id);
        } else if (!signal?.aborted) {
          // A refusal (after auto-retry's own retries) comes back as a result, not an exception; the runner
          // retries it silently (or gives up on 401/409, which ends `done`), so this is its only trace.
          logger.warn("getUpdates refused", { error_code: result.error_code, error: result.description });
        }
      }
      return result;
    } catch (err) {
      // The runner retries on its own (with backoff) and is told to be silent: the log line is ours.
      if (method === "getUpdates" && !signal?.aborted) logger.warn("getUpdates failed, retrying", errorFields(err));
      throw err;
    }
  });
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, { runner: { silent: true, fetch: { timeout: 30 } } });
  const task = runner.task() ?? Promise.resolve();
  const done = task.then(() => undefined);
  logger.info("bot started", { mode: "polling", username: bot.botInfo.username, pid: process.pid });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (runner.isRunning()) await runner.stop();
      const drained = await waitUntil(() => runner.size() === 0, config.SHUTDOWN_TIMEOUT_MS);
      if (!drained) logger.warn("stopped with updates still in flight", { in_flight: runner.size() });
      if (lastUpdateId !== null) {
        // Confirms every update handled, as grammY's own bot.stop() does for built-in polling.
        await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 }).catch((err: unknown) => {
          logger.warn("could not confirm handled updates", errorFields(err));
        });
      }
      await done.catch(() => undefined);
      logger.info("bot stopped", { mode: "polling" });
    })());
  return { mode: "polling", done, stop };
}

async function runWebhook(bot: Bot<BotContext>, config: Config, logger: Logger): Promise<RunningBot> {
  const url = config.WEBHOOK_URL;
  const secret = config.WEBHOOK_SECRET;
  if (!url || !secret) throw new AppError("CONFIG_INVALID", "BOT_MODE=webhook needs WEBHOOK_URL and WEBHOOK_SECRET");
  const path = new URL(url).pathname;
  const handle = webhookCallback(bot, "http", { secretToken: secret, onTimeout: "return", timeoutMilliseconds: WEBHOOK_TIMEOUT_MS });
  const inFlight = new Set<Promise<void>>();
  const server: Server = createServer((req, res) => {
    const requestPath = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "POST" || requestPath !== path) {
      res.writeHead(404).end();
      return;
    }
    const task = handle(req, res).catch((err: unknown) => {
      logger.error("webhook request failed", errorFields(err));
      if (!res.headersSent) res.writeHead(400).end();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  await bot.api.setWebhook(url, { secret_token: secret });
  logger.info("bot started", { mode: "webhook", username: bot.botInfo.username, port, path, pid: process.pid });
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await waitUntil(() => inFlight.size === 0, config.SHUTDOWN_TIMEOUT_MS);
      server.closeAllConnections();
      await closed;
      logger.info("bot stopped", { mode: "webhook" });
      resolveDone();
    })());
  return { mode: "webhook", done, stop, port };
}

/** Starts the bot in the configured mode (BOT_MODE) after checking the token and setting the menus. */
export async function runBot(bot: Bot<BotContext>, opts: { config: Config; logger: Logger }): Promise<RunningBot> {
  await initBot(bot, opts.config);
  await registerCommands(bot, opts.config, opts.logger);
  return opts.config.BOT_MODE === "webhook" ? runWebhook(bot, opts.config, opts.logger) : runPolling(bot, opts.config, opts.logger);
}
