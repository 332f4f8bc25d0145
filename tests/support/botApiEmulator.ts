/**
 * A Telegram Bot API server for end-to-end tests: the real bot talks real HTTP to it
 * (`new Bot(token, { client: { apiRoot: emulator.url } })`), and tests push updates in, inject
 * faults, and read back every call the bot made.
 *
 * It refuses what Telegram refuses (bad HTML, over-long text, oversized callback data, malformed
 * polls, unknown chats and messages) with Telegram's status codes and descriptions, so a bug that
 * would only show up in production shows up here. It is deliberately not a full Bot API: methods it
 * does not know answer 404, as Telegram does for a misspelt method.
 *
 * @example
 * const emulator = await startBotApiEmulator();
 * const bot = new Bot(emulator.token, { client: { apiRoot: emulator.url } });
 * bot.on("message:text", (ctx) => ctx.reply("xin chào"));
 * void bot.start();
 * const alice = user(1);
 * emulator.sendText(alice, privateChat(alice), "hello");
 * const reply = await emulator.waitFor((c) => c.method === "sendMessage" && c.ok);
 * await bot.stop();
 * await emulator.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  BotCommand,
  CallbackQuery,
  Chat,
  ChatFullInfo,
  ChatMember,
  File as TelegramFile,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  Poll,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import { TELEGRAM_CAPTION_LIMIT, TELEGRAM_MESSAGE_LIMIT, validateTelegramHtml } from "./telegramHtml.js";

// ─── Public types ────────────────────────────────────────────────────────────────────────────────

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

// ─── Builders ────────────────────────────────────────────────────────────────────────────────────

/** A human user; `firstName` defaults to "User <id>". */
export function user(
  id: number,
  opts: { firstName?: string; lastName?: string; username?: string; languageCode?: string } = {},
): User {
  const built: User = { id, is_bot: false, first_name: opts.firstName ?? `User ${id}`, language_code: opts.languageCode ?? "vi" };
  if (opts.lastName !== undefined) built.last_name = opts.lastName;
  if (opts.username !== undefined) built.username = opts.username;
  return built;
}

/** The private chat between `who` and the bot (its id is the user's id, as on Telegram). */
export function privateChat(who: User): Chat.PrivateChat {
  const chat: Chat.PrivateChat = { id: who.id, type: "private", first_name: who.first_name };
  if (who.last_name !== undefined) chat.last_name = who.last_name;
  if (who.username !== undefined) chat.username = who.username;
  return chat;
}

/** A group; ids from -1000000000000 down are supergroups, as on Telegram. */
export function groupChat(id: number, title: string): Chat.GroupChat | Chat.SupergroupChat {
  if (id >= 0) throw new Error(`groupChat: group ids are negative on Telegram, got ${id}`);
  return id <= -1_000_000_000_000 ? { id, type: "supergroup", title } : { id, type: "group", title };
}

// ─── Telegram's limits and refusals ──────────────────────────────────────────────────────────────

const CALLBACK_DATA_MAX_BYTES = 64;
const POLL_QUESTION_MAX = 300;
const POLL_OPTIONS_MIN = 2;
const POLL_OPTIONS_MAX = 10;
const POLL_OPTION_MAX = 100;
const POLL_EXPLANATION_MAX = 200;
const GET_FILE_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_WAIT_MS = 5000;
const SUPERSEDED_POLL_GRACE_MS = 100;
const DEFAULT_TOKEN = "7000000001:AAE-emulator_test_token_0123456789ab";

/** Methods whose success the user can see; `delivered()` without a method counts these. */
const DELIVERY_METHODS = new Set([
  "sendMessage", "editMessageText", "editMessageReplyMarkup", "sendPoll", "stopPoll", "sendDocument", "answerCallbackQuery",
]);

/** Form fields Telegram reads as JSON when a request is not sent as JSON. */
const JSON_FIELDS = new Set([
  "reply_markup", "entities", "caption_entities", "reply_parameters", "link_preview_options", "options", "commands",
  "scope", "allowed_updates", "explanation_entities", "question_entities", "correct_option_ids", "media",
]);

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
  "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

/** Update kinds Telegram leaves out unless `allowed_updates` names them. */
const OPT_IN_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

const INLINE_BUTTON_ACTIONS = [
  "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
];

/** A refusal, answered as `{ ok: false, error_code, description, parameters? }`. */
class TelegramError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after: number },
  ) {
    super(description);
  }
}

function badRequest(what: string): TelegramError {
  return new TelegramError(400, `Bad Request: ${what}`);
}

// ─── Parameter readers (JSON gives numbers, forms give strings; Telegram takes both) ─────────────

function readInt(params: ApiParams, key: string): number | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw badRequest(`invalid ${key} specified`);
  return n;
}

function readString(params: ApiParams, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw badRequest(`invalid ${key} specified`);
}

function readBool(params: ApiParams, key: string): boolean | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  return value === true || value === "true" || value === 1 || value === "1";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nowS(): number {
  return Math.floor(Date.now() / 1000);
}

// ─── The emulator ────────────────────────────────────────────────────────────────────────────────

interface ChatState {
  chat: UserChat;
  nextMessageId: number;
  messages: Map<number, Message>;
}

interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  bytes: Buffer;
}

type Handler = (params: ApiParams, signal: AbortSignal) => unknown;

/** Starts an emulator on 127.0.0.1 on a free port. */
export async function startBotApiEmulator(opts: BotApiEmulatorOptions = {}): Promise<BotApiEmulator> {
  const emulator = new Emulator(opts.token ?? DEFAULT_TOKEN, opts.username ?? "tro_ly_test_bot");
  await emulator.listen();
  return emulator;
}

class Emulator implements BotApiEmulator {
  readonly botInfo: UserFromGetMe;
  readonly calls: RecordedCall[] = [];
  url = "";

  private readonly server: Server;
  private readonly botUser: User;
  private readonly routes: Map<string, { name: string; handler: Handler }>;
  private readonly faults = new Map<string, Fault[]>();
  private readonly watchers = new Set<(call: RecordedCall) => void>();
  private readonly inflight = new Map<Promise<void>, string>();
  private readonly shutdown = new AbortController();
  private closing: Promise<void> | undefined;

  private readonly chats = new Map<number, ChatState>();
  private readonly users = new Map<number, User>();
  private readonly memberStatus = new Map<string, ChatMemberStatus>();
  private readonly files = new Map<string, StoredFile>();
  private readonly polls = new Map<string, { chatId: number; messageId: number }>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly commands = new Map<string, BotCommand[]>();
  private webhookUrl = "";

  private queue: Update[] = [];
  private allowedUpdates: string[] = [];
  private nextUpdateId = 1000;
  private pollGeneration = 0;
  private readonly pollWakers = new Set<() => void>();
  private wakeScheduled = false;
  private nextId = 1;

  constructor(readonly token: string, username: string) {
    const botId = Number(token.split(":")[0]);
    if (!Number.isSafeInteger(botId) || botId <= 0) throw new Error(`startBotApiEmulator: a token starts with the bot's numeric id, got "${token.split(":")[0] ?? ""}"`);
    this.botInfo = {
      id: botId,
      is_bot: true,
      first_name: "Trợ lý Tổ chức (test)",
      username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    this.botUser = { id: botId, is_bot: true, first_name: this.botInfo.first_name, username };
    this.users.set(botId, this.botUser);
    this.routes = this.buildRoutes();
    this.server = createServer((req, res) => this.track(req, res));
    // Idle keep-alive sockets stay open until close(): a server-side idle timeout races with grammY
    // reusing the socket and shows up as a random "socket hang up".
    this.server.keepAliveTimeout = 0;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  // ── Recording and faults ──

  delivered(method?: string): RecordedCall[] {
    return this.calls.filter((c) => c.ok && (method === undefined ? DELIVERY_METHODS.has(c.method) : c.method === method));
  }

  waitFor(predicate: (call: RecordedCall) => boolean, options: WaitForOptions = {}): Promise<RecordedCall> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const found = this.calls.slice(options.fromIndex ?? 0).find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const watcher = (call: RecordedCall): void => {
        if (call.seq < (options.fromIndex ?? 0) || !predicate(call)) return;
        clearTimeout(timer);
        this.watchers.delete(watcher);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.watchers.delete(watcher);
        reject(new Error(`waitFor: no matching call within ${timeoutMs} ms.\n${this.describeCalls()}`));
      }, timeoutMs);
      this.watchers.add(watcher);
    });
  }

  failNext(method: string, fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`failNext: times must be a positive integer, got ${times}`);
    const key = method.toLowerCase();
    const queued = this.faults.get(key) ?? [];
    for (let i = 0; i < times; i++) queued.push(fault);
    this.faults.set(key, queued);
  }

  inFlight(): string[] {
    return [...this.inflight.values()];
  }

  pendingUpdates(): readonly Update[] {
    return [...this.queue];
  }

  chatHistory(chatId: number): Message[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])].map((m) => structuredClone(m));
  }

  registerChat(chat: UserChat): void {
    this.chatState(chat);
  }

  setChatMemberStatus(chatId: number, userId: number, status: ChatMemberStatus): void {
    this.memberStatus.set(`${chatId}:${userId}`, status);
  }

  private record(call: Omit<RecordedCall, "seq">): void {
    const recorded: RecordedCall = { seq: this.calls.length, ...call };
    this.calls.push(recorded);
    for (const watcher of [...this.watchers]) watcher(recorded);
  }

  private describeCalls(): string {
    const lines = this.calls.map((c) => {
      const outcome = c.aborted ? "aborted by client" : c.ok ? "ok" : `${c.errorCode ?? "dropped"} ${c.description ?? ""}`.trim();
      const fault = c.fault !== undefined ? ` [fault ${c.fault.kind}]` : "";
      const updates = c.method === "getUpdates" && Array.isArray(c.result) ? ` [${c.result.length} updates]` : "";
      return `  #${c.seq} ${c.method} → ${outcome}${fault}${updates} ${summarize(c.params)}`;
    });
    return `${this.calls.length} calls recorded, ${this.queue.length} updates still queued:\n${lines.join("\n")}`;
  }

  // ── HTTP ──

  private track(req: IncomingMessage, res: ServerResponse): void {
    const raw = /\/bot[^/]+\/([^/?]+)/.exec(req.url ?? "")?.[1];
    const label = raw === undefined ? "file download" : (this.routes.get(raw.toLowerCase())?.name ?? raw);
    const task = this.handleRequest(req, res).catch((err: unknown) => {
      sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
    });
    this.inflight.set(task, label);
    void task.finally(() => this.inflight.delete(task));
  }

  private async handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch !== null) {
      this.serveFile(res, fileMatch[1] ?? "", decodeURIComponent(fileMatch[2] ?? ""));
      return;
    }
    const apiMatch = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
    if (apiMatch === null) {
      sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const token = apiMatch[1] ?? "";
    const route = this.routes.get((apiMatch[2] ?? "").toLowerCase());
    const method = route?.name ?? apiMatch[2] ?? "";

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return; // the client went away mid-request
    }
    let params: ApiParams;
    try {
      params = parseParams(req.headers["content-type"] ?? "", body, url.searchParams);
    } catch (err) {
      this.answerError(res, { method, params: {}, at }, err instanceof TelegramError ? err : badRequest("can't parse request body"));
      return;
    }
    const base = { method, params, at };

    if (token !== this.token) {
      this.answerError(res, base, new TelegramError(401, "Unauthorized"));
      return;
    }
    if (route === undefined) {
      this.answerError(res, base, new TelegramError(404, "Not Found: method not found"));
      return;
    }

    const signal = clientGone(res);
    const fault = this.takeFault(method);
    const faulted = fault === undefined ? base : { ...base, fault };
    if (fault?.kind === "429") {
      this.answerError(res, faulted, new TelegramError(429, `Too Many Requests: retry after ${fault.retryAfterS}`, { retry_after: fault.retryAfterS }));
      return;
    }
    if (fault?.kind === "500") {
      this.answerError(res, faulted, new TelegramError(500, "Internal Server Error"));
      return;
    }
    if (fault?.kind === "error") {
      this.answerError(res, faulted, new TelegramError(fault.errorCode, fault.description));
      return;
    }
    if (fault?.kind === "drop" && method !== "getUpdates") {
      res.socket?.destroy();
      this.record({ ...faulted, ok: false });
      return;
    }
    if (fault?.kind === "slow") {
      await delay(fault.delayMs, AbortSignal.any([signal, this.shutdown.signal]));
      if (signal.aborted || this.shutdown.signal.aborted) {
        res.socket?.destroy();
        this.record({ ...faulted, ok: false, aborted: signal.aborted });
        return;
      }
    }

    let result: unknown;
    try {
      result = await route.handler(params, signal);
    } catch (err) {
      const refusal = err instanceof TelegramError ? err : new TelegramError(500, `Internal Server Error: emulator bug: ${String(err)}`);
      if (signal.aborted) this.record({ ...faulted, ok: false, aborted: true });
      else this.answerError(res, faulted, refusal);
      return;
    }
    if (signal.aborted) {
      // Only a long poll can outlive its client; its updates stay queued, as on Telegram.
      this.record({ ...faulted, ok: false, aborted: true });
      return;
    }
    if (fault?.kind === "drop") {
      // A dropped getUpdates: the answer is lost on the wire and its updates stay unconfirmed.
      res.socket?.destroy();
      this.record({ ...faulted, ok: false });
      return;
    }
    sendJson(res, 200, { ok: true, result });
    this.record({ ...faulted, ok: true, result });
  }

  private answerError(res: ServerResponse, call: Omit<RecordedCall, "seq" | "ok">, err: TelegramError): void {
    const body: Record<string, unknown> = { ok: false, error_code: err.errorCode, description: err.description };
    if (err.parameters !== undefined) body.parameters = err.parameters;
    sendJson(res, err.errorCode, body);
    this.record({ ...call, ok: false, errorCode: err.errorCode, description: err.description });
  }

  private takeFault(method: string): Fault | undefined {
    const queued = this.faults.get(method.toLowerCase());
    const fault = queued?.shift();
    if (queued !== undefined && queued.length === 0) this.faults.delete(method.toLowerCase());
    return fault;
  }

  private serveFile(res: ServerResponse, token: string, filePath: string): void {
    if (token !== this.token) {
      sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      return;
    }
    const file = [...this.files.values()].find((f) => f.filePath === filePath);
    if (file === undefined) {
      sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
    res.end(file.bytes);
  }

  async close(): Promise<void> {
    this.closing ??= (async () => {
      // A few turns of the event loop let the server see sockets a client in this process has just
      // aborted (runner.stop(), bot.stop()), so those polls are recorded as abandoned, not answered.
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
      this.shutdown.abort();
      this.wakePolls();
      // Let woken long polls write their empty answers before the sockets go.
      let capTimer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(this.inflight.keys()),
        new Promise<void>((resolve) => (capTimer = setTimeout(resolve, 1000))),
      ]);
      clearTimeout(capTimer);
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    })();
    return this.closing;
  }

  // ── Long polling ──

  private async getUpdates(params: ApiParams, signal: AbortSignal): Promise<Update[]> {
    if (this.webhookUrl !== "") {
      throw new TelegramError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = readInt(params, "offset") ?? 0;
    const limit = Math.min(100, Math.max(1, readInt(params, "limit") ?? 100));
    const timeoutS = Math.max(0, readInt(params, "timeout") ?? 0);
    const allowed = params.allowed_updates;
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.filter((u): u is string => typeof u === "string");

    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);

    // Telegram ends an older waiting getUpdates with a 409 when a newer one arrives.
    const generation = ++this.pollGeneration;
    this.wakePolls();
    if (this.deliverable().length === 0 && timeoutS > 0 && !this.shutdown.signal.aborted) {
      await this.sleepUntilUpdates(timeoutS * 1000, signal);
    }
    if (this.shutdown.signal.aborted) return [];
    if (generation !== this.pollGeneration) {
      // grammY's bot.stop() aborts its poll and at once sends a confirming getUpdates, which can
      // arrive before the aborted socket's close; wait briefly so that case is not called a conflict.
      await delay(SUPERSEDED_POLL_GRACE_MS, signal);
      if (!signal.aborted) {
        throw new TelegramError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
      }
    }
    return this.deliverable().slice(0, limit);
  }

  /** The queue without updates of kinds the bot did not ask for (Telegram never makes those). */
  private deliverable(): Update[] {
    const wanted = (u: Update): boolean => {
      const kind = Object.keys(u).find((k) => k !== "update_id") ?? "";
      return this.allowedUpdates.length === 0 ? !OPT_IN_UPDATES.has(kind) : this.allowedUpdates.includes(kind);
    };
    this.queue = this.queue.filter(wanted);
    return this.queue;
  }

  private sleepUntilUpdates(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.pollWakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener("abort", done);
      this.pollWakers.add(done);
    });
  }

  private wakePolls(): void {
    for (const wake of [...this.pollWakers]) wake();
  }

  private enqueue<K extends keyof Update>(kind: K, payload: NonNullable<Update[K]>): UpdateWith<K> {
    const update: Update = { update_id: this.nextUpdateId++ };
    update[kind] = payload;
    this.push(update);
    // TypeScript cannot see that assigning `update[kind]` makes the field present.
    return update as UpdateWith<K>;
  }

  private push(update: Update): void {
    this.queue.push(update);
    // Wake waiting polls on the next turn, so updates queued together arrive in one batch.
    if (!this.wakeScheduled && !this.shutdown.signal.aborted) {
      this.wakeScheduled = true;
      setImmediate(() => {
        this.wakeScheduled = false;
        this.wakePolls();
      });
    }
  }

  // ── Update helpers ──

  enqueueUpdate(update: Omit<Update, "update_id">): Update {
    const full: Update = { ...update, update_id: this.nextUpdateId++ };
    this.push(full);
    return full;
  }

  sendText(from: User, chat: UserChat, text: string, extra: TextExtra = {}): UpdateWith<"message"> {
    const entities = userTextEntities(text);
    const content: Partial<Message> = { text };
    if (entities.length > 0) content.entities = entities;
    if (extra.replyTo !== undefined) content.reply_to_message = { ...extra.replyTo, reply_to_message: undefined };
    return this.enqueue("message", this.userMessage(from, chat, content));
  }

  sendEditedText(message: UserMessage, text: string): UpdateWith<"edited_message"> {
    const entities = userTextEntities(text);
    const edited: UserMessage & Update.Edited = { ...message, text, edit_date: nowS() };
    if (entities.length > 0) edited.entities = entities;
    else delete edited.entities;
    this.chatState(message.chat).messages.set(message.message_id, edited);
    return this.enqueue("edited_message", edited);
  }

  sendCallback(from: User, message: Message, data: string): UpdateWith<"callback_query"> {
    this.users.set(from.id, from);
    const id = `${this.botInfo.id}${String(this.nextId++).padStart(8, "0")}`;
    this.callbackQueries.set(id, { answered: false });
    const query: CallbackQuery = { id, from, message, chat_instance: String(-Math.abs(message.chat.id * 7919)), data };
    return this.enqueue("callback_query", query);
  }

  sendPollAnswer(from: User, pollId: string, optionIds: number[]): UpdateWith<"poll_answer"> {
    this.users.set(from.id, from);
    const where = this.polls.get(pollId);
    const message = where === undefined ? undefined : this.chats.get(where.chatId)?.messages.get(where.messageId);
    if (where !== undefined && message?.poll !== undefined) {
      const options = message.poll.options.map((o, i) => (optionIds.includes(i) ? { ...o, voter_count: o.voter_count + 1 } : o));
      const poll: Poll = { ...message.poll, options, total_voter_count: message.poll.total_voter_count + (optionIds.length > 0 ? 1 : 0) };
      this.chats.get(where.chatId)?.messages.set(where.messageId, { ...message, poll });
    }
    return this.enqueue("poll_answer", {
      poll_id: pollId,
      user: from,
      option_ids: optionIds,
      option_persistent_ids: optionIds.map(String),
    });
  }

  sendDocument(from: User, chat: UserChat, document: DocumentUpload): UpdateWith<"message"> {
    const file = this.storeFile("documents", document.fileName, Buffer.from(document.bytes));
    const content: Partial<Message> = {
      document: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_name: document.fileName,
        mime_type: document.mimeType,
        file_size: file.bytes.length,
      },
    };
    if (document.caption !== undefined) content.caption = document.caption;
    return this.enqueue("message", this.userMessage(from, chat, content));
  }

  sendPhoto(from: User, chat: UserChat, photo: PhotoUpload): UpdateWith<"message"> {
    // The thumbnail is not a real image: a bot that OCRs it instead of the largest size reads nothing.
    const thumbnail = this.storeFile("photos", "thumb.jpg", Buffer.alloc(900, 7));
    const full = this.storeFile("photos", "photo.jpg", Buffer.from(photo.bytes));
    const content: Partial<Message> = {
      photo: [
        { file_id: thumbnail.fileId, file_unique_id: thumbnail.fileUniqueId, width: 90, height: Math.round((90 * photo.height) / photo.width), file_size: 900 },
        { file_id: full.fileId, file_unique_id: full.fileUniqueId, width: photo.width, height: photo.height, file_size: full.bytes.length },
      ],
    };
    if (photo.caption !== undefined) content.caption = photo.caption;
    return this.enqueue("message", this.userMessage(from, chat, content));
  }

  sendNonText(from: User, chat: UserChat, kind: NonTextKind): UpdateWith<"message"> {
    return this.enqueue("message", this.userMessage(from, chat, this.nonTextContent(from, kind)));
  }

  private nonTextContent(from: User, kind: NonTextKind): Partial<Message> {
    const fake = (folder: string, name: string, size: number): StoredFile => this.storeFile(folder, name, Buffer.alloc(size, 7));
    switch (kind) {
      case "photo": {
        const small = fake("photos", "small.jpg", 1200);
        const large = fake("photos", "large.jpg", 5400);
        return {
          photo: [
            { file_id: small.fileId, file_unique_id: small.fileUniqueId, width: 90, height: 67, file_size: 1200 },
            { file_id: large.fileId, file_unique_id: large.fileUniqueId, width: 800, height: 600, file_size: 5400 },
          ],
        };
      }
      case "sticker": {
        const file = fake("stickers", "sticker.webp", 2000);
        return {
          sticker: { file_id: file.fileId, file_unique_id: file.fileUniqueId, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" },
        };
      }
      case "voice": {
        const file = fake("voice", "voice.ogg", 3000);
        return { voice: { file_id: file.fileId, file_unique_id: file.fileUniqueId, duration: 3, mime_type: "audio/ogg", file_size: 3000 } };
      }
      case "video": {
        const file = fake("videos", "video.mp4", 8000);
        return {
          video: { file_id: file.fileId, file_unique_id: file.fileUniqueId, width: 640, height: 360, duration: 5, mime_type: "video/mp4", file_size: 8000 },
        };
      }
      case "location":
        return { location: { latitude: 21.0278, longitude: 105.8342 } };
      case "contact":
        return { contact: { phone_number: "+84900000000", first_name: from.first_name, user_id: from.id } };
    }
  }

  private userMessage(from: User, chat: UserChat, content: Partial<Message>): UserMessage {
    this.users.set(from.id, from);
    const state = this.chatState(chat);
    const message: UserMessage = { ...content, message_id: state.nextMessageId++, from, chat: state.chat, date: nowS() };
    state.messages.set(message.message_id, message);
    return message;
  }

  private chatState(chat: UserChat): ChatState {
    let state = this.chats.get(chat.id);
    if (state === undefined) {
      state = { chat, nextMessageId: 1, messages: new Map() };
      this.chats.set(chat.id, state);
    }
    return state;
  }

  private storeFile(folder: string, fileName: string, bytes: Buffer): StoredFile {
    const n = this.nextId++;
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

  // ── Methods ──

  private buildRoutes(): Map<string, { name: string; handler: Handler }> {
    const handlers: Record<string, Handler> = {
      getMe: () => this.botInfo,
      getUpdates: (p, signal) => this.getUpdates(p, signal),
      setWebhook: (p) => {
        const url = readString(p, "url") ?? "";
        if (url !== "" && !/^https:\/\//.test(url)) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        this.webhookUrl = url;
        return true;
      },
      deleteWebhook: (p) => {
        this.webhookUrl = "";
        if (readBool(p, "drop_pending_updates") === true) this.queue = [];
        return true;
      },
      getWebhookInfo: () => ({ url: this.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.length }),
      setMyCommands: (p) => {
        this.commands.set(commandsKey(p), checkCommands(p.commands));
        return true;
      },
      getMyCommands: (p) => this.commands.get(commandsKey(p)) ?? [],
      deleteMyCommands: (p) => {
        this.commands.delete(commandsKey(p));
        return true;
      },
      sendChatAction: (p) => {
        this.requireChat(p);
        if (!CHAT_ACTIONS.has(readString(p, "action") ?? "")) throw badRequest("wrong parameter action in request");
        return true;
      },
      answerCallbackQuery: (p) => {
        const query = this.callbackQueries.get(readString(p, "callback_query_id") ?? "");
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
        const member = this.users.get(userId) ?? user(userId);
        return chatMember(member, this.memberStatus.get(`${chat.id}:${userId}`) ?? "member");
      },
      getFile: (p) => {
        const file = this.files.get(readString(p, "file_id") ?? "");
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
        ? this.chats.get(id)
        : [...this.chats.values()].find((s) => s.chat.type !== "group" && `@${s.chat.username ?? ""}` === raw);
    if (state === undefined) throw badRequest("chat not found");
    return state;
  }

  private requireBotMessage(params: ApiParams, notFound: string): { state: ChatState; message: Message } {
    const state = this.requireChat(params);
    const message = state.messages.get(readInt(params, "message_id") ?? 0);
    if (message === undefined) throw badRequest(notFound);
    if (message.from?.id !== this.botInfo.id) throw badRequest("message can't be edited");
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
    if (sameContent(message, edited)) {
      throw badRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    state.messages.set(message.message_id, edited);
    return edited;
  }

  private editMessageReplyMarkup(p: ApiParams): Message | true {
    const markup = checkReplyMarkup(p.reply_markup, true);
    if (readString(p, "inline_message_id") !== undefined) return true;
    const { state, message } = this.requireBotMessage(p, "message to edit not found");
    const edited: Message = { ...message, edit_date: nowS() };
    delete edited.reply_markup;
    if (markup !== undefined) edited.reply_markup = markup;
    if (sameContent(message, edited)) {
      throw badRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    state.messages.set(message.message_id, edited);
    return edited;
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
      id: `${5_000_000_000_000 + this.nextId++}`,
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
    this.polls.set(poll.id, { chatId: state.chat.id, messageId: message.message_id });
    return message;
  }

  private stopPoll(p: ApiParams): Poll {
    const state = this.requireChat(p);
    const message = state.messages.get(readInt(p, "message_id") ?? 0);
    if (message?.poll === undefined) throw badRequest("message with poll to stop not found");
    if (message.from?.id !== this.botInfo.id) throw badRequest("poll can't be stopped");
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
      file = this.storeFile("documents", raw.fileName, raw.bytes);
    } else if (typeof raw === "string" && this.files.has(raw)) {
      const known = this.files.get(raw);
      if (known === undefined) throw badRequest("wrong file identifier/HTTP URL specified");
      file = known;
      fileName = known.filePath.split("/").pop() ?? "file";
    } else if (typeof raw === "string" && /^https?:\/\//.test(raw)) {
      fileName = decodeURIComponent(new URL(raw).pathname.split("/").pop() ?? "") || "file";
      file = this.storeFile("documents", fileName, Buffer.from(`downloaded from ${raw}`));
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
    const message: Message = { ...content, message_id: state.nextMessageId++, from: this.botUser, chat: state.chat, date: nowS() };
    if (repliedTo !== undefined) message.reply_to_message = { ...repliedTo, reply_to_message: undefined };
    if (markup !== undefined) message.reply_markup = markup;
    state.messages.set(message.message_id, message);
    return message;
  }
}

// ─── Checks shared by several methods ────────────────────────────────────────────────────────────

/**
 * Reads a text and its formatting. HTML is parsed exactly (see telegramHtml.ts); Markdown modes are
 * accepted unchecked. Length checks are left to the caller, which knows its limit's wording.
 */
function formatText(
  p: ApiParams,
  textKey: string,
  parseModeKey: string,
  entitiesKey: string,
): { text: string; entities: MessageEntity[] } {
  const raw = readString(p, textKey) ?? "";
  const given = Array.isArray(p[entitiesKey]) ? (p[entitiesKey] as MessageEntity[]) : [];
  const parseMode = (readString(p, parseModeKey) ?? "").toLowerCase();
  if (parseMode === "") return { text: raw, entities: given };
  if (parseMode === "markdown" || parseMode === "markdownv2") return { text: raw, entities: [] };
  if (parseMode !== "html") throw badRequest(`unsupported parse_mode "${readString(p, parseModeKey) ?? ""}"`);
  const parsed = validateTelegramHtml(raw, { maxLength: Number.POSITIVE_INFINITY });
  if (!parsed.ok) throw badRequest(parsed.error);
  return { text: parsed.text, entities: parsed.entities };
}

/**
 * Checks a reply_markup and returns what Telegram echoes back in the Message: inline keyboards
 * only. `inlineOnly` is for edits, where only an inline keyboard may be given.
 */
function checkReplyMarkup(markup: unknown, inlineOnly: boolean): InlineKeyboardMarkup | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  if (!("inline_keyboard" in markup)) {
    if (inlineOnly) throw badRequest("inline keyboard expected");
    return undefined;
  }
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest("can't parse inline keyboard button: InlineKeyboardMarkup must be an Array of Arrays");
  }
  for (const row of rows as unknown[][]) {
    for (const button of row) {
      if (!isRecord(button) || typeof button.text !== "string") {
        throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
      }
      if (!INLINE_BUTTON_ACTIONS.some((action) => button[action] !== undefined)) {
        throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      }
      const data = button.callback_data;
      if (data !== undefined && (typeof data !== "string" || data === "" || Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES)) {
        throw badRequest("BUTTON_DATA_INVALID");
      }
      if (button.url !== undefined && (typeof button.url !== "string" || !/^(https?|tg):\/\/\S+$/.test(button.url))) {
        throw badRequest("BUTTON_URL_INVALID");
      }
    }
  }
  const nonEmpty = rows.filter((row: unknown[]) => row.length > 0);
  return nonEmpty.length === 0 ? undefined : (markup as unknown as InlineKeyboardMarkup);
}

function sameContent(a: Message, b: Message): boolean {
  const content = (m: Message): string =>
    JSON.stringify([m.text, m.entities ?? [], m.reply_markup ?? null, m.poll?.is_closed ?? null]);
  return content(a) === content(b);
}

function checkCommands(raw: unknown): BotCommand[] {
  if (!Array.isArray(raw)) throw badRequest("can't parse commands JSON object");
  if (raw.length > 100) throw badRequest("too many commands specified");
  return raw.map((c: unknown) => {
    if (!isRecord(c) || typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) {
      throw badRequest("BOT_COMMAND_INVALID");
    }
    if (typeof c.description !== "string" || c.description.trim() === "" || c.description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command: c.command, description: c.description };
  });
}

function commandsKey(p: ApiParams): string {
  return `${JSON.stringify(p.scope ?? { type: "default" })}|${readString(p, "language_code") ?? ""}`;
}

/** Entities Telegram adds to what a user types: a leading /command and @mentions. */
function userTextEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?/.exec(text);
  if (command !== null) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  const commandEnd = command?.[0].length ?? 0;
  for (const mention of text.matchAll(/(?<![A-Za-z0-9_])@[A-Za-z0-9_]{5,32}(?![A-Za-z0-9_])/g)) {
    if (mention.index >= commandEnd) entities.push({ type: "mention", offset: mention.index, length: mention[0].length });
  }
  return entities;
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

function isUpload(value: unknown): value is UploadedFile {
  return isRecord(value) && value.kind === "upload" && Buffer.isBuffer(value.bytes);
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

// ─── HTTP plumbing ───────────────────────────────────────────────────────────────────────────────

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An AbortSignal that fires when the client closes the connection before getting its answer. */
function clientGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

/** Parses a query string plus a JSON, urlencoded or multipart body into one parameter object. */
function parseParams(contentType: string, body: Buffer, query: URLSearchParams): ApiParams {
  const params: ApiParams = {};
  const fromForm = (key: string, value: string): void => {
    params[key] = JSON_FIELDS.has(key) ? parseJsonField(key, value) : value;
  };
  for (const [key, value] of query) fromForm(key, value);
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (body.length === 0) return params;
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON encoded request body");
    }
    if (!isRecord(parsed)) throw badRequest("JSON request body must be an object");
    return { ...params, ...parsed };
  }
  if (type === "application/x-www-form-urlencoded") {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) fromForm(key, value);
    return params;
  }
  if (type === "multipart/form-data") {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (boundary === undefined) throw badRequest("multipart body without a boundary");
    const { fields, files } = parseMultipart(body, boundary);
    for (const [key, value] of fields) {
      const attached = value.startsWith("attach://") ? files.get(value.slice("attach://".length)) : undefined;
      if (attached !== undefined) params[key] = attached;
      else fromForm(key, value);
    }
    for (const [name, file] of files) {
      if (!fields.has(name) && ![...fields.values()].includes(`attach://${name}`)) params[name] = file;
    }
    return params;
  }
  throw badRequest(`unsupported content type "${type}"`);
}

function parseJsonField(key: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`can't parse ${key} JSON object`);
  }
}

/**
 * A small multipart/form-data reader. grammY writes headers lower-case without a space
 * (`content-disposition:form-data;name="x"`) and an unquoted `filename=`, so both spellings count.
 */
function parseMultipart(body: Buffer, boundary: string): { fields: Map<string, string>; files: Map<string, UploadedFile> } {
  const fields = new Map<string, string>();
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    let start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    if (body[start] === 13 && body[start + 1] === 10) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const end = body[next - 2] === 13 && body[next - 1] === 10 ? next - 2 : next;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const content = part.subarray(headerEnd + 4);
      const name = /(?:^|;)\s*name="([^"]*)"/im.exec(headers)?.[1];
      const fileName = /filename\s*=\s*(?:"([^"]*)"|([^;\r\n]*))/i.exec(headers);
      if (name !== undefined && fileName !== null) {
        files.set(name, { kind: "upload", fileName: (fileName[1] ?? fileName[2] ?? "").trim() || name, bytes: Buffer.from(content) });
      } else if (name !== undefined) {
        fields.set(name, content.toString("utf8"));
      }
    }
    position = next;
  }
  return { fields, files };
}

/** Parameters for an error message: uploads shown by name and size, long values cut. */
function summarize(params: ApiParams): string {
  const text = JSON.stringify(params, (_key, value: unknown) =>
    isUpload(value) ? `<upload ${value.fileName}, ${value.bytes.length} bytes>` : value,
  );
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
