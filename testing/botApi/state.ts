/**
 * What the emulated Telegram remembers: chats and their messages (edits applied), users, chat member
 * statuses, files, polls, callback queries, command menus and the webhook. Method handlers and user
 * actions read and change it; it checks nothing itself.
 */
import type { BotCommand, Message, User, UserFromGetMe } from "grammy/types";
import type { ChatMemberStatus, UserChat, UserMessage } from "./types.js";

/** A chat and its messages. */
export interface ChatState {
  chat: UserChat;
  nextMessageId: number;
  messages: Map<number, Message>;
}

/** A file kept for getFile and its download URL. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  bytes: Buffer;
}

/** Telegram's clock: seconds since the epoch. */
export function nowS(): number {
  return Math.floor(Date.now() / 1000);
}

export class TelegramState {
  /** The bot as the author of its messages. */
  readonly botUser: User;
  readonly chats = new Map<number, ChatState>();
  readonly users = new Map<number, User>();
  /** Keyed `${chatId}:${userId}`. */
  readonly memberStatus = new Map<string, ChatMemberStatus>();
  readonly files = new Map<string, StoredFile>();
  readonly polls = new Map<string, { chatId: number; messageId: number }>();
  readonly callbackQueries = new Map<string, { answered: boolean }>();
  readonly commands = new Map<string, BotCommand[]>();
  webhookUrl = "";
  private nextId = 1;

  constructor(readonly botInfo: UserFromGetMe) {
    this.botUser = { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username };
    this.users.set(botInfo.id, this.botUser);
  }

  /** The next number of the one sequence that callback query, file and poll ids are made from. */
  newId(): number {
    return this.nextId++;
  }

  /** A chat's state, made known on first use. */
  chatState(chat: UserChat): ChatState {
    let state = this.chats.get(chat.id);
    if (state === undefined) {
      state = { chat, nextMessageId: 1, messages: new Map() };
      this.chats.set(chat.id, state);
    }
    return state;
  }

  /** Stores a message a user sends in `chat`. */
  userMessage(from: User, chat: UserChat, content: Partial<Message>): UserMessage {
    this.users.set(from.id, from);
    const state = this.chatState(chat);
    const message: UserMessage = { ...content, message_id: state.nextMessageId++, from, chat: state.chat, date: nowS() };
    state.messages.set(message.message_id, message);
    return message;
  }

  storeFile(folder: string, fileName: string, bytes: Buffer): StoredFile {
    const n = this.newId();
    const extension = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1] ?? "dat";
    const file: StoredFile = {
      fileId: `BQACAgUAAxkBAAI${n.toString(36).padStart(6, "0")}emu`,
      fileUniqueId: `AgAD${n.toString(36).padStart(4, "0")}`,
      filePath: `${folder}/file_${n}.${extension}`,
      bytes,
    };
    this.files.set(file.fileId, file);
    return file;
  }
}
