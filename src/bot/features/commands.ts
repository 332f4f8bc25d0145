/** Public commands: /start, /help, /nguon. (/hoi lives with the questions in ask.ts.) */
import { Composer } from "grammy";
import type { BotCommand } from "grammy/types";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { splitMessage } from "../format.js";
import { sendHtml } from "../reply.js";
import { TEXT, renderSources } from "../texts.js";

/** Commands everyone sees in Telegram's menu (setMyCommands), with Vietnamese descriptions. */
export const PUBLIC_COMMANDS: BotCommand[] = [
  { command: "start", description: "Giới thiệu trợ lý" },
  { command: "help", description: "Hướng dẫn và câu hỏi mẫu" },
  { command: "nguon", description: "Danh sách tài liệu đã nạp" },
  { command: "hoi", description: "Đặt câu hỏi (dùng trong nhóm): /hoi câu hỏi" },
  { command: "moi", description: "Câu hỏi mới: quên câu hỏi trước" },
];

/**
 * Refuses arguments to a command that takes none, with a message saying so. Returns true when the
 * command may go on.
 */
export async function rejectArguments(ctx: BotContext, command: string): Promise<boolean> {
  if (typeof ctx.match !== "string" || ctx.match.trim() === "") return true;
  ctx.state.outcome = "hint";
  await ctx.reply(TEXT.noArguments(command), { parse_mode: "HTML" });
  return false;
}

export function commandsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  // /start may carry a deep-link payload (t.me/bot?start=…); it is ignored rather than refused.
  composer.command("start", async (ctx) => {
    ctx.state.outcome = "command";
    await ctx.reply(TEXT.welcome(ctx.from?.first_name ?? "bạn"), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  });

  composer.command("help", async (ctx) => {
    if (!(await rejectArguments(ctx, "help"))) return;
    ctx.state.outcome = "command";
    const isGroup = ctx.chat.type === "group" || ctx.chat.type === "supergroup";
    await ctx.reply(TEXT.help(isGroup), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  });

  composer.command("nguon", async (ctx) => {
    if (!(await rejectArguments(ctx, "nguon"))) return;
    ctx.state.outcome = "command";
    await sendHtml(ctx, splitMessage(renderSources(deps.engine.info())));
  });

  return composer;
}
