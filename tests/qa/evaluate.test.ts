import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/qa/engine.js";
import { judge } from "../../src/qa/evaluate.js";

/** An answer citing `passages`, first to last. */
function answered(answer: string, passages: readonly string[]): AnswerResult {
  return {
    question: "q",
    answer,
    abstained: false,
    reason: null,
    ms: 1,
    citations: passages.map((passage, i) => ({ passageId: `d#${i}`, docId: "d", title: "T", location: "", passage, quote: null })),
  } as unknown as AnswerResult;
}

describe("judging an answer", () => {
  it("counts the source cited when the passage joined the lines the source was copied across", () => {
    const question = { id: "x1", kind: "vi", q: "Bao nhiêu đảng viên?", expect_any: ["1.387 đảng viên"], source: "toàn Đảng bộ có 1.387 đảng viên\n(1.352 đảng viên chính thức," };
    const result = answered("toàn Đảng bộ có 1.387 đảng viên", ["Tính đến ngày 15/6/2026, toàn Đảng bộ có 1.387 đảng viên (1.352 đảng viên chính thức, 35 đảng viên dự bị)."]);
    const outcome = judge(question, result);
    expect(outcome.correct).toBe(true);
    expect(outcome.hit1).toBe(true);
  });

  it("does not count a passage that holds only part of the source, nor a source cited third for hit@1", () => {
    const question = { id: "x2", kind: "vi", q: "q", expect_any: ["35"], source: "có 35 đảng viên dự bị, tăng 4" };
    const outcome = judge(question, answered("35", ["Đảng bộ có 35 đảng viên dự bị.", "Khác.", "Năm nay có 35 đảng viên  dự bị, tăng 4 so với năm trước."]));
    expect(outcome.hit1).toBe(false);
    expect(outcome.hit3).toBe(true);
  });
});
