import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bestCandidate, candidateSettings, crossValidate, effectiveSetting, type CalibrationRow } from "../../src/qa/calibrate.js";
import { withPolicy } from "../../src/qa/policy.js";
import { engineOver } from "../support/corpusEngine.js";

const row = (id: string, doc: string, correct: boolean[], answered: boolean[], set = "s", tunable = true): CalibrationRow => ({ id, set, kind: "vi", doc, correct, answered, tunable });

describe("leave-one-document-out calibration", () => {
  it("tries every combination of the fitted knobs", () => {
    const settings = candidateSettings([
      { key: "minCoverage", values: [0.5, 0.6] },
      { key: "contextCredit", values: [0.3, 0.5, 0.7] },
    ]);
    expect(settings).toHaveLength(6);
    expect(settings).toContainEqual({ minCoverage: 0.6, contextCredit: 0.7 });
  });

  it("prefers abstaining to a wrong answer", () => {
    // Setting 0 answers both questions, one wrongly; setting 1 answers one rightly and abstains on the other.
    const rows = [row("a", "d1", [true, true], [true, true]), row("b", "d1", [false, false], [true, false])];
    expect(bestCandidate(rows, [{ minCoverage: 0.5 }, { minCoverage: 0.7 }])).toBe(1);
  });

  it("scores each document with the setting fitted on the others, and never fits on held-out rows", () => {
    const settings = [{ minCoverage: 0.5 }, { minCoverage: 0.7 }];
    const rows = [
      row("a", "d1", [true, false], [true, true]),
      row("b", "d2", [true, false], [true, true]),
      row("c", "d3", [false, true], [false, true]),
      // A held-out row that would pull the fit towards setting 1 if it were used.
      row("h1", "d4", [false, true], [true, true], "held", false),
      row("h2", "d4", [false, true], [true, true], "held", false),
      row("h3", "d4", [false, true], [true, true], "held", false),
    ];
    const result = crossValidate(rows, settings);
    expect(result.inSample).toEqual({ minCoverage: 0.5 });
    // d3's own question is scored with the setting fitted on d1 and d2, which abstains on it.
    expect(result.crossValidatedCorrect).toEqual([true, true, false, false, false, false]);
    expect(result.inSampleCorrect.slice(0, 3)).toEqual([true, true, false]);
  });
});

describe("settings that cannot change a question's answer", () => {
  it("collapse to one, and give the same answer as every setting they stand for", async () => {
    const files: Record<string, string> = {};
    for (const name of await readdir("corpus")) if (/\.(?:md|txt)$/u.test(name)) files[name] = await readFile(path.join("corpus", name), "utf8");
    const { engine, cleanup } = await engineOver("calibrate-equivalence", files);
    try {
      const questions = [
        // Two whose answers do change with the knobs (coverage thresholds) on this article.
        "Hướng dẫn số 35-HD/BTCTW ban hành ngày nào và về nội dung gì?",
        "How many communes keep agency party cells?",
        "Chi bộ sinh hoạt định kỳ mấy lần một tháng?",
        "chi bo sinh hoat dinh ky may lan",
        "How often does a party cell hold its regular meetings?",
        // "zorblax" is no English word the glossary knows: unknownEnglishWeight weighs it.
        "How often does a zorblax party cell meet?",
      ];
      const settings = candidateSettings();
      for (const question of questions) {
        const retrieved = await engine.retrieve(question);
        const shape = { language: retrieved.plan.language, unknownWords: retrieved.plan.unknownWords.length, ranked: retrieved.ranked };
        const byKey = new Map<string, string>();
        for (const setting of settings) {
          const effective = effectiveSetting(setting, shape);
          const key = JSON.stringify(effective);
          const answer = (s: typeof setting): string => {
            const r = engine.answer(retrieved, withPolicy(s));
            return JSON.stringify([r.answer, r.abstained, r.reason, r.citations.map((c) => c.passageId)]);
          };
          const expected = byKey.get(key) ?? answer(effective);
          byKey.set(key, expected);
          if (key !== JSON.stringify(setting)) expect(answer(setting), `${question} under ${JSON.stringify(setting)}`).toBe(expected);
        }
        // Each question answers fewer distinct settings than there are candidates.
        expect(byKey.size, question).toBeLessThan(settings.length);
        if (question.includes("zorblax")) expect(shape.unknownWords).toBeGreaterThan(0);
      }
    } finally {
      await cleanup();
    }
  }, 120_000);
});
