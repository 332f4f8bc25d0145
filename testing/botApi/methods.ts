/**
 * The Bot API methods the emulator answers, each checking its parameters as Telegram does
 * (validation.ts) before changing the state (state.ts). A method not listed answers 404, as Telegram
 * does for a misspelt method.
 */
import type { ChatFullInfo, ChatMember, File as TelegramFile, Message, Poll, User } from "grammy/types";
import { user } from "./builders.js";
import { isUpload } from "./http.js";
import type { UpdateQueue } from "./longPoll.js";
import { nowS, type ChatState, type StoredFile, type TelegramState } from "./state.js";
import type { ApiParams, ChatMemberStatus, UserChat } from "./types.js";
import {
  CHAT_ACTIONS,
  GET_FILE_MAX_BYTES,
  POLL_EXPLANATION_MAX,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POLL_QUESTION_MAX,
  badRequest,
  checkCommands,
  checkReplyMarkup,
  commandsKey,
  formatText,
  isRecord,
  readBool,
  readInt,
  readString,
  sameContent,
} from "./validation.js";
import { TELEGRAM_CAPTION_LIMIT, TELEGRAM_MESSAGE_LIMIT } from "../telegramHtml.js";

/** Answers one call: its result, or a TelegramError. `signal` aborts when the client goes away. */
export type Handler = (params: ApiParams, signal: AbortSignal) => unknown;

/** A method: its name as the Bot API spells it, and its handler. */
export interface Route {
  name: string;
  handler: Handler;
}

export class MethodHandlers {
  constructor(
    private readonly telegram: TelegramState,
    private readonly updates: UpdateQueue,
  ) {}

  /** Every method, by its name in lower case (the Bot API's method names are case-insensitive). */
  routes(): Map<string, Route> {
    const handlers: Record<string, Handler> = {
      getMe: () => this.telegram.botInfo,
      getUpdates: (p, signal) => this.updates.getUpdates(p, signal),
      setWebhook: (p) => {
        const url = readString(p, "url") ?? "";
        if (url !== "" && !/^https:\/\//.test(url)) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        this.telegram.webhookUrl = url;
        return true;
      },
      deleteWebhook: (p) => {
        this.telegram.webhookUrl = "";
        if (readBool(p, "drop_pending_updates") === true) this.updates.dropPending();
        return true;
      },
      getWebhookInfo: () => ({ url: this.telegram.webhookUrl, has_custom_certificate: false, pending_update_count: this.updates.size }),
      setMyCommands: (p) => {
        this.telegram.commands.set(commandsKey(p), checkCommands(p.commands));
        return true;
      },
      getMyCommands: (p) => this.telegram.commands.get(commandsKey(p)) ?? [],
      deleteMyCommands: (p) => {
        this.telegram.commands.delete(commandsKey(p));
        return true;
      },
      sendChatAction: (p) => {
        this.requireChat(p);
        if (!CHAT_ACTIONS.has(readString(p, "action") ?? "")) throw badRequest("wrong parameter action in request");
        return true;
      },
      answerCallbackQuery: (p) => {
        const query = this.telegram.callbackQueries.get(readString(p, "callback_query_id") ?? "");
        if (query === undefined || query.answered) {
          throw badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        query.answered = true;
        return true;
      },
      sendMessage: (p) => this.sendMessage(p),
      editMessageText: (p) => this.editMessageText(p),
      editMessageReplyMarkup: (p) => this.editMessageReplyMarkup(p),
      sendPoll: (p) => this.sendPoll(p),
      stopPoll: (p) => this.stopPoll(p),
      sendDocument: (p) => this.sendBotDocument(p),
      getChat: (p) => fullInfo(this.requireChat(p).chat),
      getChatMember: (p) => {
        const chat = this.requireChat(p).chat;
        const userId = readInt(p, "user_id");
        if (userId === undefined) throw badRequest("user not found");
        const member = this.telegram.users.get(userId) ?? user(userId);
        return chatMember(member, this.telegram.memberStatus.get(`${chat.id}:${userId}`) ?? "member");
      },
      getFile: (p) => {
        const file = this.telegram.files.get(readString(p, "file_id") ?? "");
        if (file === undefined) throw badRequest("invalid file_id");
        if (file.bytes.length > GET_FILE_MAX_BYTES) throw badRequest("file is too big");
        const result: TelegramFile = { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, file_path: file.filePath };
        return result;
      },
      close: () => true,
      logOut: () => true,
    };
    return new Map(Object.entries(handlers).map(([name, handler]) => [name.toLowerCase(), { name, handler }]));
  }

  private requireChat(params: ApiParams): ChatState {
    const raw = params.chat_id;
    if (raw === undefined || raw === null || raw === "") throw badRequest("chat_id is empty");
    const id = typeof raw === "number" ? raw : typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    const state =
      id !== undefined
        ? this.telegram.chats.get(id)
        : [...this.telegram.chats.values()].find((s) => s.chat.type !== "group" && `@${s.chat.username ?? ""}` === raw);
    if (state === undefined) throw badRequest("chat not found");
    return state;
  }

  private requireBotMessage(params: ApiParams, notFound: string): { state: ChatState; message: Message } {
    const state = this.requireChat(params);
    const message = state.messages.get(readInt(params, "message_id") ?? 0);
    if (message === undefined) throw badRequest(notFound);
    if (message.from?.id !== this.telegram.botInfo.id) throw badRequest("message can't be edited");
    return { state, message };
  }

  private sendMessage(p: ApiParams): Message {
    const state = this.requireChat(p);
    const formatted = formatText(p, "text", "parse_mode", "entities");
    if (formatted.text.trim() === "") throw badRequest("message text is empty");
    if (formatted.text.length > TELEGRAM_MESSAGE_LIMIT) throw badRequest("message is too long");
    const content: Partial<Message> = { text: formatted.text };
    if (formatted.entities.length > 0) content.entities = formatted.entities;
    return this.botMessage(state, content, p);
  }

  private editMessageText(p: ApiParams): Message | true {
    const formatted = formatText(p, "text", "parse_mode", "entities");
    if (formatted.text.trim() === "") throw badRequest("message text is empty");
    if (formatted.text.length > TELEGRAM_MESSAGE_LIMIT) throw badRequest("message is too long");
    const markup = checkReplyMarkup(p.reply_markup, true);
    if (readString(p, "inline_message_id") !== undefined) return true;

    const { state, message } = this.requireBotMessage(p, "message to edit not found");
    if (message.text === undefined) throw badRequest("there is no text in the message to edit");
    const edited: Message = { ...message, text: formatted.text, edit_date: nowS() };
    delete edited.entities;
    delete edited.reply_markup;
    if (formatted.entities.length > 0) edited.entities = formatted.entities;
    if (markup !== undefined) edited.reply_markup = markup;
    return storeEdit(state, message, edited);
  }

  private editMessageReplyMarkup(p: ApiParams): Message | true {
    const markup = checkReplyMarkup(p.reply_markup, true);
    if (readString(p, "inline_message_id") !== undefined) return true;
    const { state, message } = this.requireBotMessage(p, "message to edit not found");
    const edited: Message = { ...message, edit_date: nowS() };
    delete edited.reply_markup;
    if (markup !== undefined) edited.reply_markup = markup;
    return storeEdit(state, message, edited);
  }

  private sendPoll(p: ApiParams): Message {
    const state = this.requireChat(p);
    const question = readString(p, "question") ?? "";
    if (question.trim() === "") throw badRequest("poll question must be non-empty");
    if (question.length > POLL_QUESTION_MAX) throw badRequest(`poll question length must not exceed ${POLL_QUESTION_MAX}`);
    const rawOptions = Array.isArray(p.options) ? p.options : [];
    const texts = rawOptions.map((o) => (typeof o === "string" ? o : isRecord(o) && typeof o.text === "string" ? o.text : ""));
    if (texts.length < POLL_OPTIONS_MIN) throw badRequest(`poll must have at least ${POLL_OPTIONS_MIN} option`);
    if (texts.length > POLL_OPTIONS_MAX) throw badRequest(`poll can't have more than ${POLL_OPTIONS_MAX} options`);
    if (texts.some((t) => t.trim() === "")) throw badRequest("poll options must be non-empty");
    if (texts.some((t) => t.length > POLL_OPTION_MAX)) throw badRequest(`poll options length must not exceed ${POLL_OPTION_MAX}`);

    const type = readString(p, "type") ?? "regular";
    if (type !== "regular" && type !== "quiz") throw badRequest("wrong poll type specified");
    const explanation = readString(p, "explanation");
    if (explanation !== undefined && explanation.length > POLL_EXPLANATION_MAX) {
      throw badRequest(`poll explanation length must not exceed ${POLL_EXPLANATION_MAX}`);
    }
    // Older clients send correct_option_id; the current Bot API takes correct_option_ids.
    const single = readInt(p, "correct_option_id");
    const correct = Array.isArray(p.correct_option_ids) ? p.correct_option_ids.map(Number) : single !== undefined ? [single] : [];
    if (type === "quiz" && correct.length === 0) throw badRequest("QUIZ_CORRECT_ANSWERS_EMPTY");
    if (correct.some((i) => !Number.isInteger(i) || i < 0 || i >= texts.length)) throw badRequest("QUIZ_CORRECT_ANSWER_INVALID");

    const poll: Poll = {
      id: `${5_000_000_000_000 + this.telegram.newId()}`,
      question,
      options: texts.map((text, i) => ({ persistent_id: String(i), text, voter_count: 0 })),
      total_voter_count: 0,
      is_closed: readBool(p, "is_closed") ?? false,
      is_anonymous: readBool(p, "is_anonymous") ?? true,
      type,
      allows_multiple_answers: readBool(p, "allows_multiple_answers") ?? false,
      allows_revoting: readBool(p, "allows_revoting") ?? false,
      members_only: readBool(p, "members_only") ?? false,
    };
    if (type === "quiz") poll.correct_option_ids = correct;
    if (explanation !== undefined) poll.explanation = explanation;
    const message = this.botMessage(state, { poll }, p);
    this.telegram.polls.set(poll.id, { chatId: state.chat.id, messageId: message.message_id });
    return message;
  }

  private stopPoll(p: ApiParams): Poll {
    const state = this.requireChat(p);
    const message = state.messages.get(readInt(p, "message_id") ?? 0);
    if (message?.poll === undefined) throw badRequest("message with poll to stop not found");
    if (message.from?.id !== this.telegram.botInfo.id) throw badRequest("poll can't be stopped");
    if (message.poll.is_closed) throw badRequest("poll has already been closed");
    const poll: Poll = { ...message.poll, is_closed: true };
    const markup = checkReplyMarkup(p.reply_markup, true);
    const stopped: Message = { ...message, poll };
    delete stopped.reply_markup;
    if (markup !== undefined) stopped.reply_markup = markup;
    state.messages.set(message.message_id, stopped);
    return poll;
  }

  private sendBotDocument(p: ApiParams): Message {
    const state = this.requireChat(p);
    const raw = p.document;
    let file: StoredFile;
    let fileName: string;
    if (isUpload(raw)) {
      fileName = raw.fileName;
      file = this.telegram.storeFile("documents", raw.fileName, raw.bytes);
    } else if (typeof raw === "string" && this.telegram.files.has(raw)) {
      const known = this.telegram.files.get(raw);
      if (known === undefined) throw badRequest("wrong file identifier/HTTP URL specified");
      file = known;
      fileName = known.filePath.split("/").pop() ?? "file";
    } else if (typeof raw === "string" && /^https?:\/\//.test(raw)) {
      fileName = decodeURIComponent(new URL(raw).pathname.split("/").pop() ?? "") || "file";
      file = this.telegram.storeFile("documents", fileName, Buffer.from(`downloaded from ${raw}`));
    } else if (raw === undefined || raw === "") {
      throw badRequest("there is no document in the request");
    } else {
      throw badRequest("wrong file identifier/HTTP URL specified");
    }
    const caption = formatText(p, "caption", "parse_mode", "caption_entities");
    if (caption.text.length > TELEGRAM_CAPTION_LIMIT) throw badRequest("message caption is too long");
    const content: Partial<Message> = {
      document: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_name: fileName,
        mime_type: guessMimeType(fileName),
        file_size: file.bytes.length,
      },
    };
    if (caption.text !== "") content.caption = caption.text;
    if (caption.entities.length > 0) content.caption_entities = caption.entities;
    return this.botMessage(state, content, p);
  }

  /** Stores and returns a message the bot sends, after the checks every send shares. */
  private botMessage(state: ChatState, content: Partial<Message>, p: ApiParams): Message {
    const markup = checkReplyMarkup(p.reply_markup, false);
    const replyParameters = isRecord(p.reply_parameters) ? p.reply_parameters : {};
    const replyToId = readInt(replyParameters, "message_id") ?? readInt(p, "reply_to_message_id");
    const allowWithoutReply = readBool(replyParameters, "allow_sending_without_reply") ?? readBool(p, "allow_sending_without_reply") ?? false;
    const repliedTo = replyToId === undefined ? undefined : state.messages.get(replyToId);
    if (replyToId !== undefined && repliedTo === undefined && !allowWithoutReply) {
      throw badRequest("message to be replied not found");
    }
    const message: Message = { ...content, message_id: state.nextMessageId++, from: this.telegram.botUser, chat: state.chat, date: nowS() };
    if (repliedTo !== undefined) message.reply_to_message = { ...repliedTo, reply_to_message: undefined };
    if (markup !== undefined) message.reply_markup = markup;
    state.messages.set(message.message_id, message);
    return message;
  }
}

/** Keeps an edited message in place of `message`; Telegram refuses an edit that changes nothing. */
function storeEdit(state: ChatState, message: Message, edited: Message): Message {
  if (sameContent(message, edited)) {
    throw badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }
  state.messages.set(message.message_id, edited);
  return edited;
}

function fullInfo(chat: UserChat): ChatFullInfo {
  const common = {
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false, gifts_from_channels: false },
  };
  return { ...chat, ...common };
}

function chatMember(member: User, status: ChatMemberStatus): ChatMember {
  switch (status) {
    case "creator":
      return { status, user: member, is_anonymous: false };
    case "administrator":
      return {
        status, user: member, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
        can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
        can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
        can_pin_messages: true, can_send_welcome_messages: false,
      };
    case "restricted":
      return {
        status, user: member, is_member: true, can_send_messages: false, can_send_audios: false, can_send_documents: false,
        can_send_photos: false, can_send_videos: false, can_send_video_notes: false, can_send_voice_notes: false,
        can_send_polls: false, can_send_other_messages: false, can_add_web_page_previews: false, can_react_to_messages: false,
        can_change_info: false, can_invite_users: false, can_edit_tag: false, can_pin_messages: false, can_manage_topics: false,
        until_date: 0,
      };
    case "kicked":
      return { status, user: member, until_date: 0 };
    case "member":
    case "left":
      return { status, user: member };
  }
}
function guessMimeType(fileName: string): string {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const known: Record<string, string> = {
    pdf: "application/pdf",
    txt: "text/plain",
    md: "text/markdown",
    json: "application/json",
    csv: "text/csv",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
  return known[extension] ?? "application/octet-stream";
}
