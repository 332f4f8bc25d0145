import { describe, expect, it } from "vitest";
import { quizSample } from "../../src/app.js";

describe("quiz sampling at ingest", () => {
  it("keeps small corpora whole and spreads a bounded sample over large ones", () => {
    const small = Array.from({ length: 50 }, (_, i) => i);
    expect(quizSample(small, 100)).toBe(small);
    const large = Array.from({ length: 10_000 }, (_, i) => i);
    const sample = quizSample(large, 1_000);
    expect(sample).toHaveLength(1_000);
    expect(sample[0]).toBe(0);
    expect(sample[999]).toBeGreaterThan(9_900);
    expect(quizSample(large, 1_000)).toEqual(sample);
  });
});
