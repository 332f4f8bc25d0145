/**
 * Whether a message is meant for the bot. In a private chat everything is; in a group only a command,
 * a message that mentions the bot, or a reply to one of the bot's messages — so the bot never answers
 * a conversation it was not asked into.
 */
import type { MessageEntity } from "grammy/types";
import type { BotContext } from "./context.js";

function isGroup(ctx: BotContext): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/** Spans of the text that mention this bot (`@username` or a text mention of its user). */
function mentionsOfBot(ctx: BotContext, text: string, entities: readonly MessageEntity[]): Array<{ offset: number; length: number }> {
  const username = `@${ctx.me.username}`.toLowerCase();
  return entities.filter(
    (e) =>
      (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === username) ||
      (e.type === "text_mention" && e.user.id === ctx.me.id),
  );
}

function repliesToBot(ctx: BotContext): boolean {
  return ctx.msg?.reply_to_message?.from?.id === ctx.me.id;
}

/** True when the update's message is addressed to the bot (see the module comment). */
export function isAddressedToBot(ctx: BotContext): boolean {
  if (ctx.chat?.type === "private") return true;
  if (!isGroup(ctx)) return false;
  const msg = ctx.msg;
  const text = msg?.text ?? msg?.caption ?? "";
  const entities = msg?.entities ?? msg?.caption_entities ?? [];
  return text.startsWith("/") || repliesToBot(ctx) || mentionsOfBot(ctx, text, entities).length > 0;
}

/**
 * The question in a text message addressed to the bot, with mentions of the bot removed; null when the
 * message is a command or is not for the bot. An empty string means "addressed, but nothing asked".
 */
export function questionIn(ctx: BotContext): string | null {
  const msg = ctx.msg;
  const text = msg?.text;
  if (text === undefined || text.trimStart().startsWith("/")) return null;
  if (ctx.chat?.type === "private") return text.trim();
  if (!isGroup(ctx)) return null;
  const mentions = mentionsOfBot(ctx, text, msg?.entities ?? []);
  if (mentions.length === 0 && !repliesToBot(ctx)) return null;
  let stripped = text;
  for (const m of [...mentions].sort((a, b) => b.offset - a.offset)) {
    stripped = `${stripped.slice(0, m.offset)} ${stripped.slice(m.offset + m.length)}`;
  }
  return stripped.replace(/\s+/g, " ").replace(/^[\s,:;–-]+/, "").trim();
}

/**
 * The conversation an update belongs to: the chat, and in a group also the person, so that two
 * people's questions in one group never merge.
 */
export function conversationKey(ctx: BotContext): string {
  const chat = ctx.chat;
  const isGroup = chat?.type === "group" || chat?.type === "supergroup" || chat?.type === "channel";
  return isGroup ? `c${chat?.id ?? 0}:u${ctx.from?.id ?? 0}` : `c${chat?.id ?? 0}`;
}
