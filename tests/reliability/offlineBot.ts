/**
 * The real bot (createBot, every feature, the real middleware) driven in-process without HTTP: updates
 * go in through `bot.handleUpdate`, and an API transformer answers every call at once while checking it
 * the way Telegram would (HTML that parses, 4,096 characters after entity parsing, callback data of at
 * most 64 bytes, callback answers of at most 200 characters). Thousands of updates a second instead of
 * the emulator's hundreds, for the fuzz test.
 */
import type { Bot } from "grammy";
import type { Chat, Message, Poll, Update, User, UserFromGetMe } from "grammy/types";
import type { BotContext } from "../../src/bot/context.js";
import type { LogFields, Logger } from "../../src/bot/logger.js";
import { userTextEntities } from "../../testing/botApi/userActions.js";
import { CALLBACK_DATA_MAX_BYTES, POLL_EXPLANATION_MAX, POLL_OPTION_MAX, POLL_OPTIONS_MAX, POLL_QUESTION_MAX } from "../../testing/botApi/validation.js";
import { TELEGRAM_MESSAGE_LIMIT, validateTelegramHtml } from "../../testing/telegramHtml.js";
import { hasLoneSurrogate } from "./fuzzInputs.js";

/** A call the bot made, as it passed it to the API. */
export interface OfflineCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A log line written through {@link collectingLogger}. */
export interface CollectedLog {
  level: string;
  msg: string;
  fields: LogFields;
}

/** A Logger that keeps every line in memory (at debug level, so nothing is skipped). */
export function collectingLogger(): Logger & { lines: CollectedLog[] } {
  const lines: CollectedLog[] = [];
  const write = (level: string) => (msg: string, fields: LogFields = {}) => {
    lines.push({ level, msg, fields });
  };
  return { level: "debug", isDebug: true, lines, debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

/** Longest text of a callback answer (the emulator does not check it). */
const CALLBACK_ANSWER_MAX_CHARS = 200;

/** Why Telegram would refuse a call, or null when it would accept it. */
export function refusal(call: OfflineCall): string | null {
  const { method, payload } = call;
  if (method === "sendMessage" || method === "editMessageText") {
    const text = payload.text;
    if (typeof text !== "string") return "text is not a string";
    if (payload.parse_mode === "HTML") {
      const parsed = validateTelegramHtml(text);
      if (!parsed.ok) return parsed.error;
      if (parsed.text.trim() === "") return "message text is empty";
    } else {
      if (payload.parse_mode !== undefined) return `unexpected parse_mode ${String(payload.parse_mode)}`;
      if (hasLoneSurrogate(text)) return "Text contains invalid Unicode characters";
      if (text.length > TELEGRAM_MESSAGE_LIMIT) return "message is too long";
      if (text.trim() === "") return "message text is empty";
    }
    const markup = payload.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: unknown }>> } | undefined;
    for (const button of markup?.inline_keyboard?.flat() ?? []) {
      const data = button.callback_data;
      if (data !== undefined && (typeof data !== "string" || data === "" || Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES)) return "BUTTON_DATA_INVALID";
    }
  }
  if (method === "sendPoll") {
    const question = payload.question;
    const options = Array.isArray(payload.options) ? payload.options.map((o: unknown) => (typeof o === "string" ? o : (o as { text?: unknown }).text)) : [];
    if (typeof question !== "string" || question.trim() === "" || question.length > POLL_QUESTION_MAX || hasLoneSurrogate(question)) return "poll question is invalid";
    if (options.length < 2 || options.length > POLL_OPTIONS_MAX) return "poll must have 2 to 10 options";
    if (options.some((o) => typeof o !== "string" || o.trim() === "" || o.length > POLL_OPTION_MAX || hasLoneSurrogate(o))) return "poll option is invalid";
    const explanation = payload.explanation;
    if (explanation !== undefined && (typeof explanation !== "string" || explanation.length > POLL_EXPLANATION_MAX)) return "poll explanation is too long";
    if (payload.type === "quiz") {
      const correct = Array.isArray(payload.correct_option_ids) ? payload.correct_option_ids : [payload.correct_option_id];
      if (correct.length === 0 || correct.some((i) => !Number.isInteger(i) || (i as number) < 0 || (i as number) >= options.length)) return "QUIZ_CORRECT_ANSWER_INVALID";
    }
  }
  if (method === "answerCallbackQuery") {
    const text = payload.text;
    if (text !== undefined && (typeof text !== "string" || text.length > CALLBACK_ANSWER_MAX_CHARS || hasLoneSurrogate(text))) return "callback answer text is invalid";
  }
  return null;
}

/** Answers the bot's API calls in-process; see the module comment. */
export class OfflineTelegram {
  readonly calls: OfflineCall[] = [];
  /** Calls Telegram would have refused, with the reason. */
  readonly refused: Array<OfflineCall & { reason: string }> = [];
  private nextMessageId = 1;

  constructor(readonly botInfo: UserFromGetMe) {}

  /** Installs the transformer; the bot then never opens a connection. */
  install(bot: Bot<BotContext>): void {
    bot.api.config.use(async (_prev, method, payload) => {
      const call: OfflineCall = { method, payload: { ...(payload as Record<string, unknown>) } };
      this.calls.push(call);
      const reason = refusal(call);
      if (reason !== null) {
        this.refused.push({ ...call, reason });
        return { ok: false, error_code: 400, description: `Bad Request: ${reason}` };
      }
      // The transformer's result type depends on the method; every call here is answered generically.
      return { ok: true, result: this.result(call) } as unknown as Awaited<ReturnType<typeof _prev>>;
    });
  }

  /** Ids of the polls sent so far, for poll answers that name a real poll. */
  readonly pollIds: string[] = [];

  private result(call: OfflineCall): unknown {
    const { method, payload } = call;
    const chatId = Number(payload.chat_id);
    const chat: Chat = chatId > 0 ? { id: chatId, type: "private", first_name: "User" } : { id: chatId, type: "supergroup", title: "Group" };
    const message = { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: this.botMessageAuthor() };
    switch (method) {
      case "sendMessage":
      case "editMessageText":
        return { ...message, text: payload.text };
      case "sendPoll": {
        const poll = this.poll(payload);
        this.pollIds.push(poll.id);
        return { ...message, poll };
      }
      case "stopPoll":
        return { ...this.poll(payload), is_closed: true };
      case "getChatMember":
        return { status: "member", user: { id: Number(payload.user_id), is_bot: false, first_name: "Member" } };
      default:
        return true;
    }
  }

  private poll(payload: Record<string, unknown>): Poll {
    const options = Array.isArray(payload.options) ? payload.options : [];
    return {
      id: String(5_000_000_000_000 + this.nextMessageId++),
      question: String(payload.question ?? "?"),
      options: options.map((o: unknown, i) => ({ persistent_id: String(i), text: String(typeof o === "string" ? o : (o as { text?: unknown }).text), voter_count: 0 })),
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: payload.is_anonymous !== false,
      type: payload.type === "quiz" ? "quiz" : "regular",
      allows_multiple_answers: false,
    } as Poll;
  }

  private botMessageAuthor(): User {
    return { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username };
  }

  /** A message from the bot in `chat`, for callbacks and replies. */
  botMessage(chat: Chat, text = "✅ Trả lời"): Message {
    return { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: this.botMessageAuthor(), text };
  }
}

/** Builds updates as Telegram would deliver them. */
export class UpdateFactory {
  private nextUpdateId = 1;
  private nextMessageId = 1_000_000;

  message(from: User, chat: Chat, text: string, replyTo?: Message): Update {
    const entities = userTextEntities(text);
    const message: Message = { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from, text } as Message;
    if (entities.length > 0) message.entities = entities;
    if (replyTo !== undefined) message.reply_to_message = { ...replyTo, reply_to_message: undefined } as Message["reply_to_message"];
    return { update_id: this.nextUpdateId++, message } as Update;
  }

  edited(from: User, chat: Chat, text: string): Update {
    const { message } = this.message(from, chat, text) as { message: Message };
    return { update_id: this.nextUpdateId++, edited_message: { ...message, edit_date: Math.floor(Date.now() / 1000) } } as Update;
  }

  callback(from: User, message: Message, data: string): Update {
    return {
      update_id: this.nextUpdateId++,
      callback_query: { id: String(this.nextUpdateId * 7919), from, message, chat_instance: String(message.chat.id), data },
    } as Update;
  }

  pollAnswer(from: User, pollId: string, optionIds: number[]): Update {
    return { update_id: this.nextUpdateId++, poll_answer: { poll_id: pollId, user: from, option_ids: optionIds, option_persistent_ids: optionIds.map(String) } } as Update;
  }
}
