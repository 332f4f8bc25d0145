/** Sending rendered HTML: several parts in order, buttons under the last, link previews off. */
import type { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext } from "./context.js";

/** Options of {@link sendHtml}. */
export interface SendOptions {
  /** Buttons shown under the last part. */
  keyboard?: InlineKeyboard;
  /** Message the first part replies to (groups, so the answer is threaded under its question). */
  replyToMessageId?: number;
}

/** Sends each part as its own message (parse_mode HTML) and returns the last one sent. */
export async function sendHtml(ctx: BotContext, parts: readonly string[], opts: SendOptions = {}): Promise<Message.TextMessage | undefined> {
  let last: Message.TextMessage | undefined;
  for (const [i, part] of parts.entries()) {
    const isLast = i === parts.length - 1;
    last = await ctx.reply(part, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(isLast && opts.keyboard ? { reply_markup: opts.keyboard } : {}),
      ...(i === 0 && opts.replyToMessageId !== undefined
        ? { reply_parameters: { message_id: opts.replyToMessageId, allow_sending_without_reply: true } }
        : {}),
    });
  }
  return last;
}

/** Shows "typing…" while the bot works; a failure here never matters to the answer. */
export function showTyping(ctx: BotContext): void {
  ctx.replyWithChatAction("typing").catch(() => undefined);
}
