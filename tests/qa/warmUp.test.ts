import { describe, expect, it } from "vitest";
import { warmUpQuestions } from "../../src/qa/warmUp.js";

describe("warm-up questions", () => {
  const passages = Array.from({ length: 50 }, (_, i) => ({ text: `Đảng bộ huyện số ${i} kết nạp đảng viên mới trong năm qua.` }));

  it("draws at most the asked number of questions from passages spread through the corpus, of several kinds", () => {
    const questions = [...warmUpQuestions(passages, 10)];
    const drawn = questions.slice(6);
    expect(drawn.length).toBeLessThanOrEqual(10);
    expect(drawn.length).toBeGreaterThan(5);
    expect(new Set(drawn.map((q) => q.replace(/\d+/g, ""))).size).toBeGreaterThan(5);
    expect(drawn.some((q) => /bao nhiêu/u.test(q))).toBe(true);
    // Some are typed without diacritics.
    expect(drawn.some((q) => /^[\x20-\x7e]+$/.test(q))).toBe(true);
  });

  it("asks, given enough passages, the forms that take their own paths: a negation, a yes-or-no, a deadline, an office's holder", () => {
    const drawn = [...warmUpQuestions(passages, 40)].join("\n");
    for (const form of [/không được/u, /có bắt buộc không/u, /trước ngày nào/u, /^Ai giữ chức/mu]) expect(drawn).toMatch(form);
  });

  it("asks only the fixed questions of an empty corpus, and skips passages without words", () => {
    expect([...warmUpQuestions([], 10)]).toHaveLength(6);
    expect([...warmUpQuestions([{ text: "1. 2. 3." }], 10)]).toHaveLength(6);
  });
});
