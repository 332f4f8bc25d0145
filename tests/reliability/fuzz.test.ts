/**
 * Bad input: over ten thousand generated inputs (seeded, so every run sends the same ones) through the
 * bot's handler and the ask CLI. Nothing may throw, every reply must be valid Telegram HTML within
 * Telegram's limits, every callback query is answered, every private message gets a reply.
 *
 * Three layers, fastest first: the real bot in-process (createBot, every feature and middleware, an API
 * transformer that checks each call as Telegram would); a few hundred inputs through the running app
 * over real HTTP against the Bot API emulator (which refuses what Telegram refuses); and
 * `scripts/ask.ts --json --batch` on a file mixing questions with garbage lines.
 *
 * A failure names the seed and the input; change SEED to explore other inputs.
 */
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Chat, Message, Update, User, UserFromGetMe } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createBot } from "../../src/bot/createBot.js";
import type { DocumentIngest } from "../../src/bot/deps.js";
import { QuizRuns } from "../../src/bot/quizRuns.js";
import { BotStore } from "../../src/storage/botStore.js";
import { SAMPLE_QUESTIONS } from "../../src/bot/texts.js";
import { ConversationMemory } from "../../src/qa/conversationMemory.js";
import { QaEngine } from "../../src/qa/engine.js";
import { QuizStore } from "../../src/storage/quizStore.js";
import { type BotApiEmulator, groupChat, privateChat, startBotApiEmulator, type UserMessage, user } from "../../testing/botApiEmulator.js";
import { validateTelegramHtml } from "../../testing/telegramHtml.js";
import { buildWorkspace, buttonData, expectNoToken, type RunningApp, startBot, type Workspace } from "../bot/harness.js";
import { anyCodePoint, anyText, BOT_USERNAME, callbackData, firstName, Rng, TEXT_FAMILIES } from "./fuzzInputs.js";
import { collectingLogger, OfflineTelegram, UpdateFactory } from "./offlineBot.js";

const SEED = 0x7e57_2026;
const IN_PROCESS_UPDATES = 10_000;
const EMULATOR_UPDATES = 300;
const CLI_QUESTIONS = 220;
const CLI_GARBAGE_LINES = 80;
/** Most messages one update may produce: an answer is one or two, a long passage list a few more. */
const MAX_MESSAGES_PER_UPDATE = 12;

const REPO = resolve(import.meta.dirname, "../..");
const ADMIN = user(1, { firstName: "Quản trị" });

let ws: Workspace;
let questions: string[];

beforeAll(async () => {
  ws = await buildWorkspace("fuzz");
  const evalQuestions = (await readFile(join(REPO, "eval/questions.jsonl"), "utf8"))
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => (JSON.parse(l) as { q: string }).q);
  questions = [...SAMPLE_QUESTIONS, ...evalQuestions];
});

afterAll(async () => {
  await ws?.cleanup();
});

/** One generated update and what kind of input it is, to say what to expect and to report failures. */
interface Case {
  update: Update;
  kind: "private text" | "group text" | "edited" | "callback" | "start" | "poll answer";
  text?: string;
  /** A group message that neither mentions nor replies to the bot nor is a command. */
  isChatter?: boolean;
}

function describeCase(c: Case, index: number): string {
  const shown = c.text === undefined ? "" : JSON.stringify(c.text.length > 200 ? `${c.text.slice(0, 200)}…(${c.text.length} chars)` : c.text);
  return `seed ${SEED}, input #${index} (${c.kind}) ${shown}`;
}

describe("the bot's handler, in-process", () => {
  it(`survives ${IN_PROCESS_UPDATES} generated updates: no exception, every reply valid Telegram HTML, every question and button answered`, async () => {
    const engine = await QaEngine.open(ws.indexDir, { maxCitations: 5 });
    const token = "7000000002:AAE-fuzz_offline_token_0123456789abcdef";
    const botInfo: UserFromGetMe = {
      id: 7000000002, is_bot: true, first_name: "Trợ lý Tổ chức (fuzz)", username: BOT_USERNAME, can_join_groups: true,
      can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false,
    } as UserFromGetMe;
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: token, ADMIN_IDS: String(ADMIN.id), RATE_LIMIT_PER_MINUTE: "1000000", MAX_CITATIONS: "5" });
    const store = BotStore.open(":memory:");
    const logger = collectingLogger();
    const quiz = { store: new QuizStore(":memory:"), runs: new QuizRuns() };
    const ingest: DocumentIngest = {
      reload: async () => ({ swapped: false, generation: engine.index.generation }),
      addDocument: async () => {
        throw new Error("no uploads in this test");
      },
    };
    const bot = createBot({ config, engine, store, ingest, logger, quiz, conversations: new ConversationMemory({ ttlMs: config.CONVERSATION_TTL_MS }) }, { botInfo });
    const telegram = new OfflineTelegram(botInfo);
    telegram.install(bot);

    const rng = new Rng(SEED);
    const make = new UpdateFactory();
    const users = [ADMIN, ...Array.from({ length: 40 }, (_, i) => user(2000 + i))];
    const group: Chat = { id: -1001000000001, type: "supergroup", title: "Chi bộ fuzz" };
    const groupBotMessage = telegram.botMessage(group);
    /** Answers with buttons, per chat: callbacks press them with tampered data. */
    const answers: Array<{ chatId: number; message: Message; questionId: number }> = [];

    const problems: string[] = [];
    let callbacks = 0;
    for (let i = 0; i < IN_PROCESS_UPDATES; i++) {
      const from = rng.pick(users);
      const chat: Chat = privateChat(from);
      const roll = rng.next();
      let c: Case;
      if (roll < 0.6) {
        const text = anyText(rng, questions);
        c = { kind: "private text", text, update: make.message(from, chat, text) };
      } else if (roll < 0.72) {
        const base = anyText(rng, questions);
        const how = rng.int(0, 3);
        const text = how === 0 ? `@${BOT_USERNAME} ${base}` : how === 1 ? `${base} @${BOT_USERNAME}` : base;
        c = { kind: "group text", text, update: make.message(from, group, text, how === 2 ? groupBotMessage : undefined), isChatter: how === 3 && !text.startsWith("/") };
      } else if (roll < 0.8) {
        const text = anyText(rng, questions);
        c = { kind: "edited", text, update: make.edited(from, chat, text) };
      } else if (roll < 0.92) {
        const own = answers.filter((a) => a.chatId === chat.id);
        const target = own.length > 0 && rng.chance(0.8) ? rng.pick(own).message : telegram.botMessage(chat);
        const data = callbackData(rng, answers.map((a) => a.questionId));
        c = { kind: "callback", text: data, update: make.callback(from, target, data) };
      } else if (roll < 0.97) {
        const named = user(3000 + i, { firstName: firstName(rng), ...(rng.chance(0.3) ? { lastName: firstName(rng) } : {}) });
        const text = rng.pick(["/start", `/start ${anyCodePoint(rng)}`, "/help", "/nguon"]);
        c = { kind: "start", text: `${text} (first name ${JSON.stringify(named.first_name)})`, update: make.message(named, privateChat(named), text) };
      } else {
        const pollId = telegram.pollIds.length > 0 && rng.chance(0.7) ? rng.pick(telegram.pollIds) : String(rng.int(1, 1e12));
        c = { kind: "poll answer", text: pollId, update: make.pollAnswer(from, pollId, rng.chance(0.8) ? [rng.int(0, 9)] : []) };
      }

      const callsBefore = telegram.calls.length;
      const refusedBefore = telegram.refused.length;
      const logsBefore = logger.lines.length;
      try {
        await bot.handleUpdate(c.update);
      } catch (err) {
        problems.push(`${describeCase(c, i)}: handleUpdate threw ${String(err)}`);
      }
      const calls = telegram.calls.slice(callsBefore);
      const sent = calls.filter((call) => call.method === "sendMessage");
      for (const r of telegram.refused.slice(refusedBefore)) problems.push(`${describeCase(c, i)}: ${r.method} refused (${r.reason}): ${String(r.payload.text).slice(0, 300)}`);
      for (const line of logger.lines.slice(logsBefore)) {
        if (line.level === "error" || line.level === "warn") problems.push(`${describeCase(c, i)}: logged ${line.level} "${line.msg}" ${JSON.stringify(line.fields).slice(0, 300)}`);
      }
      if (sent.length > MAX_MESSAGES_PER_UPDATE) problems.push(`${describeCase(c, i)}: ${sent.length} messages for one update`);

      if ((c.kind === "private text" || c.kind === "start") && sent.length === 0) problems.push(`${describeCase(c, i)}: no reply in a private chat`);
      if (c.kind === "group text" && c.isChatter && sent.length > 0) problems.push(`${describeCase(c, i)}: answered chatter not addressed to the bot`);
      if (c.kind === "callback") {
        callbacks++;
        const answered = calls.filter((call) => call.method === "answerCallbackQuery");
        if (answered.length !== 1) problems.push(`${describeCase(c, i)}: callback answered ${answered.length} times`);
      }
      // Remember answers' buttons for later callbacks (the keyboard sits under the last message).
      const last = sent.at(-1);
      const markup = last?.payload.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined;
      const feedback = markup?.inline_keyboard?.flat().find((b) => b.callback_data?.startsWith("f:"))?.callback_data;
      if (last && feedback && c.update.message) {
        answers.push({ chatId: c.update.message.chat.id, message: telegram.botMessage(c.update.message.chat, String(last.payload.text)), questionId: Number(feedback.split(":")[1]) });
      }
      if (problems.length >= 20) break;
    }
    quiz.runs.close();
    quiz.store.close();
    store.close();

    expect(problems, problems.join("\n")).toEqual([]);
    // The generator reached every path it was meant to: answers, buttons pressed on real answers.
    expect(answers.length).toBeGreaterThan(500);
    expect(callbacks).toBeGreaterThan(800);
    expect(telegram.calls.filter((c) => c.method === "sendMessage").length).toBeGreaterThan(IN_PROCESS_UPDATES / 2);
  }, 120_000);
});

describe("the running app over HTTP (Bot API emulator)", () => {
  let emulator: BotApiEmulator;
  let app: RunningApp | undefined;

  afterAll(async () => {
    await app?.stop();
    if (app && emulator) expectNoToken(app.stdout.value + app.stderr.value, emulator.token);
    await emulator?.close();
  });

  it(`handles ${EMULATOR_UPDATES} generated updates with zero refused calls and valid HTML in every message`, async () => {
    emulator = await startBotApiEmulator();
    app = await startBot(emulator, ws, { ADMIN_IDS: String(ADMIN.id), MAX_CITATIONS: "5" });
    const running = app;
    const rng = new Rng(SEED + 1);
    const users = Array.from({ length: 12 }, (_, i) => user(4000 + i));
    const group = groupChat(-1002000000002, "Nhóm fuzz");

    // Real answers to press buttons on, in private chats and the group.
    const seeds: Update[] = [
      ...users.slice(0, 4).map((u, i) => emulator.sendText(u, privateChat(u), questions[i] ?? "Có bao nhiêu xã có chi bộ cơ quan?")),
      emulator.sendText(users[0] ?? ADMIN, group, "/hoi Có bao nhiêu xã có chi bộ cơ quan?"),
    ];
    for (const u of seeds) await running.handled(u, 15_000);
    const botMessages = emulator.delivered("sendMessage").map((c) => c.result as Message).filter((m) => buttonData(m).length > 0);
    expect(botMessages.length).toBe(seeds.length);
    const groupAnswer = botMessages.find((m) => m.chat.id === group.id);

    const sent: Array<{ update: Update; kind: Case["kind"]; text?: string }> = [];
    for (let i = 0; i < EMULATOR_UPDATES; i++) {
      const from = rng.pick(users);
      const roll = rng.next();
      if (roll < 0.55) {
        const text = anyText(rng, questions);
        sent.push({ kind: "private text", text, update: emulator.sendText(from, privateChat(from), text) });
      } else if (roll < 0.7) {
        const text = rng.chance(0.5) ? `@${BOT_USERNAME} ${anyText(rng, questions)}` : anyText(rng, questions);
        const replyTo = rng.chance(0.3) && groupAnswer ? { replyTo: groupAnswer } : {};
        sent.push({ kind: "group text", text, update: emulator.sendText(from, group, text, replyTo) });
      } else if (roll < 0.78) {
        const mine = emulator.chatHistory(from.id).filter((m) => m.from?.id === from.id && m.text !== undefined);
        const text = anyText(rng, questions);
        const original = mine.length > 0 ? rng.pick(mine) : undefined;
        if (original) sent.push({ kind: "edited", text, update: emulator.sendEditedText(original as UserMessage, text) });
      } else if (roll < 0.92) {
        const own = botMessages.filter((m) => m.chat.id === from.id || m.chat.id === group.id);
        const target = own.length > 0 ? rng.pick(own) : rng.pick(botMessages);
        const questionIds = botMessages.flatMap((m) => buttonData(m).filter((d) => d.startsWith("f:")).map((d) => Number(d.split(":")[1])));
        const data = callbackData(rng, questionIds);
        // Telegram refuses empty callback data on buttons; a client can still send any bytes it likes.
        sent.push({ kind: "callback", text: data, update: emulator.sendCallback(from, target, data === "" ? " " : data) });
      } else if (roll < 0.97) {
        const named = user(6000 + i, { firstName: firstName(rng) });
        sent.push({ kind: "start", text: named.first_name, update: emulator.sendText(named, privateChat(named), rng.pick(["/start", "/help", "/nguon"])) });
      } else {
        sent.push({ kind: "poll answer", update: emulator.sendPollAnswer(from, String(rng.int(1, 1e12)), [rng.int(0, 3)]) });
      }
      // A few at a time, as users type: several chats are in flight at once.
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5));
    }

    const pending = new Set(sent.map((s) => s.update.update_id));
    const deadline = Date.now() + 60_000;
    while (pending.size > 0 && Date.now() < deadline) {
      for (const r of running.records()) if (r.msg === "update") pending.delete(Number(r.update_id));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect([...pending], "updates never handled").toEqual([]);

    const records = running.records();
    const handledCount = new Map<number, number>();
    for (const r of records) if (r.msg === "update") handledCount.set(Number(r.update_id), (handledCount.get(Number(r.update_id)) ?? 0) + 1);
    expect([...handledCount].filter(([, n]) => n > 1), "updates handled twice").toEqual([]);
    expect(records.filter((r) => r.level === "error" || r.level === "warn")).toEqual([]);

    const outcomes = new Map(records.filter((r) => r.msg === "update").map((r) => [Number(r.update_id), String(r.outcome)]));
    const problems: string[] = [];
    for (const s of sent) {
      const outcome = outcomes.get(s.update.update_id);
      if (outcome === "error") problems.push(`${s.kind} ${JSON.stringify(s.text?.slice(0, 200))}: outcome error`);
      if (s.kind === "private text" && !["answered", "abstained", "hint", "command"].includes(outcome ?? "")) {
        problems.push(`${s.kind} ${JSON.stringify(s.text?.slice(0, 200))}: outcome ${outcome}`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);

    // Telegram would have accepted every call: nothing refused, every text valid HTML within 4,096.
    const refused = emulator.calls.filter((c) => c.method !== "getUpdates" && !c.ok);
    expect(refused.map((c) => `${c.method} ${c.errorCode} ${c.description}`)).toEqual([]);
    expect(emulator.calls.filter((c) => c.errorCode === 400)).toEqual([]);
    const texts = emulator.calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText");
    expect(texts.length).toBeGreaterThan(EMULATOR_UPDATES / 3);
    for (const c of texts) {
      if (c.params.parse_mode !== "HTML") continue;
      const parsed = validateTelegramHtml(String(c.params.text));
      expect(parsed.ok, `${parsed.ok ? "" : parsed.error}: ${String(c.params.text).slice(0, 300)}`).toBe(true);
    }
    // Every button press got its answer (the client shows a spinner until then).
    const pressed = sent.filter((s) => s.kind === "callback").map((s) => s.update.callback_query?.id);
    const answeredIds = new Set(emulator.delivered("answerCallbackQuery").map((c) => String(c.params.callback_query_id)));
    expect(pressed.filter((id) => !answeredIds.has(String(id)))).toEqual([]);
  }, 90_000);
});

describe("the ask CLI in batch mode", () => {
  interface CliAnswer {
    id?: unknown;
    question: unknown;
    answer: unknown;
    abstained: unknown;
    citations: unknown;
    ms: unknown;
  }

  function garbageLine(rng: Rng): string {
    return rng.pick([
      () => "null",
      () => "42",
      () => "true",
      () => '"a string"',
      () => "[]",
      () => "{}",
      () => `{"q": ${rng.pick(["5", "null", "[\"a\"]", "{}", "true"])}}`,
      () => `{"id": ${rng.int(1, 100)}}`,
      () => `{"q": "${rng.pick(questions).slice(0, 20)}`,
      () => `{"__proto__": {"q": "x"}}`,
      () => Array.from({ length: rng.int(1, 80) }, () => anyCodePoint(rng)).join("").replace(/[\n\r]/g, " ").replace(/^\s*$/, "x"),
      () => rng.pick(TEXT_FAMILIES).make(rng, questions).replace(/[\n\r\u2028\u2029\u0085]/g, " ").replace(/^\s*$/, "#"),
      () => `not json at all ${"x".repeat(rng.int(0, 100_000))}`,
    ])();
  }

  it("answers every question line with one JSON object of the documented shape, skips garbage lines with a message, and exits 0", async () => {
    const rng = new Rng(SEED + 2);
    const lines: string[] = [];
    const expectedIds: unknown[] = [];
    let garbage = 0;
    const total = CLI_QUESTIONS + CLI_GARBAGE_LINES;
    for (let i = 0; i < total; i++) {
      // The first line is a question, so the byte-order mark below sits in front of one.
      if (i > 0 && rng.next() < CLI_GARBAGE_LINES / total) {
        const line = garbageLine(rng);
        if (line.trim() === "") continue;
        lines.push(line);
        garbage++;
      } else {
        const id = rng.pick([i, `q${i}`, { n: i, tag: "<b>" }, [i], null]);
        const q = anyText(rng, questions);
        // JSON.stringify writes lone surrogates as \ud800 escapes and control characters escaped: one line each.
        lines.push(rng.chance(0.5) ? JSON.stringify({ id, q }) : JSON.stringify({ q, id, extra: "ignored" }));
        expectedIds.push(id);
      }
    }
    const file = join(ws.root, "batch.jsonl");
    // A byte-order mark (Windows editors add one), CRLF line ends, blank lines, and bytes that are not UTF-8.
    const body = Buffer.concat([
      Buffer.from("\ufeff"),
      Buffer.from(lines.map((l, i) => (i % 7 === 0 ? `${l}\r\n\n` : `${l}\n`)).join("")),
      Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0x0a]),
    ]);
    garbage++; // the final line of invalid bytes
    await writeFile(file, body);

    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ask.ts", "--json", "--batch", file, "--index", ws.indexDir], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    const code = await new Promise<number | null>((done) => child.once("exit", (exitCode) => done(exitCode)));
    const stdout = Buffer.concat(out).toString("utf8");
    const stderr = Buffer.concat(err).toString("utf8");
    expect(code, stderr.slice(0, 2000)).toBe(0);

    const outputLines = stdout.split("\n").filter((l) => l !== "");
    expect(outputLines).toHaveLength(expectedIds.length);
    for (const [i, line] of outputLines.entries()) {
      const parsed = JSON.parse(line) as CliAnswer;
      expect(Object.keys(parsed).sort()).toEqual(["abstained", "answer", "citations", "id", "ms", "question"]);
      expect(parsed.id).toEqual(expectedIds[i]);
      expect(typeof parsed.question).toBe("string");
      expect(typeof parsed.abstained).toBe("boolean");
      expect(parsed.answer === null || typeof parsed.answer === "string").toBe(true);
      expect(parsed.abstained).toBe(parsed.answer === null);
      expect(typeof parsed.ms === "number" && Number.isFinite(parsed.ms) && parsed.ms >= 0).toBe(true);
      expect(Array.isArray(parsed.citations)).toBe(true);
      for (const c of parsed.citations as unknown[]) {
        expect(Object.keys(c as object).sort()).toEqual(["docId", "location", "passage", "title"]);
        for (const v of Object.values(c as object)) expect(typeof v).toBe("string");
      }
    }
    // Each skipped line is named on stderr, and nothing else is.
    const skipped = stderr.split("\n").filter((l) => /^line \d+: .*skipped$/.test(l));
    expect(skipped).toHaveLength(garbage);
    expect(stderr.split("\n").filter((l) => l !== "" && !/^line \d+: .*skipped$/.test(l))).toEqual([]);
  }, 60_000);
});
