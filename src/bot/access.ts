/**
 * Who may use the bot, and how fast. Runs before every feature, for every update type, so nothing from
 * the documents reaches someone the allowlists leave out.
 *
 * Rules: admins (ADMIN_IDS) are always allowed. Otherwise, when ALLOWED_USER_IDS is set the sender must
 * be in it, and when ALLOWED_CHAT_IDS is set the chat must be in it (both apply when both are set).
 * Updates with neither a sender nor a chat (poll state changes) carry no request and pass.
 */
import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { Config } from "../config.js";
import { isAddressedToBot } from "./addressing.js";
import type { BotContext } from "./context.js";
import type { Logger } from "./logger.js";
import { TEXT } from "./texts.js";

/** Who sent an update: the sender of a message or button press, or the voter of a poll answer. */
export function senderId(ctx: BotContext): number | undefined {
  return ctx.from?.id ?? ctx.pollAnswer?.user?.id;
}

/** True when `userId` may run admin commands and upload documents. */
export function isAdmin(config: Pick<Config, "ADMIN_IDS">, userId: number | undefined): boolean {
  return userId !== undefined && config.ADMIN_IDS.includes(userId);
}

/** True when the allowlists let this user in this chat use the bot. */
export function isAllowed(
  config: Pick<Config, "ADMIN_IDS" | "ALLOWED_USER_IDS" | "ALLOWED_CHAT_IDS">,
  userId: number | undefined,
  chatId: number | undefined,
): boolean {
  if (isAdmin(config, userId)) return true;
  if (config.ALLOWED_USER_IDS.length > 0 && (userId === undefined || !config.ALLOWED_USER_IDS.includes(userId))) return false;
  if (config.ALLOWED_CHAT_IDS.length > 0 && (chatId === undefined || !config.ALLOWED_CHAT_IDS.includes(chatId))) {
    // A poll answer has no chat: the user allowlist alone decides, if there is one.
    if (chatId !== undefined || config.ALLOWED_USER_IDS.length === 0) return false;
  }
  return true;
}

/**
 * The chat an update belongs to. A poll answer carries none: it belongs to the chat the poll was sent
 * in, which `pollChat` looks up (the quiz records every poll it sends).
 */
export function chatOf(ctx: BotContext, pollChat?: (pollId: string) => number | undefined): number | undefined {
  if (ctx.chat) return ctx.chat.id;
  return ctx.pollAnswer ? pollChat?.(ctx.pollAnswer.poll_id) : undefined;
}

/** Refuses, politely and with nothing from the documents, every update from outside the allowlists. */
export function accessControl(config: Config, logger: Logger, pollChat?: (pollId: string) => number | undefined): MiddlewareFn<BotContext> {
  const open = config.ALLOWED_USER_IDS.length === 0 && config.ALLOWED_CHAT_IDS.length === 0;
  return async (ctx, next) => {
    const userId = senderId(ctx);
    const chatId = chatOf(ctx, pollChat);
    if (open || (userId === undefined && chatId === undefined) || isAllowed(config, userId, chatId)) {
      await next();
      return;
    }
    ctx.state.outcome = "refused";
    try {
      if (ctx.callbackQuery) {
        await ctx.answerCallbackQuery({ text: TEXT.refused, show_alert: true });
      } else if (ctx.msg && isAddressedToBot(ctx)) {
        await ctx.reply(TEXT.refused);
      }
      // Poll answers and other updates without a chat to answer in are dropped silently.
    } catch (err) {
      logger.warn("refusal not delivered", { user_id: userId, error: err instanceof Error ? err.message : String(err) });
    }
  };
}

/**
 * Per-user rate limit (@grammyjs/ratelimiter): RATE_LIMIT_PER_MINUTE updates per user per minute. The
 * first update over the limit gets a friendly message; the rest are dropped until the minute is over.
 */
export function rateLimit(config: Config, logger: Logger): MiddlewareFn<BotContext> {
  // The notice of each update over the limit, awaited before the update counts as handled (so that none is
  // still in flight when the update is logged, or at shutdown).
  const notices = new WeakMap<BotContext, Promise<void>>();
  const limiter = limit<BotContext, never>({
    timeFrame: 60_000,
    limit: config.RATE_LIMIT_PER_MINUTE,
    // Quiz answers are not requests: a fast player in a 20-question quiz must not lose answers.
    keyGenerator: (ctx) => {
      const id = senderId(ctx);
      return id === undefined || ctx.pollAnswer ? undefined : String(id);
    },
    onLimitExceeded: (ctx) => {
      const notify: Promise<unknown> = ctx.callbackQuery
        ? ctx.answerCallbackQuery({ text: TEXT.rateLimited })
        : ctx.msg && isAddressedToBot(ctx)
          ? ctx.reply(TEXT.rateLimited)
          : Promise.resolve();
      notices.set(
        ctx,
        notify.then(
          () => undefined,
          (err: unknown) => logger.warn("rate-limit notice not delivered", { error: err instanceof Error ? err.message : String(err) }),
        ),
      );
    },
  });
  return async (ctx, next) => {
    let passed = false;
    await limiter(ctx, async () => {
      passed = true;
      await next();
    });
    if (!passed) {
      ctx.state.outcome = "rate_limited";
      await notices.get(ctx);
    }
  };
}
