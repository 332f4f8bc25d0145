/** The in-memory side of running quizzes: when a quiz is complete, its timer, shutdown. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QuizRun, QuizRuns } from "../../src/bot/quizRuns.js";

describe("QuizRun.isComplete", () => {
  function run(polls: number): QuizRun {
    const r = new QuizRun(1, -100);
    for (let i = 1; i <= polls; i++) r.addPoll(`p${i}`, i);
    r.isSendingDone = true;
    return r;
  }

  it("is complete once everyone who answered the first poll has answered the last", () => {
    const r = run(3);
    r.addAnswer("p1", 7);
    r.addAnswer("p1", 8);
    r.addAnswer("p3", 7);
    expect(r.isComplete()).toBe(false);
    r.addAnswer("p3", 8);
    expect(r.isComplete()).toBe(true);
  });

  it("ignores players who joined after the first poll", () => {
    const r = run(2);
    r.addAnswer("p1", 7);
    r.addAnswer("p2", 9);
    expect(r.isComplete()).toBe(false);
    r.addAnswer("p2", 7);
    expect(r.isComplete()).toBe(true);
  });

  it("is never complete while polls are still being sent, or before the last poll has an answer", () => {
    const r = run(2);
    r.isSendingDone = false;
    r.addAnswer("p1", 7);
    r.addAnswer("p2", 7);
    expect(r.isComplete()).toBe(false);
    expect(run(2).isComplete()).toBe(false);
    expect(run(0).isComplete()).toBe(false);
  });
});

describe("QuizRuns", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("calls onTimeout once when the time is up, unless the run ended first", () => {
    const runs = new QuizRuns();
    const timedOut: number[] = [];
    runs.begin({ id: 1, chatId: -1 }, { timeoutMs: 1000, onTimeout: () => timedOut.push(1) });
    runs.begin({ id: 2, chatId: -2 }, { timeoutMs: 1000, onTimeout: () => timedOut.push(2) });
    runs.end(2, -2);
    vi.advanceTimersByTime(999);
    expect(timedOut).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(timedOut).toEqual([1]);
    vi.advanceTimersByTime(10_000);
    expect(timedOut).toEqual([1]);
  });

  it("remembers the last quiz each chat finished", () => {
    const runs = new QuizRuns();
    runs.begin({ id: 3, chatId: -1 }, { timeoutMs: 1000, onTimeout: () => undefined });
    expect(runs.get(3)).toBeDefined();
    expect(runs.lastFinishedIn(-1)).toBeUndefined();
    runs.end(3, -1);
    expect(runs.get(3)).toBeUndefined();
    expect(runs.lastFinishedIn(-1)).toBe(3);
  });

  it("runs no timer after close, and refuses new runs", () => {
    const runs = new QuizRuns();
    const onTimeout = vi.fn();
    runs.begin({ id: 1, chatId: -1 }, { timeoutMs: 1000, onTimeout });
    runs.close();
    runs.close();
    vi.advanceTimersByTime(5000);
    expect(onTimeout).not.toHaveBeenCalled();
    expect(() => runs.begin({ id: 2, chatId: -1 }, { timeoutMs: 1000, onTimeout })).toThrow(/closed/);
  });
});
