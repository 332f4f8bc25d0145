import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractAnswer } from "../../src/qa/answer.js";
import { DEFAULT_POLICY, withPolicy } from "../../src/qa/policy.js";
import { understandQuestion, type QuestionKind } from "../../src/qa/query.js";
import { kindBonus, maxKindBonus } from "../../src/qa/slots.js";
import { TermStats } from "../../src/index/termStats.js";
import { splitClauses, splitSentences } from "../../src/text/sentences.js";

// extractAnswer checks a passage's units from the highest bound down and stops when no bound can beat the
// best unit found: the bound must hold, or a unit that would have answered is skipped unseen.

const CORPUS = path.resolve(__dirname, "../../corpus");
const TEXT = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(path.join(CORPUS, f), "utf8"))
  .join("\n");
const UNITS = [
  ...splitSentences(TEXT).flatMap((s) => [s.text, ...splitClauses(s).map((c) => c.text)]),
  "Để nâng cao chất lượng sinh hoạt chi bộ, nhằm phát huy vai trò của đảng viên.",
  "Hội nghị được tổ chức vào ngày 20/12/2025 tại Hà Nội, gồm: Sở Nội vụ, Sở Tài chính; Ban Tổ chức; Văn phòng.",
  "Đồng chí Nguyễn Văn A, Bí thư Đảng ủy, chủ trì; 45% đảng viên; 3 năm; hằng tháng; vì thiếu kinh phí.",
];

/** Questions of every kind the plan can take. */
const QUESTIONS: Record<QuestionKind, string> = {
  count: "Có bao nhiêu chi bộ cơ quan?",
  percent: "Đảng viên chiếm tỷ lệ bao nhiêu?",
  date: "Kế hoạch được ban hành ngày nào?",
  when: "Khi nào thì lập chi bộ?",
  duration: "Bao lâu thì sinh hoạt chi bộ một lần?",
  who: "Ai chủ trì hội nghị?",
  where: "Hội nghị tổ chức ở đâu?",
  list: "Hội nghị gồm những cơ quan nào?",
  purpose: "Kế hoạch nhằm mục đích gì?",
  reason: "Vì sao chi bộ chưa sinh hoạt?",
  definition: "Chi bộ cơ quan là gì?",
  other: "Tổ chức cơ sở đảng trong doanh nghiệp được xây dựng thế nào?",
};

describe("the bound on the checks of a unit", () => {
  it("no unit gets more from its kind than maxKindBonus allows, for every kind of question", () => {
    const seen = new Set<QuestionKind>();
    for (const question of Object.values(QUESTIONS)) {
      const plan = understandQuestion(question);
      seen.add(plan.kind);
      const bound = maxKindBonus(plan);
      const best = Math.max(...UNITS.map((unit) => kindBonus(plan, unit)));
      expect(best, `${plan.kind}: ${question}`).toBeLessThanOrEqual(bound + 1e-12);
    }
    // (Every kind but the catch-alls is reached by its question, and most reach their bound.)
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });

  it("scales with the policy's kind bonus and is never negative", () => {
    const plan = understandQuestion(QUESTIONS.list);
    expect(maxKindBonus(plan, withPolicy({ kindBonus: 2.4 }))).toBeCloseTo(2 * maxKindBonus(plan, DEFAULT_POLICY));
    expect(maxKindBonus(plan, withPolicy({ kindBonus: -1 }))).toBe(0);
  });

  it("picks the same unit as checking every unit would: the best-scoring one, the first of equals", () => {
    const stats = new TermStats();
    const passages = ["Chi bộ cơ quan có 12 đảng viên. Chi bộ cơ quan có 12 đảng viên.", "Toàn tỉnh có 88 chi bộ cơ quan, 1.357 đảng viên."];
    for (const p of passages) stats.add(p);
    const result = extractAnswer(understandQuestion("Chi bộ cơ quan có bao nhiêu đảng viên?"), passages.map((text, rank) => ({ id: `p${rank}`, text, context: "", title: "Báo cáo", rank })), stats);
    // The first passage says the same twice; the first time is the one quoted.
    const quoted = result.ranked.find((u) => u.passageId === "p0");
    expect(quoted?.text).toBe("Chi bộ cơ quan có 12 đảng viên.");
    expect(quoted?.start).toBe(0);
  });
});
