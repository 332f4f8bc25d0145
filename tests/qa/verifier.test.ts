import { describe, expect, it } from "vitest";
import { crossValidateVerifier, WRONG_ANSWER_COST, type CalibrationRow } from "../../src/qa/calibrate.js";
import { DEFAULT_POLICY, withPolicy } from "../../src/qa/policy.js";
import { answerFeatures, checkVerifierModel, MAX_MARGIN, fitVerifier, SHIPPED_VERIFIER, wrongChance, type AnswerFeatures, type VerifierSample } from "../../src/qa/verifier.js";
import { engineForBlock } from "../support/corpusEngine.js";
import { TermStats } from "../../src/index/termStats.js";
import { extractAnswer, type CandidatePassage } from "../../src/qa/answer.js";
import { understandQuestion } from "../../src/qa/query.js";

const features = (margin: number, score = 6, ownCoverage = 0.9, rank = 0, termCount = 10): AnswerFeatures => ({ margin, score, ownCoverage, rank, termCount, lead: margin, coverage: 0.8, english: 0, unknownWords: 0 });

/** Answers whose margin over the runner-up decides whether they are wrong, with some noise in the other features. */
function samples(count: number): VerifierSample[] {
  return Array.from({ length: count }, (_, i) => {
    const margin = (i % 40) / 10;
    return { features: features(margin, 4 + (i % 7) / 2, 0.5 + (i % 5) / 10, i % 13, 5 + (i % 11)), wrong: margin < 0.8 ? i % 3 !== 0 : i % 17 === 0 };
  });
}

describe("the answer verifier", () => {
  it("learns that a narrow win over the runner-up is likely wrong", () => {
    const model = fitVerifier(samples(400));
    expect(model.answers).toBe(400);
    expect(model.weights[model.features.indexOf("margin")]).toBeLessThan(0);
    expect(wrongChance(features(0.1), model)).toBeGreaterThan(0.5);
    expect(wrongChance(features(3), model)).toBeLessThan(0.2);
  });

  it("fits the same model whatever the order of the samples", () => {
    const data = samples(200);
    const a = fitVerifier(data);
    const b = fitVerifier([...data].reverse());
    a.weights.forEach((w, i) => expect(b.weights[i]).toBeCloseTo(w, 9));
    expect(b.bias).toBeCloseTo(a.bias, 9);
  });

  it("reads the features of an answer: its margins over its rival and the next passage, capped, and its rank, capped", () => {
    const read = (rival: { score: number } | undefined, runnerUp: { score: number } | undefined, rank = 0) => answerFeatures({ best: { score: 7, ownCoverage: 1, coverage: 0.8 }, rival, runnerUp, rank, termCount: 8, english: true, unknownWords: 1 });
    expect(read({ score: 5.5 }, { score: 6.5 }, 30)).toEqual({ margin: 1.5, score: 7, ownCoverage: 1, rank: 12, termCount: 8, lead: 0.5, coverage: 0.8, english: 1, unknownWords: 1 });
    // With no rival, or one far behind, the margin is the cap.
    expect(read(undefined, undefined).margin).toBe(MAX_MARGIN);
    expect(read({ score: 1 }, { score: 1 }).lead).toBe(MAX_MARGIN);
  });

  it("rejects a malformed model file with what is wrong", () => {
    expect(() => checkVerifierModel({ version: 2 })).toThrow(/version 1/);
    expect(() => checkVerifierModel({ ...SHIPPED_VERIFIER, features: ["margin", "colour"] })).toThrow(/features/);
    expect(() => checkVerifierModel({ ...SHIPPED_VERIFIER, weights: [1, 2] })).toThrow(/one finite number per feature/);
    expect(() => checkVerifierModel({ ...SHIPPED_VERIFIER, scale: SHIPPED_VERIFIER.scale.map(() => 0) })).toThrow(/scales positive/);
  });

  it("ships a fitted model, and withholds where a wrong answer's cost outweighs a right one's worth", () => {
    expect(SHIPPED_VERIFIER.answers).toBeGreaterThan(1000);
    expect(DEFAULT_POLICY.maxWrongChance).toBeCloseTo(1 / (1 + WRONG_ANSWER_COST), 12);
    // The shipped model ranks a clear win as safer than a near tie from a low-ranked passage.
    expect(wrongChance(features(3, 8, 1, 0, 12))).toBeLessThan(wrongChance(features(0.05, 4.5, 0.5, 9, 6)));
  });

  it("is fitted on tunable rows only, and scores each document with a model fitted without it", () => {
    const data = samples(300);
    const rows: CalibrationRow[] = data.map((s, i) => ({ id: `q${i}`, set: "s", kind: i % 2 ? "vi" : "en", doc: `d${i % 3}`, correct: [], answered: [], tunable: i < 240, verifier: s }));
    // An abstention has no answer to verify.
    rows.push({ id: "x", set: "s", kind: "vi", doc: "d0", correct: [], answered: [], tunable: true, verifier: null });
    const v = crossValidateVerifier(rows);
    expect(v.model.answers).toBe(240);
    expect(v.crossValidated.answers).toBe(240);
    expect(v.heldOut.answers).toBe(60);
    expect(v.heldOutByKind.vi?.answers).toBe(30);
    expect(v.inSample.wrongRemoved).toBeGreaterThan(v.inSample.rightLost);
    expect(v.crossValidated.withheld).toBe(v.crossValidated.wrongRemoved + v.crossValidated.rightLost);
  });
});

describe("the answer's rival", () => {
  const charter = "Đảng uỷ Công an Trung ương do Bộ Chính trị chỉ định gồm một số Uỷ viên Ban Chấp hành Trung ương.";
  const extract = (other: string) => {
    const s = new TermStats();
    for (const p of [other, charter]) s.add(p);
    const candidates: CandidatePassage[] = [
      { id: "charter#124", text: charter, context: "Chương VI › Điều 27", title: "Điều lệ Đảng", rank: 0, isOfficial: true },
      { id: "other#1", text: other, context: "", title: "Bài viết", rank: 1 },
    ];
    return extractAnswer(understandQuestion("Cơ quan nào chỉ định Đảng ủy Công an Trung ương?"), candidates, s, withPolicy({ maxWrongChance: 1 }));
  };

  it("is a unit of another passage that gives another answer, close behind", () => {
    const e = extract("Đảng ủy Công an Trung ương do Ban Bí thư chỉ định, gồm 15 đồng chí.");
    expect(e.best?.passageId).toBe("charter#124");
    expect(e.features?.margin).toBeLessThan(MAX_MARGIN);
  });

  it("is never a text that restates the answer: both say the same", () => {
    const e = extract("Theo Điều lệ, Đảng uỷ Công an Trung ương do Bộ Chính trị chỉ định gồm một số Uỷ viên Ban Chấp hành Trung ương.");
    expect(e.best?.passageId).toBe("charter#124");
    expect(e.features?.margin).toBe(MAX_MARGIN);
  });
});

describe("withholding an uncertain answer", () => {
  const engine = engineForBlock("verifier-", {
    "bao-cao.md": "# Báo cáo công tác xây dựng Đảng năm 2025 của Đảng bộ xã Tân Phú\n\nĐến cuối năm 2025, Đảng bộ xã Tân Phú có 15 chi bộ trực thuộc với 420 đảng viên.\n\nTrong năm, Đảng bộ kết nạp 12 đảng viên mới.\n",
  });

  it("answers under the verifier off and withholds, with its reason, when no chance of error is tolerated", async () => {
    const retrieved = await engine().retrieve("Đảng bộ xã Tân Phú có bao nhiêu chi bộ trực thuộc?");
    const answered = engine().answer(retrieved, withPolicy({ maxWrongChance: 1 }));
    expect(answered.reason).toBeNull();
    expect(answered.answer).toContain("15 chi bộ");
    expect(answered.features?.termCount).toBeGreaterThan(0);
    const withheld = engine().answer(retrieved, withPolicy({ maxWrongChance: 0 }));
    expect(withheld.abstained).toBe(true);
    expect(withheld.reason).toMatch(/uncertain \(\d+ % likely wrong\)/);
    expect(withheld.uncertain).toBe(true);
    expect(answered.uncertain).toBeUndefined();
    // The closest passages are offered: the candidate answers' passages, the withheld one first.
    expect(withheld.citations[0]?.passage).toContain("15 chi bộ");
    expect(withheld.citations[0]?.highlight).not.toBeNull();
  });
});
