import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BotStore, type NewQuestion } from "../../src/storage/botStore.js";
import { makeTempDir } from "../support/fixtures.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function question(overrides: Partial<NewQuestion> = {}): NewQuestion {
  return {
    userId: 10,
    chatId: 10,
    chatType: "private",
    question: "Có bao nhiêu xã có chi bộ cơ quan?",
    answer: "68/152 xã",
    abstained: false,
    generation: "gen-1",
    citations: [{ passageId: "doc#1", quote: "68/152 xã" }, { passageId: "doc#3", quote: null }],
    ...overrides,
  };
}

function openMemory(): BotStore {
  const store = BotStore.open(":memory:");
  cleanups.push(() => store.close());
  return store;
}

describe("BotStore", () => {
  it("keeps a question with its citations, and it survives reopening the file", async () => {
    const { dir, cleanup } = await makeTempDir("bot-store");
    cleanups.push(cleanup);
    const file = join(dir, "bot.sqlite");
    const first = BotStore.open(file);
    const id = first.recordQuestion(question());
    first.setLatency(id, 12.5);
    first.close();

    const second = BotStore.open(file);
    cleanups.push(() => second.close());
    expect(second.question(id)).toMatchObject({
      id,
      question: "Có bao nhiêu xã có chi bộ cơ quan?",
      abstained: false,
      citations: [{ passageId: "doc#1", quote: "68/152 xã" }, { passageId: "doc#3", quote: null }],
      latencyMs: 12.5,
    });
    // Ids are never reused, so an old button can never point at a newer question.
    expect(second.recordQuestion(question())).toBeGreaterThan(id);
  });

  it("returns null for an unknown question id", () => {
    expect(openMemory().question(999)).toBeNull();
  });

  it("stores one vote per user and question, the latest winning", () => {
    const store = openMemory();
    const id = store.recordQuestion(question());
    store.recordFeedback(id, 1, 1);
    store.recordFeedback(id, 1, -1);
    store.recordFeedback(id, 2, 1);
    expect(store.feedbackFor(id)).toEqual({ up: 1, down: 1 });
  });

  it("reports questions, abstention rate, feedback and the 95th percentile latency", () => {
    const store = openMemory();
    const now = new Date("2026-01-10T12:00:00Z");
    for (let i = 1; i <= 20; i++) {
      const id = store.recordQuestion(question({ abstained: i % 4 === 0, userId: i % 3, askedAt: new Date(now.getTime() - (i <= 5 ? 3600_000 : 48 * 3600_000)) }));
      store.setLatency(id, i * 10);
      if (i <= 3) store.recordFeedback(id, 100, i === 3 ? -1 : 1);
    }
    expect(store.stats(now)).toEqual({
      questions: 20,
      questionsLast24h: 5,
      answered: 15,
      abstained: 5,
      abstentionRate: 0.25,
      users: 3,
      feedbackUp: 2,
      feedbackDown: 1,
      latencyP95Ms: 190,
    });
  });

  it("reports no rates before the first question", () => {
    expect(openMemory().stats()).toMatchObject({ questions: 0, abstentionRate: null, latencyP95Ms: null });
  });
});
