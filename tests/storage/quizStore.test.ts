import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
import { QuizStore, quizDbPath } from "../../src/storage/quizStore.js";
import { makeTempDir } from "../support/fixtures.js";

const CHAT = -1001234567890;
const ALICE = { id: 111, name: "Alice" };
const BOB = { id: 222, name: "Bob" };

let dir = "";
let cleanup: () => Promise<void> = async () => {};
let file = "";

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir("quiz-scores"));
  file = quizDbPath(path.join(dir, "data"));
});

afterEach(async () => {
  await cleanup();
});

function withStore<T>(run: (store: QuizStore) => T): T {
  const store = new QuizStore(file);
  try {
    return run(store);
  } finally {
    store.close();
  }
}

describe("QuizStore", () => {
  it("keeps sessions, polls and scores across a close and reopen", () => {
    const sessionId = withStore((store) => {
      const session = store.startSession(CHAT, ALICE.id, ["q1", "q2"]);
      store.recordPoll({ pollId: "p1", chatId: CHAT, sessionId: session.id, questionId: "q1", correctOption: 2, messageId: 10 });
      expect(store.recordAnswer("p1", ALICE, [2])).toEqual({ counted: true, correct: true });
      return session.id;
    });
    withStore((store) => {
      expect(store.activeSession(CHAT)).toMatchObject({ id: sessionId, startedBy: ALICE.id, state: "active", questionIds: ["q1", "q2"] });
      expect(store.poll("p1")).toEqual({ pollId: "p1", chatId: CHAT, sessionId, questionId: "q1", correctOption: 2, messageId: 10 });
      expect(store.recordAnswer("p1", BOB, [0])).toEqual({ counted: true, correct: false });
      expect(store.sessionResults(sessionId)?.scores).toEqual([
        { userId: ALICE.id, name: "Alice", correct: 1, answered: 1 },
        { userId: BOB.id, name: "Bob", correct: 0, answered: 1 },
      ]);
    });
  });

  it("uses WAL journaling in a file under the data folder", () => {
    withStore(() => undefined);
    expect(path.basename(file)).toBe("quiz.sqlite");
    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("counts a user's first answer only: a changed or retracted vote changes nothing", () => {
    withStore((store) => {
      const s = store.startSession(CHAT, ALICE.id);
      store.recordPoll({ pollId: "p1", chatId: CHAT, sessionId: s.id, questionId: "q1", correctOption: 1, messageId: null });
      expect(store.recordAnswer("p1", ALICE, [0])).toEqual({ counted: true, correct: false });
      expect(store.recordAnswer("p1", ALICE, [1])).toEqual({ counted: false, correct: false });
      expect(store.recordAnswer("p1", ALICE, [])).toEqual({ counted: false, correct: false });
      expect(store.sessionResults(s.id)?.scores).toEqual([{ userId: ALICE.id, name: "Alice", correct: 0, answered: 1 }]);
    });
  });

  it("returns null for an answer to an unknown poll", () => {
    withStore((store) => expect(store.recordAnswer("nope", ALICE, [0])).toBeNull());
  });

  it("allows one running session per chat and stops it", () => {
    withStore((store) => {
      const s = store.startSession(CHAT, ALICE.id);
      let error: unknown;
      try {
        store.startSession(CHAT, BOB.id);
      } catch (err) {
        error = err;
      }
      expect(isAppError(error, "INPUT_INVALID")).toBe(true);
      expect(store.startSession(42, BOB.id).chatId).toBe(42);
      expect(store.stopSession(CHAT)).toMatchObject({ id: s.id, state: "stopped" });
      expect(store.activeSession(CHAT)).toBeNull();
      expect(store.stopSession(CHAT)).toBeNull();
      expect(store.startSession(CHAT, BOB.id).id).not.toBe(s.id);
    });
  });

  it("does not count answers that arrive after the session was stopped", () => {
    withStore((store) => {
      const s = store.startSession(CHAT, ALICE.id);
      store.recordPoll({ pollId: "p1", chatId: CHAT, sessionId: s.id, questionId: "q1", correctOption: 0, messageId: 1 });
      store.stopSession(CHAT);
      expect(store.recordAnswer("p1", BOB, [0])).toEqual({ counted: false, correct: true });
      expect(store.sessionResults(s.id)?.scores).toEqual([]);
      expect(store.sessionResults(s.id)?.polls).toBe(1);
    });
  });

  it("ranks a chat's leaderboard over all its sessions, keyed by chat", () => {
    withStore((store) => {
      for (const [round, answers] of [
        [1, { alice: 0, bob: 0 }],
        [2, { alice: 0, bob: 1 }],
      ] as const) {
        const s = store.startSession(CHAT, ALICE.id);
        store.recordPoll({ pollId: `p${round}`, chatId: CHAT, sessionId: s.id, questionId: `q${round}`, correctOption: 0, messageId: round });
        store.recordAnswer(`p${round}`, ALICE, [answers.alice]);
        store.recordAnswer(`p${round}`, BOB, [answers.bob]);
        store.stopSession(CHAT);
      }
      const other = store.startSession(7, BOB.id);
      store.recordPoll({ pollId: "elsewhere", chatId: 7, sessionId: other.id, questionId: "q1", correctOption: 0, messageId: 1 });
      store.recordAnswer("elsewhere", BOB, [0]);
      expect(store.leaderboard(CHAT, 10)).toEqual([
        { userId: ALICE.id, name: "Alice", correct: 2, answered: 2 },
        { userId: BOB.id, name: "Bob", correct: 1, answered: 2 },
      ]);
      expect(store.leaderboard(CHAT, 1)).toHaveLength(1);
      expect(store.leaderboard(7, 10)).toEqual([{ userId: BOB.id, name: "Bob", correct: 1, answered: 1 }]);
    });
  });

  it("refreshes a user's display name with each answer", () => {
    withStore((store) => {
      const s = store.startSession(CHAT, ALICE.id);
      store.recordPoll({ pollId: "p1", chatId: CHAT, sessionId: s.id, questionId: "q1", correctOption: 0, messageId: 1 });
      store.recordPoll({ pollId: "p2", chatId: CHAT, sessionId: s.id, questionId: "q2", correctOption: 0, messageId: 2 });
      store.recordAnswer("p1", ALICE, [0]);
      store.recordAnswer("p2", { id: ALICE.id, name: "Alice N." }, [0]);
      expect(store.sessionResults(s.id)?.scores).toEqual([{ userId: ALICE.id, name: "Alice N.", correct: 2, answered: 2 }]);
    });
  });

  it("refuses a file written by a newer schema", () => {
    withStore(() => undefined);
    const db = new Database(file);
    db.pragma("user_version = 99");
    db.close();
    expect(() => new QuizStore(file)).toThrow(/newer version/);
  });
});
