/**
 * The emulator's public types: faults to inject, recorded calls, the updates and uploads tests build,
 * and the {@link BotApiEmulator} interface itself.
 */
import type { Chat, ChatMember, Message, Update, User, UserFromGetMe } from "grammy/types";

/** A failure to inject into the next call(s) of a method; see {@link BotApiEmulator.failNext}. */
export type Fault =
  /** Telegram's flood control: HTTP 429 with `parameters.retry_after`. */
  | { kind: "429"; retryAfterS: number }
  /** Telegram's own trouble: HTTP 500 "Internal Server Error". */
  | { kind: "500" }
  /** The connection is destroyed without an answer (grammY sees an `HttpError`). */
  | { kind: "drop" }
  /** The call is answered normally, `delayMs` late; it still counts as delivered. */
  | { kind: "slow"; delayMs: number }
  /** Any other refusal, e.g. `{ errorCode: 403, description: "Forbidden: bot was blocked by the user" }`. */
  | { kind: "error"; errorCode: number; description: string };

/** Parameters of a call as the emulator understood them (form fields holding JSON are parsed). */
export type ApiParams = Record<string, unknown>;

/** A file the bot uploaded in a multipart request. */
export interface UploadedFile {
  kind: "upload";
  fileName: string;
  bytes: Buffer;
}

/** One call the bot made, recorded when it was answered (or dropped, or abandoned by the bot). */
export interface RecordedCall {
  /** Position in {@link BotApiEmulator.calls}. */
  seq: number;
  /** Method name as the Bot API spells it (`sendMessage`), whatever case the client used. */
  method: string;
  params: ApiParams;
  /** When the request arrived, in ms since the epoch. */
  at: number;
  /** True when Telegram would have answered `ok: true` and the answer was sent. */
  ok: boolean;
  fault?: Fault;
  errorCode?: number;
  description?: string;
  /** The `result` Telegram would return: a Message for sends, the Update list for getUpdates, … */
  result?: unknown;
  /** The client went away (e.g. grammY aborted a long poll on `bot.stop()`) before it got an answer. */
  aborted?: boolean;
}

/** A chat a user can write to the bot from (channels are out of scope). */
export type UserChat = Exclude<Chat, Chat.ChannelChat>;

/** A message sent by a user, as it appears in an update. */
export type UserMessage = Message & Update.NonChannel;

/** An update known to carry the field `K`. */
export type UpdateWith<K extends keyof Update> = Update & { [P in K]-?: NonNullable<Update[P]> };

export type ChatMemberStatus = ChatMember["status"];

/** Kinds of non-text messages {@link BotApiEmulator.sendNonText} can build. */
export type NonTextKind = "photo" | "sticker" | "voice" | "video" | "location" | "contact";

/** A document a user sends to the bot. */
export interface DocumentUpload {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  caption?: string;
}

/** A photo a user sends: Telegram offers it in several sizes, the given one being the largest. */
export interface PhotoUpload {
  bytes: Uint8Array;
  width: number;
  height: number;
  caption?: string;
}

/** Extras for {@link BotApiEmulator.sendText}. */
export interface TextExtra {
  /** Makes the message a reply to this one (e.g. to a message the bot sent). */
  replyTo?: Message;
}

/** Options for {@link BotApiEmulator.waitFor}. */
export interface WaitForOptions {
  /** How long to wait; default 5000 ms. */
  timeoutMs?: number;
  /** Only consider calls from this position on (pass `emulator.calls.length` taken before acting). */
  fromIndex?: number;
}

/** Options for {@link startBotApiEmulator}. */
export interface BotApiEmulatorOptions {
  /** The token the bot must use; the digits before ":" are the bot's user id. */
  token?: string;
  /** The bot's username without "@"; default "tro_ly_test_bot". */
  username?: string;
}

/** A running emulator; see the module comment for an example. */
export interface BotApiEmulator {
  /** `http://127.0.0.1:PORT`, without a trailing slash, for grammY's `client.apiRoot`. */
  readonly url: string;
  readonly token: string;
  /** What `getMe` answers. */
  readonly botInfo: UserFromGetMe;
  /** Every call so far, in the order they were answered. */
  readonly calls: readonly RecordedCall[];
  /** Successful calls of `method`, or of every message-producing method when omitted. */
  delivered(method?: string): RecordedCall[];
  /** Resolves with the first call (already recorded or future) that matches, or rejects listing all calls. */
  waitFor(predicate: (call: RecordedCall) => boolean, options?: WaitForOptions): Promise<RecordedCall>;
  /** Makes the next `times` calls of `method` fail with `fault` (429/500/drop/error) or arrive late (slow). */
  failNext(method: string, fault: Fault, times?: number): void;
  /** Methods of the requests being handled right now (a waiting long poll shows as "getUpdates"). */
  inFlight(): string[];
  /** Updates queued and not yet confirmed by the bot through getUpdates' `offset`. */
  pendingUpdates(): readonly Update[];
  /** The messages of a chat as they stand now (edits applied), oldest first. */
  chatHistory(chatId: number): Message[];
  /** Makes a chat known without an update, e.g. an admin chat the bot writes to first. */
  registerChat(chat: UserChat): void;
  /** What getChatMember answers for this user in this chat; default "member". */
  setChatMemberStatus(chatId: number, userId: number, status: ChatMemberStatus): void;

  /** A user writes `text`; "/cmd" gets a bot_command entity and "@username" a mention entity. */
  sendText(from: User, chat: UserChat, text: string, extra?: TextExtra): UpdateWith<"message">;
  /** A user edits one of their earlier messages. */
  sendEditedText(message: UserMessage, text: string): UpdateWith<"edited_message">;
  /** A user presses an inline button with `data` under `message`. */
  sendCallback(from: User, message: Message, data: string): UpdateWith<"callback_query">;
  /** A user votes in a poll (an empty `optionIds` retracts the vote). */
  sendPollAnswer(from: User, pollId: string, optionIds: number[]): UpdateWith<"poll_answer">;
  /** A user sends a file; getFile and the download URL serve its bytes. */
  sendDocument(from: User, chat: UserChat, document: DocumentUpload): UpdateWith<"message">;
  /** A user sends a photo: a thumbnail and the photo itself, as Telegram does. */
  sendPhoto(from: User, chat: UserChat, photo: PhotoUpload): UpdateWith<"message">;
  /** A user sends a message without text (photo, sticker, voice…). */
  sendNonText(from: User, chat: UserChat, kind: NonTextKind): UpdateWith<"message">;
  /** Queues any other update; `update_id` is filled in. */
  enqueueUpdate(update: Omit<Update, "update_id">): Update;

  /** Answers pending long polls with no updates, then stops the server and drops every connection. */
  close(): Promise<void>;
}
