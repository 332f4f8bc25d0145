/**
 * The real app (startApp, as `npm start`) over real HTTP against the Bot API emulator: questions,
 * abstentions, commands, buttons (also after a restart), long answers, HTML-looking input, 429s, groups.
 */
import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { groupChat, privateChat, user, type UserChat, type UserMessage } from "../../testing/botApiEmulator.js";
import { blockquotes, bolds, buttonData, e2eSuite, expectValidHtml } from "./harness.js";

const ADMIN = user(1, { firstName: "Quản trị" });
const alice = user(101, { firstName: "Alice" });
const bob = user(102, { firstName: "Bob" });

// Eight citations per answer: "🔎 Nguồn khác" then holds more than one Telegram message can.
const BOT_ENV = { ADMIN_IDS: String(ADMIN.id), MAX_CITATIONS: "8" };

const e2e = e2eSuite("bot-questions", { env: BOT_ENV });

const ask = (from = alice, text: string, chat: UserChat = privateChat(from)) => e2e.exchange(() => e2e.emulator.sendText(from, chat, text));

describe("questions in a private chat", () => {
  it("answers with the figure first, then the cited passage quoted with the answer in bold", async () => {
    const { outcome, messages, html, calls } = await ask(alice, "Có bao nhiêu xã có chi bộ cơ quan?");
    expect(outcome).toBe("answered");
    expect(messages).toHaveLength(1);
    const [text] = expectValidHtml(html);
    const message = messages[0] as Message;
    expect(text).toMatch(/^✅ Trả lời: 68\/152 xã có chi bộ cơ quan/);
    expect(text).toContain("Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk");
    expect(text).toContain("Mục “Những chuyển biến rõ rệt”, đoạn 1");
    const [quote] = blockquotes(message);
    expect(quote).toContain("Cụ thể: 68/152 xã có chi bộ cơ quan với 918 đảng viên; 12/20 phường");
    expect(bolds(message)).toContain("68/152 xã có chi bộ cơ quan với 918 đảng viên");
    expect(calls.some((c) => c.method === "sendChatAction" && c.params.action === "typing")).toBe(true);
    expect(calls.find((c) => c.method === "sendMessage")?.params.parse_mode).toBe("HTML");
    expect(buttonData(message)).toEqual([expect.stringMatching(/^x:\d+$/), expect.stringMatching(/^o:\d+$/), expect.stringMatching(/^f:\d+:\+$/), expect.stringMatching(/^f:\d+:-$/)]);
  });

  it("answers a question typed without diacritics", async () => {
    const { outcome, messages, html } = await ask(alice, "co bao nhieu phuong co chi bo co quan");
    expect(outcome).toBe("answered");
    const [text] = expectValidHtml(html);
    expect(text).toMatch(/^✅ Trả lời: 12\/20 phường có chi bộ cơ quan/);
    expect(bolds(messages[0] as Message)).toContain("12/20 phường có chi bộ cơ quan với 262 đảng viên");
  });

  it("abstains plainly on a question the documents do not cover, naming the closest passages", async () => {
    const { outcome, messages, html } = await ask(alice, "Ai là tác giả của Truyện Kiều?");
    expect(outcome).toBe("abstained");
    const [text] = expectValidHtml(html);
    expect(text).toContain("Tài liệu hiện có không đề cập đến nội dung này");
    expect(text).toContain("Các đoạn gần nhất");
    expect(text).toContain("Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk");
    expect(text).not.toMatch(/Nguyễn Du|Trả lời:/);
    expect(blockquotes(messages[0] as Message)).toEqual([]);
    expect(buttonData(messages[0])).toEqual([expect.stringMatching(/^o:\d+$/), expect.stringMatching(/^f:/), expect.stringMatching(/^f:/)]);
  });

  it("handles HTML-looking input safely", async () => {
    for (const text of ["<b>chi bộ cơ quan</b> & xã </blockquote>", "</blockquote><blockquote>", "&amp; &lt;", "<i>Ai là tác giả?"]) {
      const { outcome, html } = await ask(bob, text);
      expect(["answered", "abstained"]).toContain(outcome);
      expect(html.length).toBeGreaterThan(0);
      expectValidHtml(html);
    }
  });

  it("answers an edited question again", async () => {
    const first = await ask(bob, "Ai là tác giả của Truyện Kiều?");
    const original = e2e.emulator.chatHistory(bob.id).find((m) => m.text === "Ai là tác giả của Truyện Kiều?");
    expect(first.outcome).toBe("abstained");
    if (!original) throw new Error("question not in history");
    const edited = await e2e.exchange(() => e2e.emulator.sendEditedText(original as UserMessage, "Có bao nhiêu xã có chi bộ cơ quan?"));
    expect(edited.outcome).toBe("answered");
    expect(expectValidHtml(edited.html)[0]).toContain("68/152");
  });

  it("refuses an over-long question with a clear message", async () => {
    const { outcome, html } = await ask(bob, `chi bộ ${"rất ".repeat(200)}dài`);
    expect(outcome).toBe("hint");
    expect(expectValidHtml(html)[0]).toContain("Câu hỏi dài quá");
  });

  it("gives a short hint for a non-text message", async () => {
    const { outcome, html } = await e2e.exchange(() => e2e.emulator.sendNonText(bob, privateChat(bob), "sticker"));
    expect(outcome).toBe("hint");
    expect(html[0]).toContain("câu hỏi dạng chữ");
  });

  it("delivers the reply exactly once after a 429 with retry_after", async () => {
    e2e.emulator.failNext("sendMessage", { kind: "429", retryAfterS: 1 });
    const { outcome, calls } = await ask(bob, "Có bao nhiêu xã có chi bộ cơ quan?");
    expect(outcome).toBe("answered");
    const attempts = calls.filter((c) => c.method === "sendMessage");
    expect(attempts.map((c) => c.errorCode ?? "ok")).toEqual([429, "ok"]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("survives a failing update: logs it, apologises, and answers the next one", async () => {
    e2e.emulator.failNext("sendMessage", { kind: "error", errorCode: 400, description: "Bad Request: something unexpected" });
    const failed = await ask(bob, "Có bao nhiêu xã có chi bộ cơ quan?");
    expect(failed.outcome).toBe("error");
    expect(failed.html.join("")).toContain("đã có lỗi");
    expect(e2e.bot.records().some((r) => r.msg === "update failed" && String(r.error).includes("something unexpected"))).toBe(true);
    const next = await ask(bob, "co bao nhieu phuong co chi bo co quan");
    expect(next.outcome).toBe("answered");
  });
});

describe("logs", () => {
  it("writes one JSON line per update (user, chat type, latency, outcome) and no message text at LOG_LEVEL=info", async () => {
    const question = "Toàn tỉnh có bao nhiêu đảng bộ bộ phận?";
    const update = e2e.emulator.sendText(alice, privateChat(alice), question);
    const line = await e2e.bot.handled(update);
    expect(line).toMatchObject({ level: "info", msg: "update", update_type: "message", user_id: alice.id, chat_type: "private", outcome: "answered" });
    expect(typeof line.latency_ms).toBe("number");
    expect(line).not.toHaveProperty("text");
    expect(e2e.bot.records().filter((r) => r.update_id === update.update_id)).toHaveLength(1);
    expect(e2e.bot.stdout.value + e2e.bot.stderr.value).not.toContain(question);
  });
});

describe("commands", () => {
  it("registers the command menu with Vietnamese descriptions, admin commands only for admins", () => {
    const calls = e2e.emulator.calls.filter((c) => c.method === "setMyCommands" && c.ok);
    const everyone = calls.find((c) => c.params.scope === undefined);
    const commands = (everyone?.params.commands ?? []) as Array<{ command: string; description: string }>;
    expect(commands.map((c) => c.command)).toEqual(["start", "help", "nguon", "hoi", "moi", "quiz", "ketqua", "bangxephang", "dungquiz"]);
    expect(commands.find((c) => c.command === "nguon")?.description).toBe("Danh sách tài liệu đã nạp");
    const admin = calls.find((c) => (c.params.scope as { chat_id?: number } | undefined)?.chat_id === ADMIN.id);
    expect((admin?.params.commands as Array<{ command: string }>).map((c) => c.command)).toEqual(["start", "help", "nguon", "hoi", "moi", "quiz", "ketqua", "bangxephang", "dungquiz", "reload", "stats"]);
  });

  it("/start introduces the bot with sample questions", async () => {
    const { outcome, html } = await ask(alice, "/start");
    expect(outcome).toBe("command");
    const [text] = expectValidHtml(html);
    expect(text).toContain("Xin chào Alice");
    expect(text).toContain("Có bao nhiêu xã có chi bộ cơ quan?");
  });

  it("/help explains how to ask, with samples", async () => {
    const [text] = expectValidHtml((await ask(alice, "/help")).html);
    expect(text).toContain("Cách hỏi");
    expect(text).toContain("/hoi");
    expect(text).toContain("Xem nguyên văn");
  });

  it("/nguon lists the indexed documents with passage counts and the index date", async () => {
    const info = e2e.bot.app.engine.info();
    const [text] = expectValidHtml((await ask(alice, "/nguon")).html);
    expect(text).toContain(`1 tài liệu, ${info.passages} đoạn`);
    expect(text).toContain(`Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk — ${info.passages} đoạn`);
    expect(text).toMatch(/Chỉ mục lập lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} /);
  });

  it("answers commands with junk arguments, empty /hoi and unknown commands with a clear message", async () => {
    expect(expectValidHtml((await ask(alice, "/nguon abc")).html)[0]).toBe("Lệnh /nguon không cần tham số. Hãy gõ đúng /nguon.");
    expect(expectValidHtml((await ask(alice, "/help <b>me</b>")).html)[0]).toContain("không cần tham số");
    expect(expectValidHtml((await ask(alice, "/hoi")).html)[0]).toContain("Hãy viết câu hỏi sau lệnh");
    expect(expectValidHtml((await ask(alice, "/xyz")).html)[0]).toContain("Tôi không có lệnh /xyz");
  });

  it("/hoi asks a question", async () => {
    const { outcome, html } = await ask(alice, "/hoi Có bao nhiêu xã có chi bộ cơ quan?");
    expect(outcome).toBe("answered");
    expect(expectValidHtml(html)[0]).toContain("68/152");
  });

  it("refuses admin commands to others and runs them for admins", async () => {
    for (const command of ["/stats", "/reload"]) {
      const refused = await ask(bob, command);
      expect(refused.outcome).toBe("refused");
      expect(refused.html).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
    }
    const stats = await ask(ADMIN, "/stats");
    expect(stats.outcome).toBe("command");
    const [text] = expectValidHtml(stats.html);
    const s = e2e.bot.app.store?.stats();
    expect(s && s.questions).toBeGreaterThan(3);
    expect(text).toContain(`Câu hỏi: ${s?.questions}`);
    expect(text).toMatch(/Từ chối vì tài liệu không đề cập: \d+ \(\d+\.\d%\)/);
    expect(text).toMatch(/Độ trễ p95: \d+ ms/);
    const reload = await ask(ADMIN, "/reload");
    expect(expectValidHtml(reload.html)[0]).toContain("Chỉ mục không đổi");
    expect((await ask(ADMIN, "/stats now")).html[0]).toContain("không cần tham số");
  });
});

describe("buttons", () => {
  async function answered(from = alice, text = "Có bao nhiêu xã có chi bộ cơ quan?"): Promise<Message> {
    const { messages } = await ask(from, text);
    const last = messages.at(-1);
    if (!last) throw new Error("no answer");
    return last;
  }
  const press = (from: typeof alice, message: Message, data: string) => e2e.exchange(() => e2e.emulator.sendCallback(from, message, data));

  it("📄 Xem nguyên văn shows the cited passage with its neighbours, the answer still in bold", async () => {
    const message = await answered();
    const data = buttonData(message)[0] ?? "";
    const { outcome, calls, messages, html } = await press(alice, message, data);
    expect(outcome).toBe("button");
    expect(calls.some((c) => c.method === "answerCallbackQuery" && c.ok)).toBe(true);
    const texts = expectValidHtml(html);
    expect(texts[0]).toContain("Nguyên văn: Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk");
    const quotes = messages.flatMap(blockquotes);
    expect(quotes.length).toBe(2); // the first passage of its document has one neighbour
    expect(quotes[0]).toContain("68/152 xã có chi bộ cơ quan");
    expect(quotes[1]).toContain("Thực hiện mô hình tổ chức đảng");
    expect(messages.flatMap(bolds)).toContain("68/152 xã có chi bộ cơ quan với 918 đảng viên");
    expect(messages[0]?.reply_to_message?.message_id).toBe(message.message_id);
  });

  it("🔎 Nguồn khác shows the other passages, split into valid messages when over 4,096 characters", async () => {
    const message = await answered();
    const questionId = Number((buttonData(message)[1] ?? "").split(":")[1]);
    const stored = e2e.bot.app.store?.question(questionId);
    const others = (stored?.citations ?? []).slice(1).map((c) => e2e.bot.app.engine.passage(c.passageId)?.text.length ?? 0);
    // Precondition: the other passages together are longer than one Telegram message.
    expect(others.reduce((a, b) => a + b, 0)).toBeGreaterThan(4096);
    const { html, messages } = await press(alice, message, `o:${questionId}`);
    expect(messages.length).toBeGreaterThan(1);
    const texts = expectValidHtml(html);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(4096);
    // Cut between passages: each passage is quoted whole, in one message.
    const quotes = messages.flatMap(blockquotes);
    expect(quotes.map((q) => q.length).sort()).toEqual([...others].sort());
    expect(texts[0]).toContain("Các nguồn khác");
  });

  it("👍 / 👎 are stored with the question and counted in /stats", async () => {
    const message = await answered();
    const [, , up, down] = buttonData(message);
    const questionId = Number((up ?? "").split(":")[1]);
    const liked = await press(alice, message, up ?? "");
    expect(liked.calls.find((c) => c.method === "answerCallbackQuery")?.params.text).toContain("Cảm ơn");
    await press(bob, { ...message }, down ?? "");
    expect(e2e.bot.app.store?.feedbackFor(questionId)).toEqual({ up: 1, down: 1 });
    // Alice changes her mind: one vote per person.
    await press(alice, message, down ?? "");
    expect(e2e.bot.app.store?.feedbackFor(questionId)).toEqual({ up: 0, down: 2 });
  });

  it("the abstention's button lists the closest passages without claiming they answer", async () => {
    const message = await answered(alice, "Ai là tác giả của Truyện Kiều?");
    const { html } = await press(alice, message, buttonData(message)[0] ?? "");
    const texts = expectValidHtml(html);
    expect(texts[0]).toContain("Các đoạn gần nhất (không trả lời trực tiếp câu hỏi)");
  });

  it("answers forged, garbage or foreign callback data politely, never with an exception", async () => {
    const message = await answered();
    const otherChat = await answered(bob);
    const cases = ["garbage", "x:999999", "f:1:*", "x:0", `x:${"9".repeat(30)}`, buttonData(otherChat)[0] ?? ""];
    for (const data of cases) {
      const { outcome, calls, html } = await press(alice, message, data);
      expect(outcome).toBe("invalid");
      const answer = calls.find((c) => c.method === "answerCallbackQuery");
      expect(answer?.ok).toBe(true);
      expect(String(answer?.params.text)).toMatch(/không hợp lệ|Không tìm thấy/);
      expect(html).toEqual([]);
    }
  });
});

describe("groups", () => {
  const group = groupChat(-1001234567890, "Chi bộ test");

  it("answers a mention, in reply to the question", async () => {
    const { outcome, messages, html } = await ask(alice, "@tro_ly_test_bot Có bao nhiêu xã có chi bộ cơ quan?", group);
    expect(outcome).toBe("answered");
    expect(expectValidHtml(html)[0]).toContain("68/152");
    expect(messages[0]?.reply_to_message?.text).toContain("@tro_ly_test_bot");
  });

  it("answers /hoi and a reply to the bot, and stays quiet otherwise", async () => {
    const hoi = await ask(alice, "/hoi co bao nhieu phuong co chi bo co quan", group);
    expect(expectValidHtml(hoi.html)[0]).toContain("12/20");
    const botMessage = hoi.messages.at(-1);
    if (!botMessage) throw new Error("no answer");
    const reply = await e2e.exchange(() => e2e.emulator.sendText(bob, group, "Có bao nhiêu xã có chi bộ cơ quan?", { replyTo: botMessage }));
    expect(reply.outcome).toBe("answered");
    const chatter = await ask(bob, "Hôm nay họp chi bộ lúc mấy giờ?", group);
    expect(chatter.outcome).toBe("ignored");
    expect(chatter.html).toEqual([]);
    const sticker = await e2e.exchange(() => e2e.emulator.sendNonText(bob, group, "sticker"));
    expect(sticker.html).toEqual([]);
  });
});

describe("restart", () => {
  it("keeps the buttons working after the bot restarts (state is in SQLite, not memory)", async () => {
    const { messages } = await ask(alice, "Có bao nhiêu xã có chi bộ cơ quan?");
    const message = messages.at(-1);
    if (!message) throw new Error("no answer");
    const [original, others, up] = buttonData(message);
    const dataDir = e2e.bot.app.config.DATA_DIR;
    await e2e.start({ ...BOT_ENV, DATA_DIR: dataDir });

    const shown = await e2e.exchange(() => e2e.emulator.sendCallback(alice, message, original ?? ""));
    expect(shown.outcome).toBe("button");
    expect(shown.messages.flatMap(bolds)).toContain("68/152 xã có chi bộ cơ quan với 918 đảng viên");
    const more = await e2e.exchange(() => e2e.emulator.sendCallback(alice, message, others ?? ""));
    expect(more.outcome).toBe("button");
    expectValidHtml(more.html);
    await e2e.exchange(() => e2e.emulator.sendCallback(alice, message, up ?? ""));
    expect(e2e.bot.app.store?.feedbackFor(Number((up ?? "").split(":")[1]))).toEqual({ up: 1, down: 0 });
    // The restart did not handle any earlier update a second time.
    expect(e2e.bot.records().filter((r) => r.msg === "update")).toHaveLength(3);
  });
});
