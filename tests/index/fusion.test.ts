import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "../../src/index/fusion.js";

describe("reciprocal rank fusion", () => {
  it("ranks an item found by both retrievers above items found by one", () => {
    const fused = reciprocalRankFusion([
      { ids: ["a", "b", "c"], weight: 1 },
      { ids: ["c", "d"], weight: 1 },
    ]);
    expect(fused[0]?.id).toBe("c");
    expect(fused.map((f) => f.id).sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("lets a heavier list win ties", () => {
    const fused = reciprocalRankFusion([
      { ids: ["x"], weight: 1 },
      { ids: ["y"], weight: 0.5 },
    ]);
    expect(fused.map((f) => f.id)).toEqual(["x", "y"]);
  });
});
