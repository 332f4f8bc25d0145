/**
 * Questions: any text in a private chat; in a group, a message that mentions or replies to the bot, or
 * `/hoi <câu hỏi>`. The reply is the direct answer, then the cited passage quoted with the answer in
 * bold, then buttons; or a plain abstention naming the closest passages. The question and the passages
 * it cited are stored first, so the buttons work from SQLite alone (after a restart too); if storing
 * fails, the answer is sent anyway, without buttons.
 *
 *
 * A follow-up ("còn phường thì sao?") is read against the last question of the same chat (and, in a
 * group, of the same person) and answered as the full question, shown as "Hiểu là: …" above the
 * answer with a "🆕 Câu hỏi mới" button; `/moi` forgets the conversation.
 */
import { Composer } from "grammy";
import { detectSmallTalk } from "../../text/smallTalk.js";
import { askInConversation, understoodQuestion } from "../../qa/conversationMemory.js";
import type { AnswerResult } from "../../qa/engine.js";
import { MAX_QUESTION_CHARS } from "../../qa/query.js";
import { conversationKey, questionIn } from "../addressing.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { renderAnswer } from "../format.js";
import { answerKeyboard } from "../keyboards.js";
import { sendHtml, showTyping } from "../reply.js";
import type { StoredCitation } from "../../storage/botStore.js";
import { TEXT } from "../texts.js";

function storedCitations(result: AnswerResult): StoredCitation[] {
  return result.citations.map((c) => ({
    passageId: c.passageId,
    quote: c.highlight ? c.passage.slice(c.highlight.start, c.highlight.end) : null,
  }));
}

/** Answers `question` in the update's chat: engine, store, render, send. */
export async function answerQuestion(ctx: BotContext, deps: BotDeps, question: string): Promise<void> {
  ctx.state.text = question;
  // Longer input is almost always a pasted document: refused here rather than cut by the engine.
  if (question.length > MAX_QUESTION_CHARS) {
    ctx.state.outcome = "hint";
    await ctx.reply(TEXT.tooLong);
    return;
  }
  // A greeting or a thank-you gets one in return, with sample questions: it is not searched.
  const smallTalk = detectSmallTalk(question);
  if (smallTalk) {
    ctx.state.outcome = "hint";
    await sendHtml(ctx, [TEXT.smallTalk(smallTalk)]);
    return;
  }
  const started = performance.now();
  showTyping(ctx);
  const generation = deps.engine.generation;
  const { result, resolution } = await askInConversation((q) => deps.engine.ask(q), deps.conversations, conversationKey(ctx), question);
  const isFollowUp = resolution.kind !== "standalone";
  const chat = ctx.chat;
  // Bookkeeping never costs the answer: if the question cannot be stored, it is sent without buttons
  // (they would find nothing to show).
  const questionId = deps.bookkeeping.record(
    "recording the question",
    () =>
      deps.store.recordQuestion({
        userId: ctx.from?.id ?? null,
        chatId: chat?.id ?? 0,
        chatType: chat?.type ?? "unknown",
        // What was answered: for a follow-up, the question as understood.
        question: resolution.question,
        answer: result.answer,
        abstained: result.abstained,
        generation,
        citations: storedCitations(result),
      }),
    null,
  );
  const isGroup = chat?.type === "group" || chat?.type === "supergroup";
  const understood = understoodQuestion(resolution, result);
  await sendHtml(ctx, renderAnswer(result, understood !== null ? { preface: TEXT.understood(understood) } : {}), {
    ...(questionId !== null ? { keyboard: answerKeyboard(questionId, { abstained: result.abstained, citations: result.citations.length, isFollowUp }) } : {}),
    ...(isGroup && ctx.msg ? { replyToMessageId: ctx.msg.message_id } : {}),
  });
  if (questionId !== null) deps.bookkeeping.record("recording the answer time", () => deps.store.setLatency(questionId, Math.round((performance.now() - started) * 10) / 10), undefined);
  ctx.state.outcome = result.abstained ? "abstained" : "answered";
}

/** The question-answering feature. */
export function askFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("hoi", async (ctx) => {
    const question = ctx.match.trim();
    if (question === "") {
      ctx.state.outcome = "hint";
      await ctx.reply(TEXT.askUsage, { parse_mode: "HTML" });
      return;
    }
    await answerQuestion(ctx, deps, question);
  });

  composer.command("moi", async (ctx) => {
    ctx.state.outcome = "command";
    deps.conversations.clear(conversationKey(ctx));
    await ctx.reply(TEXT.newConversation);
  });

  composer.on(["message:text", "edited_message:text"], async (ctx, next) => {
    const question = questionIn(ctx);
    if (question === null) return next();
    if (question === "") {
      ctx.state.outcome = "hint";
      await ctx.reply(TEXT.emptyMention);
      return;
    }
    await answerQuestion(ctx, deps, question);
  });

  return composer;
}
