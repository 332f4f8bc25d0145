/**
 * The buttons under an answer: "📄 Xem nguyên văn", "🔎 Nguồn khác", 👍 / 👎. Everything needed comes
 * from the question stored in SQLite and the index in service, so a button pressed after a restart or
 * a re-index still works (or says plainly that its passage is gone). Data this feature does not
 * recognise is passed on: other features have buttons too, and the fallback answers forgeries.
 */
import { Composer } from "grammy";
import { toCitation, type Passage } from "../../qa/engine.js";
import { conversationKey } from "../addressing.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { quoted, renderDocumentExcerpt, renderPassages, type QuotedPassage } from "../format.js";
import { parseAction } from "../keyboards.js";
import { sendHtml } from "../reply.js";
import type { StoredCitation, StoredQuestion } from "../../storage/botStore.js";
import { TEXT } from "../texts.js";

/** Where the stored highlighted words are in the passage as it is now (it may have been re-indexed). */
function findHighlight(passage: Passage, quote: string | null): QuotedPassage["highlight"] {
  if (!quote) return null;
  const start = passage.text.indexOf(quote);
  return start < 0 ? null : { start, end: start + quote.length };
}

function quoteOf(passage: Passage, citation: StoredCitation | null): QuotedPassage {
  return { ...quoted(toCitation(passage, null)), highlight: citation ? findHighlight(passage, citation.quote) : null };
}

export function callbacksFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.on("callback_query:data", async (ctx, next) => {
    const action = parseAction(ctx.callbackQuery.data);
    if (!action) return next();
    const question: StoredQuestion | null = deps.bookkeeping.record("reading the question of a button", () => deps.store.question(action.questionId), null);
    // A button only works in the chat where its question was asked: forged ids reveal nothing.
    if (!question || ctx.chat === undefined || question.chatId !== ctx.chat.id) {
      ctx.state.outcome = "invalid";
      await ctx.answerCallbackQuery({ text: question ? TEXT.buttonInvalid : TEXT.questionGone });
      return;
    }
    ctx.state.outcome = "button";
    ctx.state.text = `${ctx.callbackQuery.data} (${question.question})`;
    const replyTo = ctx.callbackQuery.message?.message_id;

    if (action.kind === "newConversation") {
      deps.conversations.clear(conversationKey(ctx));
      await ctx.answerCallbackQuery({ text: TEXT.newConversation });
      return;
    }

    if (action.kind === "feedback") {
      deps.bookkeeping.record("recording feedback", () => deps.store.recordFeedback(question.id, ctx.from.id, action.vote), undefined);
      await ctx.answerCallbackQuery({ text: TEXT.thanks(action.vote) });
      return;
    }

    if (action.kind === "original") {
      const cited = question.abstained ? undefined : question.citations[0];
      const passage = cited ? deps.engine.passage(cited.passageId) : undefined;
      if (!cited || !passage) {
        await ctx.answerCallbackQuery({ text: TEXT.passageGone, show_alert: true });
        return;
      }
      await ctx.answerCallbackQuery();
      const around = deps.engine.neighbours(passage.id, 1).map((p) => quoteOf(p, p.id === passage.id ? cited : null));
      await sendHtml(ctx, renderDocumentExcerpt(passage.title, around), replyTo !== undefined ? { replyToMessageId: replyTo } : {});
      return;
    }

    // "others": every stored citation after the one quoted in the answer (all of them for an abstention).
    const rest = question.citations.slice(question.abstained ? 0 : 1);
    const passages = rest.flatMap((c) => {
      const p = deps.engine.passage(c.passageId);
      return p ? [quoteOf(p, question.abstained ? null : c)] : [];
    });
    if (passages.length === 0) {
      await ctx.answerCallbackQuery({ text: rest.length === 0 ? TEXT.noOtherSources : TEXT.passageGone, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendHtml(ctx, renderPassages(TEXT.othersHeading(question.abstained), passages), replyTo !== undefined ? { replyToMessageId: replyTo } : {});
  });

  return composer;
}
