/**
 * The emulator's HTTP server: it routes each request to its method (methods.ts), injects the faults a
 * test queued, records every call as it is answered (or dropped, or abandoned by the client), serves
 * file downloads, and closes cleanly. Updates and long polls are in longPoll.ts, what users do in
 * userActions.ts, what Telegram remembers in state.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Message, Update, User, UserFromGetMe } from "grammy/types";
import { clientGone, delay, parseParams, readBody, sendJson, summarize } from "./http.js";
import { UpdateQueue } from "./longPoll.js";
import { MethodHandlers, type Route } from "./methods.js";
import { TelegramState } from "./state.js";
import type {
  ApiParams,
  BotApiEmulator,
  BotApiEmulatorOptions,
  ChatMemberStatus,
  DocumentUpload,
  Fault,
  NonTextKind,
  PhotoUpload,
  RecordedCall,
  TextExtra,
  UpdateWith,
  UserChat,
  UserMessage,
  WaitForOptions,
} from "./types.js";
import { UserActions } from "./userActions.js";
import { TelegramError, badRequest } from "./validation.js";

const DEFAULT_WAIT_MS = 5000;
const DEFAULT_TOKEN = "7000000001:AAE-emulator_test_token_0123456789ab";

/** Methods whose success the user can see; `delivered()` without a method counts these. */
const DELIVERY_METHODS = new Set([
  "sendMessage", "editMessageText", "editMessageReplyMarkup", "sendPoll", "stopPoll", "sendDocument", "answerCallbackQuery",
]);

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
  private readonly routes: Map<string, Route>;
  private readonly faults = new Map<string, Fault[]>();
  private readonly watchers = new Set<(call: RecordedCall) => void>();
  private readonly inflight = new Map<Promise<void>, string>();
  private readonly shutdown = new AbortController();
  private closing: Promise<void> | undefined;
  private readonly state: TelegramState;
  private readonly updates: UpdateQueue;
  private readonly actions: UserActions;

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
    this.state = new TelegramState(this.botInfo);
    this.updates = new UpdateQueue(this.state, this.shutdown.signal);
    this.actions = new UserActions(this.state, this.updates);
    this.routes = new MethodHandlers(this.state, this.updates).routes();
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
    return this.updates.pending();
  }

  chatHistory(chatId: number): Message[] {
    return [...(this.state.chats.get(chatId)?.messages.values() ?? [])].map((m) => structuredClone(m));
  }

  registerChat(chat: UserChat): void {
    this.state.chatState(chat);
  }

  setChatMemberStatus(chatId: number, userId: number, status: ChatMemberStatus): void {
    this.state.memberStatus.set(`${chatId}:${userId}`, status);
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
    return `${this.calls.length} calls recorded, ${this.updates.size} updates still queued:\n${lines.join("\n")}`;
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
    const file = [...this.state.files.values()].find((f) => f.filePath === filePath);
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
      this.updates.wakePolls();
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

  // ── What users do (userActions.ts) ──

  enqueueUpdate(update: Omit<Update, "update_id">): Update {
    return this.updates.enqueueUpdate(update);
  }

  sendText(from: User, chat: UserChat, text: string, extra: TextExtra = {}): UpdateWith<"message"> {
    return this.actions.sendText(from, chat, text, extra);
  }

  sendEditedText(message: UserMessage, text: string): UpdateWith<"edited_message"> {
    return this.actions.sendEditedText(message, text);
  }

  sendCallback(from: User, message: Message, data: string): UpdateWith<"callback_query"> {
    return this.actions.sendCallback(from, message, data);
  }

  sendPollAnswer(from: User, pollId: string, optionIds: number[]): UpdateWith<"poll_answer"> {
    return this.actions.sendPollAnswer(from, pollId, optionIds);
  }

  sendDocument(from: User, chat: UserChat, document: DocumentUpload): UpdateWith<"message"> {
    return this.actions.sendDocument(from, chat, document);
  }

  sendPhoto(from: User, chat: UserChat, photo: PhotoUpload): UpdateWith<"message"> {
    return this.actions.sendPhoto(from, chat, photo);
  }

  sendNonText(from: User, chat: UserChat, kind: NonTextKind): UpdateWith<"message"> {
    return this.actions.sendNonText(from, chat, kind);
  }
}
