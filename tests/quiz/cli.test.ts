import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TELEGRAM_QUIZ_LIMITS } from "../../src/quiz/types.js";
import { makeTempDir } from "../support/fixtures.js";
import { copyShippedCorpus } from "../support/shippedCorpus.js";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

let dir = "";
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir("quiz-cli"));
  await copyShippedCorpus(path.join(dir, "corpus"));
});

afterAll(async () => {
  await cleanup();
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the quiz CLI against a throwaway index (built on first use), never touching data/. */
async function quiz(...args: string[]): Promise<CliResult> {
  const env = { ...process.env, INDEX_DIR: path.join(dir, "index"), DATA_DIR: path.join(dir, "data"), CORPUS_DIR: path.join(dir, "corpus") };
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/quiz.ts", ...args], { cwd: ROOT, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

// Each case spawns `npx tsx`, which takes seconds on a busy machine.
describe("npm run quiz", { timeout: 120_000 }, () => {
  it("prints 10 questions as JSON in the documented shape", async () => {
    const { code, stdout } = await quiz("--n", "10", "--json");
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(10);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(["correct", "explanation", "options", "question", "source"]);
      const source = item.source as Record<string, unknown>;
      expect(Object.keys(source).sort()).toEqual(["docId", "location", "passage", "title"]);
      const options = item.options as string[];
      const correct = item.correct as number;
      expect(options.length).toBeGreaterThanOrEqual(3);
      expect(Number.isInteger(correct) && correct >= 0 && correct < options.length).toBe(true);
      expect((item.question as string).length).toBeLessThanOrEqual(TELEGRAM_QUIZ_LIMITS.questionChars);
      expect(source.docId).toBe("ket-qua-va-kinh-nghiem-thuc-hien-nghi-quyet-22-o-dak-lak");
      expect(typeof source.passage).toBe("string");
    }
    expect(new Set(items.map((i) => i.question)).size).toBe(10);
  });

  it("prints the same quiz for the same seed, in readable text with the answer ticked", async () => {
    const [a, b] = await Promise.all([quiz("--n", "3", "--seed", "5"), quiz("--n", "3", "--seed", "5")]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^Câu 1\. .+\?$/mu);
    expect(a.stdout).toMatch(/^ {3}A\. /mu);
    expect(a.stdout.match(/✔/gu)).toHaveLength(3);
    expect(a.stdout).toMatch(/Nguồn: Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk — Mục “/u);
  });

  it("filters by topic, and says so clearly when nothing matches", async () => {
    const onTopic = await quiz("--topic", "chi bo quan su", "--n", "3", "--json", "--seed", "1");
    expect(onTopic.code).toBe(0);
    const items = JSON.parse(onTopic.stdout) as Array<{ question: string; source: { passage: string } }>;
    for (const item of items) expect(`${item.question} ${item.source.passage}`).toMatch(/chi bộ quân sự/u);
    const none = await quiz("--topic", "tàu vũ trụ", "--json");
    expect(none.code).toBe(1);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(/No question matches the topic “tàu vũ trụ”/u);
  });

  it("rejects bad flags with a clear message and a non-zero exit", async () => {
    const cases = [["--n", "abc"], ["--n", "0"], ["--n", "10000"], ["--seed", "x"], ["--bogus"]];
    const results = await Promise.all(cases.map((args) => quiz(...args)));
    for (const [i, { code, stdout, stderr }] of results.entries()) {
      const args = cases[i] ?? [];
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/Usage: npm run --silent quiz/);
    }
  });
});
