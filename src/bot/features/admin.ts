/** Admin commands (ADMIN_IDS): /reload serves the newest index now, /stats summarises use and feedback. */
import { Composer } from "grammy";
import type { BotCommand } from "grammy/types";
import { describeError, isAppError } from "../../errors.js";
import { isAdmin } from "../access.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { splitMessage } from "../format.js";
import { sendHtml } from "../reply.js";
import { TEXT, renderStats } from "../texts.js";
import { rejectArguments } from "./commands.js";

/** Commands shown only in admins' chats (setMyCommands with a chat scope). */
export const ADMIN_COMMANDS: BotCommand[] = [
  { command: "reload", description: "Nạp lại chỉ mục mới nhất" },
  { command: "stats", description: "Thống kê câu hỏi và góp ý" },
];

export function adminFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  /** Lets admins through; everyone else is told the command is for admins. */
  const adminsOnly = async (ctx: BotContext, next: () => Promise<void>): Promise<void> => {
    if (isAdmin(deps.config, ctx.from?.id)) {
      await next();
      return;
    }
    ctx.state.outcome = "refused";
    await ctx.reply(TEXT.adminOnly);
  };

  composer.command("reload", adminsOnly, async (ctx) => {
    if (!(await rejectArguments(ctx, "reload"))) return;
    ctx.state.outcome = "command";
    let result;
    try {
      result = await deps.ingest.reload();
    } catch (err) {
      if (!isAppError(err)) throw err;
      ctx.state.outcome = "hint";
      await ctx.reply(TEXT.reloadFailed(describeError(err)), { parse_mode: "HTML" });
      return;
    }
    const head = result.swapped ? TEXT.reloaded(result.generation) : TEXT.reloadUnchanged(result.generation);
    // splitMessage keeps an over-long summary (many skipped files) deliverable.
    await sendHtml(ctx, splitMessage([result.lines?.length ? `${head}\n${TEXT.ingestSummary(result.lines)}` : head]));
  });

  composer.command("stats", adminsOnly, async (ctx) => {
    if (!(await rejectArguments(ctx, "stats"))) return;
    ctx.state.outcome = "command";
    await ctx.reply(renderStats(deps.store.stats(), deps.engine.generation), { parse_mode: "HTML" });
  });

  return composer;
}
