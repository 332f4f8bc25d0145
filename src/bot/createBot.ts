/**
 * Assembles the bot: API plumbing (token redaction, auto-retry), then per-update middleware (log line,
 * per-chat ordering, access control, rate limit), then the features inside an error boundary, the
 * catch-all last. Nothing here starts polling or a server: see run.ts.
 *
 * @example
 * const bot = createBot({ config, engine, store, ingest, logger, quiz: { store: quizStore, runs: new QuizRuns() }, conversations: new ConversationMemory() });
 * const running = await runBot(bot, { config, logger });
 * // …
 * await running.stop();
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, BotError, Composer, GrammyError, HttpError, type ErrorHandler } from "grammy";
import type { BotCommand, UserFromGetMe } from "grammy/types";
import { isAppError } from "../errors.js";
import { accessControl, rateLimit } from "./access.js";
import { BotContext } from "./context.js";
import { ConversationMemory } from "../qa/conversationMemory.js";
import { Bookkeeping } from "./bookkeeping.js";
import type { BotDeps, BotDepsInput } from "./deps.js";
import { adminFeature, ADMIN_COMMANDS } from "./features/admin.js";
import { askFeature } from "./features/ask.js";
import { callbacksFeature } from "./features/callbacks.js";
import { commandsFeature, PUBLIC_COMMANDS } from "./features/commands.js";
import { fallbackFeature } from "./features/fallback.js";
import { quizFeature, QUIZ_COMMANDS } from "./features/quiz.js";
import { uploadFeature } from "./features/upload.js";
import { errorFields, logUpdates, redact, redactError, type Logger } from "./logger.js";
import { friendlyError, TEXT } from "./texts.js";

/** A feature: a function of the dependencies that returns its Composer. */
export type Feature = (deps: BotDeps) => Composer<BotContext>;

/**
 * The features, in the order they see an update. Order matters: commands and buttons before the
 * free-text questions (which take any text in a private chat), the fallback always last.
 *
 * A new feature goes in the marked slot, and its menu commands in {@link menuCommands}.
 */
export const FEATURES: readonly Feature[] = [
  commandsFeature,
  adminFeature,
  uploadFeature,
  callbacksFeature,
  // Features with commands, buttons or poll answers go here, before askFeature, so they see them first.
  quizFeature,
  askFeature,
  fallbackFeature,
];

/** Commands for Telegram's menu: everyone's, and the extra ones shown in admins' chats. */
export function menuCommands(): { everyone: BotCommand[]; admins: BotCommand[] } {
  const everyone = [...PUBLIC_COMMANDS, ...QUIZ_COMMANDS];
  return { everyone, admins: [...everyone, ...ADMIN_COMMANDS] };
}

/** Options of {@link createBot} that tests may want; production passes none. */
export interface CreateBotOptions {
  /** Skips getMe at start-up (grammY's `botInfo`). */
  botInfo?: UserFromGetMe;
  /** Replaces {@link FEATURES}. */
  features?: readonly Feature[];
}

/** Logs a failed feature and tells the user, in Vietnamese, what happened; the bot carries on. */
function featureErrorHandler(logger: Logger, secrets: ReadonlyArray<string | undefined>): ErrorHandler<BotContext> {
  return async (err) => {
    const ctx = err.ctx;
    ctx.state.outcome = "error";
    const cause = redactError(err.error, secrets);
    logger.error("update failed", {
      update_id: ctx.update.update_id,
      user_id: ctx.from?.id,
      ...errorFields(cause),
      ...(cause instanceof GrammyError ? { method: cause.method, error_code: cause.error_code } : {}),
      ...(cause instanceof HttpError ? { network: true } : {}),
      ...(logger.isDebug && cause instanceof Error && cause.stack ? { stack: redact(cause.stack, secrets) } : {}),
    });
    const message = isAppError(cause) ? friendlyError(cause.code) : TEXT.failed;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: message, show_alert: true });
      else if (ctx.chat) await ctx.reply(message);
    } catch {
      // The apology could not be delivered either (e.g. Telegram is down); the log line above stands.
    }
  };
}

/** Builds the bot with every feature registered. It does not contact Telegram until started. */
export function createBot(input: BotDepsInput, options: CreateBotOptions = {}): Bot<BotContext> {
  const token = input.config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error("createBot: TELEGRAM_BOT_TOKEN is not set (main.ts opens the terminal chat instead)");
  const secrets = [token, input.config.WEBHOOK_SECRET];
  const bot = new Bot<BotContext>(token, {
    ContextConstructor: BotContext,
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...(input.config.TELEGRAM_API_ROOT ? { apiRoot: input.config.TELEGRAM_API_ROOT } : {}) },
  });
  const deps: BotDeps = {
    ...input,
    conversations: input.conversations ?? new ConversationMemory({ ttlMs: input.config.CONVERSATION_TTL_MS }),
    bookkeeping:
      input.bookkeeping ??
      new Bookkeeping({
        dataDir: input.config.DATA_DIR,
        adminIds: input.config.ADMIN_IDS,
        logger: input.logger,
        notify: (chatId, html) => bot.api.sendMessage(chatId, html, { parse_mode: "HTML" }),
      }),
  };

  // 429 (after retry_after) and 5xx are retried; a network failure is not, since a message that did
  // reach Telegram would then be delivered twice. The runner retries getUpdates on its own.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowHttpErrors: true }));
  // Outermost: whatever reaches our code has had the token scrubbed from its message and stack.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (err) {
      throw redactError(err, secrets);
    }
  });

  bot.use(logUpdates(deps.logger));
  // Updates of one chat are handled in order (the runner handles different chats concurrently).
  bot.use(sequentialize<BotContext>((ctx) => (ctx.chat ? String(ctx.chat.id) : ctx.from ? `u${ctx.from.id}` : undefined)));
  bot.use(accessControl(deps.config, deps.logger, (pollId) => deps.quiz.store.poll(pollId)?.chatId));
  bot.use(rateLimit(deps.config, deps.logger));

  const features = new Composer<BotContext>();
  // A button pressed under an inline-mode message has no chat: nothing here can answer it or store
  // anything for it, so it is answered once, plainly, and goes no further.
  features.on("callback_query", async (ctx, next) => {
    if (ctx.chat !== undefined) return next();
    ctx.state.outcome = "invalid";
    await ctx.answerCallbackQuery({ text: TEXT.inlineUnsupported });
  });
  for (const feature of options.features ?? FEATURES) features.use(feature(deps));
  bot.errorBoundary(featureErrorHandler(deps.logger, secrets), features);

  // Last resort (a bug in the middleware above the boundary): log it and keep serving.
  bot.catch((err: BotError<BotContext>) => {
    deps.logger.error("update failed outside the features", { update_id: err.ctx.update.update_id, ...errorFields(redactError(err.error, secrets)) });
  });
  return bot;
}
