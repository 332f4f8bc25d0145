import { describe, expect, it } from "vitest";
import { bestCandidate, candidateSettings, crossValidate, type CalibrationRow } from "../../src/qa/calibrate.js";

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
