import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildQuizBank } from "../../src/quiz/generate.js";
import { matchesTopic, pickQuiz, questionsOnTopic } from "../../src/quiz/pick.js";
import type { QuizBank } from "../../src/quiz/types.js";
import { foldKey } from "../../src/text/normalize.js";
import { ingestShippedCorpus } from "./shippedCorpus.js";

let bank: QuizBank;
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  const shipped = await ingestShippedCorpus();
  cleanup = shipped.cleanup;
  bank = buildQuizBank(shipped.index.passages).bank;
});

afterAll(async () => {
  await cleanup();
});

describe("pickQuiz", () => {
  it("picks n distinct questions, never two worded alike", () => {
    const quiz = pickQuiz(bank, { n: 10, seed: 1 });
    expect(quiz).toHaveLength(10);
    expect(new Set(quiz.map((q) => q.id)).size).toBe(10);
    expect(new Set(quiz.map((q) => foldKey(q.question))).size).toBe(10);
  });

  it("is deterministic for a seed and varies with the seed", () => {
    const ids = (seed: number): string[] => pickQuiz(bank, { n: 10, seed }).map((q) => q.id);
    expect(ids(3)).toEqual(ids(3));
    expect(ids(4)).not.toEqual(ids(3));
  });

  it("spreads a quiz over passages before repeating one", () => {
    const quiz = pickQuiz(bank, { n: 8, seed: 2 });
    const passagesWithQuestions = new Set(bank.questions.map((q) => q.source.passageId)).size;
    expect(new Set(quiz.map((q) => q.source.passageId)).size).toBe(Math.min(8, passagesWithQuestions));
  });

  it("filters by topic without regard to diacritics or case", () => {
    const withMarks = questionsOnTopic(bank, "chi bộ quân sự");
    const withoutMarks = questionsOnTopic(bank, "CHI BO QUAN SU");
    expect(withMarks.length).toBeGreaterThan(0);
    expect(withoutMarks.map((q) => q.id)).toEqual(withMarks.map((q) => q.id));
    for (const q of pickQuiz(bank, { n: 5, topic: "chi bo quan su", seed: 1 })) expect(matchesTopic(q, "chi bộ quân sự")).toBe(true);
  });

  it("matches the topic as a phrase of whole words, with commas for alternatives", () => {
    const q = bank.questions.find((x) => x.source.passage.includes("chi bộ quân sự"));
    if (!q) throw new Error("no question on chi bộ quân sự");
    expect(matchesTopic(q, "quan su")).toBe(true);
    expect(matchesTopic(q, "quansu")).toBe(false);
    expect(matchesTopic(q, "b")).toBe(false);
    expect(matchesTopic(q, "su quan")).toBe(false);
    expect(matchesTopic(q, "máy bay")).toBe(false);
    expect(matchesTopic(q, "máy bay, quân sự")).toBe(true);
  });

  it("returns fewer questions when the topic has fewer, and none for an unknown topic", () => {
    const onTopic = questionsOnTopic(bank, "Buôn Hồ");
    const quiz = pickQuiz(bank, { n: 100, topic: "Buôn Hồ", seed: 1 });
    expect(quiz.length).toBeGreaterThan(0);
    expect(quiz.length).toBeLessThanOrEqual(onTopic.length);
    expect(pickQuiz(bank, { n: 5, topic: "máy bay vũ trụ" })).toEqual([]);
  });
});
