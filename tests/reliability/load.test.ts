/**
 * A reduced `npm run loadtest`: many users asking at once through the real app and the Bot API
 * emulator. Every question is answered, once, with no error. (The full 200 × 10 run is the script's.)
 */
import { describe, expect, it } from "vitest";
import { formatReport, runLoadTest } from "../../scripts/loadtest.js";

describe("load", () => {
  it("answers 20 users × 5 questions asked concurrently: all answered, none twice, no errors", async () => {
    const report = await runLoadTest({ users: 20, questions: 5, timeoutMs: 90_000 });
    const summary = formatReport(report);
    expect(report.total, summary).toBe(100);
    expect(report.answered, summary).toBe(100);
    expect(report.unanswered, summary).toBe(0);
    expect(report.errors, summary).toBe(0);
    expect(report.duplicates, summary).toBe(0);
    expect(report.latencyMs.p50, summary).toBeGreaterThan(0);
    expect(report.latencyMs.p95, summary).toBeGreaterThanOrEqual(report.latencyMs.p50);
    expect(report.latencyMs.max, summary).toBeGreaterThanOrEqual(report.latencyMs.p95);
    expect(report.throughputPerS, summary).toBeGreaterThan(0);
    expect(report.peakRssMb, summary).toBeGreaterThan(0);
  }, 120_000);
});
