import { describe, expect, it } from "vitest";
import { CorpusNumberIndex, numberDistractors, type CorpusNumber } from "../../src/quiz/distractors.js";
import { numericFacts } from "../../src/quiz/numeric.js";
import { scanNumbers } from "../../src/quiz/numbers.js";
import { mulberry32 } from "../../src/quiz/random.js";

/** A corpus number counting `noun`, as the quiz builder files it. */
function counted(value: number, noun: string): CorpusNumber {
  const [token] = scanNumbers(`có ${value} ${noun}`);
  if (!token) throw new Error(`no number in "${value}"`);
  return { kind: "count", token, noun };
}

describe("wrong options drawn from an index of the corpus's numbers", () => {
  it("finds the numbers of a group within a value range by binary search", () => {
    const index = new CorpusNumberIndex([counted(5, "chi bộ"), counted(40, "đảng viên"), counted(12, "xã"), counted(300, "đảng viên")]);
    const { list, from, to } = index.range("quantity", 10, 40);
    expect(list.slice(from, to).map((f) => f.value)).toEqual([12, 40]);
    expect(index.range("quantity:đảng viên").to - index.range("quantity:đảng viên").from).toBe(2);
    expect(index.range("percent").to).toBe(0);
  });

  it("still offers a number counting the same thing when thousands of other numbers are in range", () => {
    const [fact] = numericFacts("Toàn huyện hiện có 120 chi bộ cơ sở trực thuộc đảng bộ huyện.");
    if (!fact) throw new Error("no fact");
    const others = Array.from({ length: 20_000 }, (_, i) => counted(50 + (i % 300), `hộ dân loại ${i}`));
    const index = new CorpusNumberIndex([...others, counted(95, fact.noun)]);
    const wrong = numberDistractors(fact, index, new Set(), mulberry32(3), { want: 3, isStated: () => false });
    expect(wrong).toHaveLength(3);
    expect(wrong).toContain("95");
    expect(wrong).not.toContain("120");
  });
});
