import { describe, expect, it } from "vitest";
import { TermStats } from "../../src/index/termStats.js";
import { understandQuestion } from "../../src/qa/query.js";
import { checkSpelling } from "../../src/qa/spelling.js";

function stats(texts: readonly string[]): TermStats {
  const s = new TermStats();
  for (const t of texts) s.add(t);
  return s;
}

describe("spelling against the corpus", () => {
  const corpus = stats([
    "Đơn vị hoàn thành tốt nhiệm vụ được tặng Giấy khen.",
    "Cơ quan hoàn thành xuất sắc nhiệm vụ được tặng Bằng khen.",
    "Các đơn vị chưa hoàn thành nhiệm vụ phải báo cáo.",
    "Tinh thần trách nhiệm của cán bộ được đề cao.",
  ]);
  const pairs = (bigram: string): number => (bigram === "hoan_thanh" ? 3 : bigram === "tinh_than" ? 1 : 0);

  it("corrects a typo that makes another word by the compound its neighbour forms (\"hoàn thàn\" → \"hoàn thành\")", () => {
    const plan = checkSpelling(understandQuestion("Đơn vị hoàn thàn tốt nhiệm vụ được tặng gì?"), corpus, pairs);
    expect(plan.terms.some((t) => t.fold === "thanh" && t.accent === null)).toBe(true);
  });

  it("leaves a word that forms a compound the corpus uses as typed", () => {
    const plan = checkSpelling(understandQuestion("Tinh thần trách nhiệm của cán bộ thế nào?"), corpus, pairs);
    expect(plan.terms.some((t) => t.fold === "than")).toBe(true);
  });

  it("corrects a misspelt place name by the compound it forms, and the name with it (\"Krôg Bông\" → \"krong_bong\")", () => {
    const places = stats(["Huyện Krông Bông có 12 xã.", "Krông Bông và Krông Pắc là hai huyện.", "Huyện Krông Bông tổ chức hội nghị.", "Kế hoạch của huyện.", "Kho lưu trữ.", "Kho bạc."]);
    const plan = checkSpelling(understandQuestion("Huyện Krôg Bông có bao nhiêu xã?"), places, (bigram) => (bigram === "krong_bong" ? 3 : 0));
    expect(plan.names).toEqual([["krong_bong"]]);
    expect(plan.terms.some((t) => t.fold === "krong")).toBe(true);
  });
});
