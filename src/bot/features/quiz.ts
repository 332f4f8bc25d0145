/**
 * Quiz mode. `/quiz [N] [chủ đề]` sends N quiz polls (default 5, at most 20) drawn from the quiz bank
 * of the index in service, optionally on a topic; the polls are not anonymous, so each answer
 * (`poll_answer`) is scored in SQLite (QuizStore) under its chat and user. `/ketqua` shows the quiz's
 * standings without ending it, `/bangxephang` the chat's top 10 over all quizzes, and a trainer (an
 * ADMIN_IDS user, a chat administrator or creator; in a private chat, its user) may `/dungquiz`.
 *
 * A quiz ends, its results are posted and its polls closed, at the first of:
 * - the last poll has been answered by everyone who answered the first poll;
 * - a trainer sends /dungquiz;
 * - QUIZ_TIMEOUT_MS after /quiz. The timer lives in memory: after a restart, a quiz still running is
 *   picked up (new timer for the time left) or ended as soon as its chat uses a quiz command or
 *   answers one of its polls. Answers after the end do not count.
 */
import { randomInt } from "node:crypto";
import { Composer, type Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { pickQuiz } from "../../quiz/pick.js";
import type { QuizSession } from "../../storage/quizStore.js";
import type { QuizBank } from "../../quiz/types.js";
import { isAdmin } from "../access.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { errorFields } from "../logger.js";
import { displayName, parseQuizArgs, pollExplanation, pollQuestion } from "../quizPolls.js";
import type { QuizRun } from "../quizRuns.js";
import { TEXT, renderLeaderboard, renderQuizResults, type QuizResultsKind } from "../texts.js";
import { rejectArguments } from "./commands.js";

/** Quiz commands for Telegram's menu, shown to everyone (/dungquiz says who may use it). */
export const QUIZ_COMMANDS: BotCommand[] = [
  { command: "quiz", description: "Làm quiz trắc nghiệm: /quiz [số câu] [chủ đề]" },
  { command: "ketqua", description: "Kết quả quiz đang diễn ra hoặc vừa xong" },
  { command: "bangxephang", description: "Bảng xếp hạng quiz" },
  { command: "dungquiz", description: "Dừng quiz (người điều hành)" },
];

/** Players listed by /bangxephang. */
const LEADERBOARD_SIZE = 10;

/** Why a quiz ended. */
type EndReason = Extract<QuizResultsKind, "complete" | "timeout" | "stopped">;

/** A chat's quiz after the time-out check: the one still running, and whether one just ended. */
interface QuizState {
  running: { session: QuizSession; run: QuizRun } | null;
  /** True when a quiz whose time was up was ended (and its results posted) by this check. */
  hasJustEnded: boolean;
}

/**
 * The quiz bank of the index in service (the engine reads it once per generation); a bank that had to be
 * built in memory, or was partly unusable, is logged once per generation.
 */
function bankReader(deps: BotDeps): () => QuizBank {
  let logged: string | undefined;
  return () => {
    const { generation, bank, problem, isBuiltInMemory } = deps.engine.quizBank();
    if (logged !== generation) {
      logged = generation;
      if (isBuiltInMemory) deps.logger.warn("quiz bank built in memory", { generation, reason: problem?.reason, questions: bank.questions.length });
      else if (problem) deps.logger.warn("quiz bank partly unusable", { generation, reason: problem.reason });
    }
    return bank;
  };
}

export function quizFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { store, runs } = deps.quiz;
  const timeoutMs = deps.config.QUIZ_TIMEOUT_MS;
  const bankOf = bankReader(deps);

  /**
   * Ends a quiz and posts its results, then closes its polls. Of several callers racing to end the same
   * quiz (the timer, the last answers, /dungquiz) only the first gets past the synchronous check at
   * the top; the others get false.
   */
  async function endQuiz(api: Api, sessionId: number, chatId: number, reason: EndReason): Promise<boolean> {
    if (store.activeSession(chatId)?.id !== sessionId) return false;
    store.stopSession(chatId);
    const run = runs.end(sessionId, chatId);
    const results = store.sessionResults(sessionId);
    deps.logger.info("quiz ended", { chat_id: chatId, session_id: sessionId, reason, polls: results?.polls, players: results?.scores.length });
    if (results) await api.sendMessage(chatId, renderQuizResults(results, reason), { parse_mode: "HTML" });
    for (const messageId of run?.messageIds ?? []) {
      // Closed polls take no more votes, so nobody answers in vain. A poll already closed is fine.
      await api.stopPoll(chatId, messageId).catch((err: unknown) => deps.logger.debug("quiz poll not closed", { chat_id: chatId, message_id: messageId, ...errorFields(err) }));
    }
    return true;
  }

  /** Starts tracking a session in memory, with a timer that ends it after `leftMs`. */
  function track(api: Api, session: QuizSession, leftMs: number): QuizRun {
    return runs.begin(session, {
      timeoutMs: leftMs,
      onTimeout: () => {
        endQuiz(api, session.id, session.chatId, "timeout").catch((err: unknown) => {
          deps.logger.error("quiz results not delivered", { chat_id: session.chatId, session_id: session.id, ...errorFields(err) });
        });
      },
    });
  }

  /** The chat's running quiz, after ending it if its time is up; a quiz left running by a restart is picked up. */
  async function quizState(api: Api, chatId: number): Promise<QuizState> {
    const session = store.activeSession(chatId);
    if (!session) return { running: null, hasJustEnded: false };
    const leftMs = Date.parse(session.createdAt) + timeoutMs - Date.now();
    if (!(leftMs > 0)) {
      const hasJustEnded = await endQuiz(api, session.id, chatId, "timeout");
      return { running: null, hasJustEnded };
    }
    let run = runs.get(session.id);
    if (!run) {
      // Started before a restart: the poll order is gone, so only the timer (or /dungquiz) ends it.
      run = track(api, session, leftMs);
      run.isSendingDone = true;
      deps.logger.info("quiz picked up after restart", { chat_id: chatId, session_id: session.id, left_ms: leftMs });
    }
    return { running: { session, run }, hasJustEnded: false };
  }

  /** Trainers may stop a quiz: admins of the bot, administrators of the group, anyone in a private chat. */
  async function isTrainer(ctx: BotContext): Promise<boolean> {
    const chat = ctx.chat;
    if (!chat || chat.type === "private" || isAdmin(deps.config, ctx.from?.id)) return true;
    // An anonymous group administrator writes as the group itself.
    if (ctx.msg?.sender_chat?.id === chat.id) return true;
    if (!ctx.from) return false;
    const member = await ctx.getChatMember(ctx.from.id);
    return member.status === "administrator" || member.status === "creator";
  }

  composer.command("quiz", async (ctx) => {
    const request = parseQuizArgs(ctx.match);
    if (!request.ok) {
      ctx.state.outcome = "hint";
      await ctx.reply(request.problem === "count" ? TEXT.quizBadCount(request.given) : TEXT.quizBadTopic, { parse_mode: "HTML" });
      return;
    }
    const chatId = ctx.chat.id;
    if ((await quizState(ctx.api, chatId)).running) {
      ctx.state.outcome = "hint";
      await ctx.reply(TEXT.quizRunning);
      return;
    }
    const bank = bankOf();
    const questions = pickQuiz(bank, { n: request.count, seed: randomInt(2 ** 31), ...(request.topic ? { topic: request.topic } : {}) });
    if (questions.length === 0) {
      ctx.state.outcome = "hint";
      await ctx.reply(request.topic && bank.questions.length > 0 ? TEXT.quizNoTopicMatch(request.topic) : TEXT.quizNoBank, { parse_mode: "HTML" });
      return;
    }

    ctx.state.outcome = "command";
    const session = store.startSession(chatId, ctx.from?.id ?? 0, questions.map((q) => q.id));
    const run = track(ctx.api, session, timeoutMs);
    deps.logger.info("quiz started", { chat_id: chatId, session_id: session.id, polls: questions.length, has_topic: request.topic !== undefined });
    try {
      await ctx.reply(TEXT.quizIntro({ count: questions.length, topic: request.topic, asked: request.asked, timeoutMs }), { parse_mode: "HTML" });
      for (const [i, q] of questions.entries()) {
        if (runs.get(session.id) !== run) break;
        const message = await ctx.replyWithPoll(
          pollQuestion(q, i + 1, questions.length),
          q.options.map((text) => ({ text })),
          { type: "quiz", is_anonymous: false, correct_option_ids: [q.correct], explanation: pollExplanation(q) },
        );
        deps.bookkeeping.record(
          "recording a quiz poll",
          () => store.recordPoll({ pollId: message.poll.id, chatId, sessionId: session.id, questionId: q.id, correctOption: q.correct, messageId: message.message_id }),
          undefined,
        );
        run.addPoll(message.poll.id, message.message_id);
      }
    } catch (err) {
      // Without a single poll there is nothing to answer: the quiz is dropped, so /quiz works again.
      if (run.pollIds.length === 0 && store.activeSession(chatId)?.id === session.id) {
        store.stopSession(chatId);
        runs.end(session.id, chatId);
      }
      throw err;
    } finally {
      run.isSendingDone = true;
    }
    // Answers may have come in while the polls were being sent.
    if (run.isComplete()) await endQuiz(ctx.api, session.id, chatId, "complete");
  });

  composer.on("poll_answer", async (ctx, next) => {
    const answer = ctx.pollAnswer;
    const poll = store.poll(answer.poll_id);
    // Not one of ours, or an anonymous vote (the bot's quiz polls are never anonymous).
    if (!poll || !answer.user) return next();
    const voter = answer.user;
    const { running } = await quizState(ctx.api, poll.chatId);
    const outcome = deps.bookkeeping.record("recording a quiz answer", () => store.recordAnswer(poll.pollId, { id: voter.id, name: displayName(voter) }, answer.option_ids), null);
    if (!outcome?.counted) return;
    ctx.state.outcome = "scored";
    if (running?.session.id !== poll.sessionId) return;
    running.run.addAnswer(poll.pollId, voter.id);
    if (running.run.isComplete()) await endQuiz(ctx.api, poll.sessionId, poll.chatId, "complete");
  });

  composer.command("ketqua", async (ctx) => {
    if (!(await rejectArguments(ctx, "ketqua"))) return;
    ctx.state.outcome = "command";
    const { running, hasJustEnded } = await quizState(ctx.api, ctx.chat.id);
    if (hasJustEnded) return; // its results were just posted
    const sessionId = running?.session.id ?? runs.lastFinishedIn(ctx.chat.id);
    const results = sessionId === undefined ? null : store.sessionResults(sessionId);
    if (!results || results.polls === 0) {
      await ctx.reply(TEXT.quizNoResults);
      return;
    }
    await ctx.reply(renderQuizResults(results, running ? "running" : "last"), { parse_mode: "HTML" });
  });

  composer.command("bangxephang", async (ctx) => {
    if (!(await rejectArguments(ctx, "bangxephang"))) return;
    ctx.state.outcome = "command";
    await ctx.reply(renderLeaderboard(store.leaderboard(ctx.chat.id, LEADERBOARD_SIZE)), { parse_mode: "HTML" });
  });

  composer.command("dungquiz", async (ctx) => {
    if (!(await rejectArguments(ctx, "dungquiz"))) return;
    const { running, hasJustEnded } = await quizState(ctx.api, ctx.chat.id);
    if (!running) {
      ctx.state.outcome = "hint";
      if (!hasJustEnded) await ctx.reply(TEXT.quizNotRunning);
      return;
    }
    if (!(await isTrainer(ctx))) {
      ctx.state.outcome = "refused";
      await ctx.reply(TEXT.quizStopRefused);
      return;
    }
    ctx.state.outcome = "command";
    await endQuiz(ctx.api, running.session.id, ctx.chat.id, "stopped");
  });

  return composer;
}
