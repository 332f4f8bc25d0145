import { describe, expect, it } from "vitest";
import { loadQuizBank, parseQuizBank } from "../../src/quiz/bank.js";
import { buildQuizBank } from "../../src/quiz/generate.js";
import { makePassage } from "./shippedCorpus.js";

const sample = buildQuizBank([makePassage("Hiện toàn tỉnh có 6 đảng bộ bộ phận và 42 chi bộ cơ sở trong các doanh nghiệp ngoài nhà nước.")]).bank;

describe("loadQuizBank", () => {
  it("reads back a bank that went through JSON", () => {
    expect(sample.questions.length).toBeGreaterThan(0);
    expect(loadQuizBank({ quiz: JSON.parse(JSON.stringify(sample)) })).toEqual(sample);
  });

  it("gives an empty bank for an index without one", () => {
    expect(loadQuizBank({ quiz: null })).toEqual({ version: 1, questions: [] });
    expect(parseQuizBank(undefined).problem?.reason).toMatch(/npm run ingest/);
  });

  it("gives an empty bank for another version or something that is not a bank", () => {
    expect(loadQuizBank({ quiz: { ...sample, version: 2 } }).questions).toEqual([]);
    expect(parseQuizBank({ ...sample, version: 2 }).problem?.reason).toMatch(/version 2/);
    expect(loadQuizBank({ quiz: "garbage" }).questions).toEqual([]);
    expect(loadQuizBank({ quiz: { version: 1, questions: "nope" } }).questions).toEqual([]);
  });

  it("skips malformed questions one by one", () => {
    const [first, ...rest] = sample.questions;
    if (!first) throw new Error("empty sample");
    const broken = { version: 1, questions: [{ ...first, correct: 99 }, { question: "?" }, ...rest] };
    const { bank, problem } = parseQuizBank(broken);
    expect(bank.questions).toEqual(rest);
    expect(problem?.skipped).toBe(2);
  });
});
