import { autoRetry } from "@grammyjs/auto-retry";
import { run } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import type { Message } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import {
  type BotApiEmulator,
  groupChat,
  privateChat,
  type RecordedCall,
  startBotApiEmulator,
  user,
} from "../../testing/botApiEmulator.js";

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  // Last started, first stopped: bots stop before the emulator they poll closes.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startEmulator(): Promise<BotApiEmulator> {
  const emulator = await startBotApiEmulator();
  cleanups.push(() => emulator.close());
  return emulator;
}

function botFor(emulator: BotApiEmulator): Bot {
  return new Bot(emulator.token, { client: { apiRoot: emulator.url } });
}

/** Starts grammY's built-in long polling and registers its stop. */
function startPolling(bot: Bot): void {
  const done = bot.start();
  cleanups.push(async () => {
    await bot.stop();
    await done;
  });
}

function messageOf(call: RecordedCall): Message {
  const result = call.result;
  if (typeof result !== "object" || result === null || !("message_id" in result)) {
    throw new Error(`call #${call.seq} ${call.method} returned no message`);
  }
  return result as Message;
}

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const alice = user(101, { firstName: "Alice", username: "alice_vn" });
const aliceChat = privateChat(alice);

describe("a real grammY bot against the emulator", () => {
  it("gets a reply to a text message over real HTTP", async () => {
    const emulator = await startEmulator();
    const bot = botFor(emulator);
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.msg.text}`));
    startPolling(bot);

    const sent = emulator.sendText(alice, aliceChat, "xin chào");
    const call = await emulator.waitFor((c) => c.method === "sendMessage" && c.ok);

    expect(call.params).toMatchObject({ chat_id: alice.id, text: "echo: xin chào" });
    const reply = messageOf(call);
    expect(reply.message_id).toBe(sent.message.message_id + 1);
    expect(reply.from?.username).toBe("tro_ly_test_bot");
    expect(emulator.chatHistory(alice.id).map((m) => m.text)).toEqual(["xin chào", "echo: xin chào"]);
  });

  it("refuses invalid HTML with Telegram's 400 and records the refused call", async () => {
    const emulator = await startEmulator();
    const bot = botFor(emulator);
    const refused = new Promise<unknown>((resolve) => {
      bot.on("message:text", async (ctx) => {
        try {
          await ctx.reply("<b>Điều 5 <i>khoản 2</b></i>", { parse_mode: "HTML" });
          resolve(undefined);
        } catch (err) {
          resolve(err);
        }
      });
    });
    startPolling(bot);

    emulator.sendText(alice, aliceChat, "hỏi");
    const err = await refused;

    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(400);
    expect((err as GrammyError).description).toBe(
      `Bad Request: can't parse entities: Unmatched end tag at byte offset 25, expected "</i>", found "</b>"`,
    );
    const call = await emulator.waitFor((c) => c.method === "sendMessage");
    expect(call).toMatchObject({ ok: false, errorCode: 400 });
    expect(emulator.delivered()).toEqual([]);
  });

  it("delivers exactly one reply when a 429 is retried by auto-retry after retry_after", async () => {
    const emulator = await startEmulator();
    const bot = botFor(emulator);
    bot.api.config.use(autoRetry());
    bot.on("message:text", (ctx) => ctx.reply("trả lời"));
    emulator.failNext("sendMessage", { kind: "429", retryAfterS: 1 });
    startPolling(bot);

    emulator.sendText(alice, aliceChat, "hỏi");
    await emulator.waitFor((c) => c.method === "sendMessage" && c.ok);

    const attempts = emulator.calls.filter((c) => c.method === "sendMessage");
    expect(attempts.map((c) => c.errorCode ?? "ok")).toEqual([429, "ok"]);
    expect(attempts[0]?.fault).toEqual({ kind: "429", retryAfterS: 1 });
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(emulator.delivered("sendMessage")).toHaveLength(1);
  });

  it("runs a callback query round trip: button, answer, edit", async () => {
    const emulator = await startEmulator();
    const bot = botFor(emulator);
    bot.command("start", (ctx) => ctx.reply("Chọn:", { reply_markup: new InlineKeyboard().text("Một", "pick:1") }));
    bot.callbackQuery("pick:1", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Đã chọn" });
      await ctx.editMessageText("Bạn đã chọn <b>Một</b>", { parse_mode: "HTML" });
    });
    startPolling(bot);

    const start = emulator.sendText(alice, aliceChat, "/start");
    expect(start.message.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    const menu = messageOf(await emulator.waitFor((c) => c.method === "sendMessage" && c.ok));
    expect(menu.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ text: "Một", callback_data: "pick:1" });

    emulator.sendCallback(alice, menu, "pick:1");
    const edit = await emulator.waitFor((c) => c.method === "editMessageText" && c.ok);

    expect(emulator.delivered("answerCallbackQuery")).toHaveLength(1);
    expect(messageOf(edit).entities).toEqual([{ type: "bold", offset: 12, length: 3 }]);
    const shown = emulator.chatHistory(alice.id).find((m) => m.message_id === menu.message_id);
    expect(shown?.text).toBe("Bạn đã chọn Một");
    expect(shown?.reply_markup).toBeUndefined(); // editMessageText without reply_markup removes the keyboard
  });

  it("does not lose an update whose getUpdates answer was dropped on the wire", async () => {
    const emulator = await startEmulator();
    const bot = botFor(emulator);
    bot.on("message:text", (ctx) => ctx.reply("vẫn nhận được"));
    emulator.failNext("getUpdates", { kind: "drop" });
    const sent = emulator.sendText(alice, aliceChat, "có ai không?");

    const runner = run(bot, { runner: { silent: true } });
    cleanups.push(async () => {
      if (runner.isRunning()) await runner.stop();
    });
    await emulator.waitFor((c) => c.method === "sendMessage" && c.ok);

    const polls = emulator.calls.filter((c) => c.method === "getUpdates");
    expect(polls[0]).toMatchObject({ ok: false, fault: { kind: "drop" } });
    const delivery = polls.find((c) => c.ok && Array.isArray(c.result) && c.result.length > 0);
    expect(delivery?.result).toEqual([sent]);
  });

  it("closes cleanly: a stopped bot's poll is dropped, the server refuses new connections", async () => {
    const emulator = await startEmulator(); // close() is idempotent; the cleanup only matters on failure
    const bot = botFor(emulator);
    bot.on("message:text", (ctx) => ctx.reply("ok"));
    const done = bot.start();
    cleanups.push(async () => {
      if (bot.isRunning()) await bot.stop();
    });
    await until(() => emulator.inFlight().includes("getUpdates"));

    await bot.stop();
    await done;
    const started = Date.now();
    await emulator.close();

    expect(Date.now() - started).toBeLessThan(500);
    expect(emulator.calls.some((c) => c.method === "getUpdates" && c.aborted === true)).toBe(true);
    expect(emulator.inFlight()).toEqual([]);
    await expect(fetch(`${emulator.url}/bot${emulator.token}/getMe`)).rejects.toThrow();
  });
});

describe("the emulator's Bot API", () => {
  it("answers a waiting long poll with no updates when it closes", async () => {
    const emulator = await startEmulator();
    const bot = botFor(emulator);
    const poll = bot.api.getUpdates({ timeout: 30 });
    await until(() => emulator.inFlight().includes("getUpdates"));

    await emulator.close();

    await expect(poll).resolves.toEqual([]);
  });

  it("honours offset, limit and timeout in getUpdates", async () => {
    const emulator = await startEmulator();
    const api = botFor(emulator).api;
    const ids = ["a", "b", "c"].map((t) => emulator.sendText(alice, aliceChat, t).update_id);
    const [first, second, third] = ids as [number, number, number];

    expect((await api.getUpdates({ limit: 2 })).map((u) => u.update_id)).toEqual([first, second]);
    expect((await api.getUpdates({ offset: second })).map((u) => u.update_id)).toEqual([second, third]);
    expect(emulator.pendingUpdates()).toHaveLength(2); // confirming `second` forgot only `first`
    expect((await api.getUpdates({ offset: third + 1, timeout: 0 }))).toEqual([]);

    const started = Date.now();
    expect(await api.getUpdates({ offset: third + 1, timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    const waiting = api.getUpdates({ offset: third + 1, timeout: 10 });
    await until(() => emulator.inFlight().includes("getUpdates"));
    const late = emulator.sendText(alice, aliceChat, "d");
    expect(await waiting).toEqual([late]);
  });

  it("ends an older long poll with 409 when a newer one arrives", async () => {
    const emulator = await startEmulator();
    const api = botFor(emulator).api;
    const older = api.getUpdates({ timeout: 10 });
    await until(() => emulator.inFlight().includes("getUpdates"));

    const newer = api.getUpdates({ timeout: 0 });

    await expect(older).rejects.toMatchObject({ error_code: 409 });
    await expect(newer).resolves.toEqual([]);
  });

  it("rejects a wrong token with 401 and an unknown method with 404", async () => {
    const emulator = await startEmulator();
    const wrong = new Bot("7000000001:wrong", { client: { apiRoot: emulator.url } });
    await expect(wrong.api.getMe()).rejects.toMatchObject({ error_code: 401, description: "Unauthorized" });

    const res = await fetch(`${emulator.url}/bot${emulator.token}/sendTelepathy`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
  });

  it("refuses what Telegram refuses in sendMessage", async () => {
    const emulator = await startEmulator();
    const api = botFor(emulator).api;
    emulator.registerChat(aliceChat);
    const refusal = (description: string) => expect.objectContaining({ error_code: 400, description });

    await expect(api.sendMessage(alice.id, "x".repeat(4097))).rejects.toEqual(refusal("Bad Request: message is too long"));
    await expect(api.sendMessage(alice.id, "😀".repeat(2049))).rejects.toEqual(refusal("Bad Request: message is too long"));
    await expect(api.sendMessage(alice.id, "<b> </b>", { parse_mode: "HTML" })).rejects.toEqual(
      refusal("Bad Request: message text is empty"),
    );
    await expect(api.sendMessage(alice.id, "AT&T", { parse_mode: "HTML" })).rejects.toEqual(
      expect.objectContaining({ description: expect.stringMatching(/^Bad Request: can't parse entities: /) }),
    );
    await expect(
      api.sendMessage(alice.id, "x", { reply_markup: new InlineKeyboard().text("ok", "d".repeat(65)) }),
    ).rejects.toEqual(refusal("Bad Request: BUTTON_DATA_INVALID"));
    await expect(api.sendMessage(999, "x")).rejects.toEqual(refusal("Bad Request: chat not found"));
    await expect(api.sendMessage(alice.id, "x", { reply_parameters: { message_id: 77 } })).rejects.toEqual(
      refusal("Bad Request: message to be replied not found"),
    );

    // Exactly at the limits is fine: 4096 UTF-16 units after parsing, 64 bytes of callback data.
    await api.sendMessage(alice.id, `<b>${"x".repeat(4096)}</b>`, { parse_mode: "HTML" });
    await api.sendMessage(alice.id, "x", { reply_markup: new InlineKeyboard().text("ok", "đ".repeat(32)) });
    expect(emulator.delivered("sendMessage")).toHaveLength(2);
    expect(emulator.calls.filter((c) => c.method === "sendMessage" && !c.ok)).toHaveLength(7);
  });

  it("checks polls and lets users vote", async () => {
    const emulator = await startEmulator();
    const api = botFor(emulator).api;
    const group = groupChat(-4001, "Chi bộ 1");
    emulator.registerChat(group);
    const refusal = (description: string) => expect.objectContaining({ error_code: 400, description });

    await expect(api.sendPoll(group.id, "?".repeat(301), ["a", "b"])).rejects.toEqual(
      refusal("Bad Request: poll question length must not exceed 300"),
    );
    await expect(api.sendPoll(group.id, "Q", ["a"])).rejects.toEqual(refusal("Bad Request: poll must have at least 2 option"));
    await expect(api.sendPoll(group.id, "Q", Array.from({ length: 11 }, (_, i) => `o${i}`))).rejects.toEqual(
      refusal("Bad Request: poll can't have more than 10 options"),
    );
    await expect(api.sendPoll(group.id, "Q", ["a", "b".repeat(101)])).rejects.toEqual(
      refusal("Bad Request: poll options length must not exceed 100"),
    );
    await expect(api.sendPoll(group.id, "Q", ["a", "b"], { type: "quiz" })).rejects.toEqual(
      refusal("Bad Request: QUIZ_CORRECT_ANSWERS_EMPTY"),
    );
    await expect(
      api.sendPoll(group.id, "Q", ["a", "b"], { type: "quiz", correct_option_ids: [0], explanation: "e".repeat(201) }),
    ).rejects.toEqual(refusal("Bad Request: poll explanation length must not exceed 200"));

    const sent = await api.sendPoll(group.id, "Điều lệ Đảng?", ["Đúng", "Sai"], {
      type: "quiz",
      correct_option_ids: [0],
      is_anonymous: false,
    });
    expect(sent.poll).toMatchObject({ type: "quiz", correct_option_ids: [0], is_closed: false, is_anonymous: false });

    const answer = emulator.sendPollAnswer(alice, sent.poll.id, [0]);
    expect(answer.poll_answer).toMatchObject({ poll_id: sent.poll.id, option_ids: [0], user: alice });
    const stopped = await api.stopPoll(group.id, sent.message_id);
    expect(stopped).toMatchObject({ is_closed: true, total_voter_count: 1 });
    expect(stopped.options[0]?.voter_count).toBe(1);
    await expect(api.stopPoll(group.id, sent.message_id)).rejects.toEqual(refusal("Bad Request: poll has already been closed"));
  });

  it("serves a user's document through getFile and the file URL", async () => {
    const emulator = await startEmulator();
    const api = botFor(emulator).api;
    const bytes = Buffer.from("Điều lệ Đảng\n", "utf8");

    const update = emulator.sendDocument(alice, aliceChat, { fileName: "dieu-le.txt", mimeType: "text/plain", bytes });
    const document = update.message.document;
    expect(document).toMatchObject({ file_name: "dieu-le.txt", mime_type: "text/plain", file_size: bytes.length });

    const file = await api.getFile(document?.file_id ?? "");
    const res = await fetch(`${emulator.url}/file/bot${emulator.token}/${file.file_path ?? ""}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    await expect(api.getFile("nope")).rejects.toMatchObject({ description: "Bad Request: invalid file_id" });
  });

  it("reads multipart uploads from grammY and urlencoded bodies", async () => {
    const emulator = await startEmulator();
    const api = botFor(emulator).api;
    emulator.registerChat(aliceChat);
    const bytes = Buffer.from("%PDF-1.4 tiny", "utf8");

    const sent = await api.sendDocument(alice.id, new InputFile(bytes, "bao-cao.pdf"), {
      caption: "<b>Báo cáo</b>",
      parse_mode: "HTML",
    });
    expect(sent.document).toMatchObject({ file_name: "bao-cao.pdf", mime_type: "application/pdf", file_size: bytes.length });
    expect(sent.caption).toBe("Báo cáo");
    const call = await emulator.waitFor((c) => c.method === "sendDocument");
    expect(call.params).toMatchObject({ chat_id: String(alice.id), document: { kind: "upload", fileName: "bao-cao.pdf" } });

    const form = new URLSearchParams({
      chat_id: String(alice.id),
      text: "a & b",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "x", callback_data: "y" }]] }),
    });
    const res = await fetch(`${emulator.url}/bot${emulator.token}/sendmessage`, { method: "POST", body: form });
    const body = (await res.json()) as { ok: boolean; result: Message };
    expect(body.ok).toBe(true);
    expect(body.result.text).toBe("a & b");
    expect(body.result.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: "x", callback_data: "y" });
    expect(emulator.calls.at(-1)?.method).toBe("sendMessage"); // method names are case-insensitive
  });

  it("answers getChatMember with the configured status", async () => {
    const emulator = await startEmulator();
    const api = botFor(emulator).api;
    const group = groupChat(-1001234567890, "Đảng bộ");
    emulator.registerChat(group);
    emulator.setChatMemberStatus(group.id, alice.id, "administrator");

    expect((await api.getChatMember(group.id, alice.id)).status).toBe("administrator");
    expect((await api.getChatMember(group.id, 555)).status).toBe("member");
    expect(await api.getChat(group.id)).toMatchObject({ id: group.id, type: "supergroup", title: "Đảng bộ" });
  });

  it("marks @mentions and /command@bot in user text", async () => {
    const emulator = await startEmulator();
    const { message } = emulator.sendText(alice, groupChat(-5, "G"), "/ask@tro_ly_test_bot hỏi @tro_ly_test_bot nhé");
    expect(message.entities).toEqual([
      { type: "bot_command", offset: 0, length: 20 },
      { type: "mention", offset: 25, length: 16 },
    ]);
  });

  it("treats a dropped or faulted send as not delivered, and a slow one as delivered late", async () => {
    const emulator = await startEmulator();
    const api = botFor(emulator).api;
    emulator.registerChat(aliceChat);

    emulator.failNext("sendMessage", { kind: "drop" });
    await expect(api.sendMessage(alice.id, "1")).rejects.toBeInstanceOf(HttpError);
    emulator.failNext("sendMessage", { kind: "500" });
    await expect(api.sendMessage(alice.id, "2")).rejects.toMatchObject({ error_code: 500 });
    emulator.failNext("sendMessage", { kind: "error", errorCode: 403, description: "Forbidden: bot was blocked by the user" });
    await expect(api.sendMessage(alice.id, "3")).rejects.toMatchObject({ error_code: 403 });
    emulator.failNext("sendMessage", { kind: "slow", delayMs: 200 });
    const started = Date.now();
    await api.sendMessage(alice.id, "4");

    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(emulator.delivered("sendMessage").map((c) => c.params.text)).toEqual(["4"]);
    expect(emulator.calls.map((c) => c.fault?.kind)).toEqual(["drop", "500", "error", "slow"]);
  });

  it("explains a waitFor timeout by listing what was recorded", async () => {
    const emulator = await startEmulator();
    await botFor(emulator).api.getMe();
    await expect(emulator.waitFor((c) => c.method === "sendMessage", { timeoutMs: 50 })).rejects.toThrow(
      /no matching call within 50 ms[\s\S]*#0 getMe → ok/,
    );
  });
});
