import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

describe("npm run eval's folders", () => {
  it("refuses a --corpus-extra or --distractors folder that is not there, instead of measuring another corpus", async () => {
    for (const flag of ["--corpus-extra", "--distractors"]) {
      const outcome = await run(process.execPath, ["--import", "tsx", "scripts/eval.ts", "--questions", "eval/questions.jsonl", flag, "no/such/folder"], { cwd: ROOT }).then(
        () => ({ code: 0, stderr: "" }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(`${flag} no/such/folder is not a folder`);
    }
  }, 60_000);
});
