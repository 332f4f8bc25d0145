/**
 * The catch-all, registered last: unknown commands and non-text messages get a short hint, buttons no
 * feature recognised (forged, or from an older version) get a polite answer, everything else is
 * ignored. In groups the bot only speaks when spoken to.
 */
import { Composer } from "grammy";
import { isAddressedToBot } from "../addressing.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { TEXT } from "../texts.js";

export function fallbackFeature(_deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.on("callback_query", async (ctx) => {
    ctx.state.outcome = "invalid";
    await ctx.answerCallbackQuery({ text: TEXT.buttonInvalid });
  });

  composer.on("message:text", async (ctx) => {
    const text = ctx.msg.text.trimStart();
    if (!text.startsWith("/")) return;
    const command = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?/.exec(text);
    const target = command?.[2];
    const forMe = ctx.chat.type === "private" || (target !== undefined && target.toLowerCase() === ctx.me.username.toLowerCase());
    if (!forMe) return;
    // "/", "/đảng", "/😀" are not commands Telegram recognises, but in a private chat silence would
    // look like a dead bot: they get the same hint, naming what was typed (letters and digits only).
    const name = command?.[1] ?? Array.from(/^\/([\p{L}\p{N}_]*)/u.exec(text)?.[1] ?? "").slice(0, 32).join("");
    ctx.state.outcome = "hint";
    await ctx.reply(TEXT.unknownCommand(name), { parse_mode: "HTML" });
  });

  composer.on("message", async (ctx) => {
    if (ctx.msg.text !== undefined || !isAddressedToBot(ctx)) return;
    // Service messages (members joining, pinned messages…) are not the user talking to the bot.
    const isContent = ["photo", "sticker", "voice", "video", "audio", "animation", "video_note", "location", "contact", "document", "poll", "venue", "dice"].some(
      (key) => key in ctx.msg,
    );
    if (!isContent) return;
    ctx.state.outcome = "hint";
    await ctx.reply(TEXT.nonText);
  });

  return composer;
}
