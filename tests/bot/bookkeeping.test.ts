/**
 * Answers never depend on bookkeeping: with a store that throws ENOSPC (a full DATA_DIR) every question
 * is still answered, feedback is still thanked, and admins are warned once, naming the folder and the
 * reason. A button pressed under an inline-mode message (no chat) is answered once and stores nothing.
 */
import type { Update, User, UserFromGetMe } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/createBot.js";
import type { DocumentIngest } from "../../src/bot/deps.js";
import { QuizRuns } from "../../src/bot/quizRuns.js";
import { BotStore } from "../../src/storage/botStore.js";
import { TEXT } from "../../src/bot/texts.js";
import { loadConfig } from "../../src/config.js";
import { isAppError } from "../../src/errors.js";
import { QaEngine } from "../../src/qa/engine.js";
import { QuizStore } from "../../src/storage/quizStore.js";
import { collectingLogger, OfflineTelegram, UpdateFactory } from "../reliability/offlineBot.js";
import { makeTempDir } from "../support/fixtures.js";
import { buildWorkspace, type Workspace } from "./harness.js";

const ADMINS = [910001, 910002];
const asker: User = { id: 920001, is_bot: false, first_name: "Lan" };
const botInfo = { id: 7000000003, is_bot: true, first_name: "Trợ lý", username: "tro_ly_test_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true } as UserFromGetMe;

let ws: Workspace;
let engine: QaEngine;

beforeAll(async () => {
  ws = await buildWorkspace("bookkeeping");
  engine = await QaEngine.open(ws.indexDir);
}, 120_000);

afterAll(async () => {
  await ws?.cleanup();
});

function enospc(): Error {
  return Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
}

function setUp(store: BotStore) {
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: "7000000003:AAE-bookkeeping_token_0123456789abcdef", ADMIN_IDS: ADMINS.join(","), DATA_DIR: "/srv/tro-ly/data", RATE_LIMIT_PER_MINUTE: "1000" });
  const logger = collectingLogger();
  const ingest: DocumentIngest = {
    reload: async () => ({ swapped: false, generation: engine.index.generation }),
    addDocument: async () => {
      throw new Error("no uploads here");
    },
  };
  const bot = createBot({ config, engine, store, ingest, logger, quiz: { store: new QuizStore(":memory:"), runs: new QuizRuns() } }, { botInfo });
  const telegram = new OfflineTelegram(botInfo);
  telegram.install(bot);
  return { bot, telegram, logger };
}

describe("a data folder that is full", () => {
  it("still answers every question and thanks feedback, logs each failed write, and warns each admin once", async () => {
    const store = BotStore.open(":memory:");
    store.recordQuestion = () => {
      throw enospc();
    };
    store.recordFeedback = () => {
      throw enospc();
    };
    const { bot, telegram, logger } = setUp(store);
    const make = new UpdateFactory();
    const chat = { id: asker.id, type: "private" as const, first_name: "Lan" };
    for (const q of ["Có bao nhiêu xã có chi bộ cơ quan?", "co bao nhieu phuong co chi bo co quan"]) await bot.handleUpdate(make.message(asker, chat, q));
    const toAsker = telegram.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === asker.id);
    expect(toAsker.map((c) => String(c.payload.text))).toEqual([expect.stringContaining("68/152"), expect.stringContaining("12/20")]);
    // Without a stored question there is nothing for buttons to show: the answer goes without them.
    expect(toAsker.every((c) => c.payload.reply_markup === undefined)).toBe(true);

    // A 👍 on an older answer whose question is stored still gets its thanks.
    const working = BotStore.open(":memory:");
    const id = working.recordQuestion({ userId: asker.id, chatId: asker.id, chatType: "private", question: "q", answer: "a", abstained: false, generation: "g", citations: [] });
    store.question = (qid) => working.question(qid);
    await bot.handleUpdate(make.callback(asker, telegram.botMessage(chat), `f:${id}:+`));
    expect(telegram.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text)).toEqual([TEXT.thanks(1)]);

    const warnings = telegram.calls.filter((c) => c.method === "sendMessage" && ADMINS.includes(Number(c.payload.chat_id)));
    expect(warnings.map((c) => Number(c.payload.chat_id)).sort()).toEqual(ADMINS);
    for (const w of warnings) expect(String(w.payload.text)).toContain("Không ghi được vào thư mục dữ liệu <code>/srv/tro-ly/data</code>: recording the question: ENOSPC: no space left on device, write (ENOSPC)");
    const failures = logger.lines.filter((l) => l.msg === "bookkeeping write failed; the answer is sent anyway");
    expect(failures.map((l) => l.fields.what)).toEqual(["recording the question", "recording the question", "recording feedback"]);
    expect(logger.lines.filter((l) => l.level === "error" && l.msg === "update failed")).toEqual([]);
    expect(telegram.refused).toEqual([]);
  }, 60_000);
});

describe("a button under an inline-mode message", () => {
  it("is answered once with 'not supported here' and stores nothing", async () => {
    const store = BotStore.open(":memory:");
    const id = store.recordQuestion({ userId: 1, chatId: 1, chatType: "private", question: "q", answer: "a", abstained: false, generation: "g", citations: [] });
    const { bot, telegram } = setUp(store);
    const inline = { update_id: 77, callback_query: { id: "cb-inline-1", from: asker, chat_instance: "ci-1", inline_message_id: "AAAAinline", data: `f:${id}:+` } } as Update;
    await bot.handleUpdate(inline);
    const answers = telegram.calls.filter((c) => c.method === "answerCallbackQuery");
    expect(answers.map((c) => c.payload.text)).toEqual([TEXT.inlineUnsupported]);
    expect(telegram.calls.filter((c) => c.method !== "answerCallbackQuery")).toEqual([]);
    expect(store.feedbackFor(id)).toEqual({ up: 0, down: 0 });
  });
});

describe("an unreadable database", () => {
  it("is named with the reason when it cannot be opened", async () => {
    const tmp = await makeTempDir("bad-db-");
    try {
      const err = (() => {
        try {
          BotStore.open(tmp.dir);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(isAppError(err, "DATA_UNAVAILABLE")).toBe(true);
      expect((err as Error).message).toMatch(new RegExp(`^Cannot (open|use) the bot database ${tmp.dir} \\(.+\\): check`));
    } finally {
      await tmp.cleanup();
    }
  });
});
