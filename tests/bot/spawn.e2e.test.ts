/**
 * `npm start` as a real child process (`npx tsx src/main.ts`): the bot against the emulator over real
 * HTTP, graceful SIGTERM, and — without a token — the terminal chat on piped stdin.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotApiEmulator, privateChat, startBotApiEmulator, user } from "../../testing/botApiEmulator.js";
import { makeTempDir } from "../support/fixtures.js";
import { copyShippedCorpus } from "../support/shippedCorpus.js";
import { blockquotes, bolds, expectNoToken, expectValidHtml } from "./harness.js";

const REPO = resolve(import.meta.dirname, "../..");

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Spawns `npx tsx src/main.ts …` with exactly `env` (plus PATH/HOME), in the repo. */
function startMain(env: Record<string, string>, args: string[] = [], stdin?: string): Child {
  const child = spawn("npx", ["tsx", "src/main.ts", ...args], {
    cwd: REPO,
    // Only what npx needs from the outer environment: no stray TELEGRAM_* settings leak in. The
    // explicit empty values also win over a developer's .env (dotenv never overrides).
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TELEGRAM_BOT_TOKEN: "", TELEGRAM_API_ROOT: "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
  if (stdin !== undefined) child.stdin?.end(stdin);
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  return { process: child, stdout: () => out, stderr: () => err, exited };
}

async function until(condition: () => boolean, what: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; output so far:\n${what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let root: string;
let cleanup: () => Promise<void>;
let corpusDir: string;

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir("bot-spawn"));
  corpusDir = join(root, "corpus");
  await copyShippedCorpus(corpusDir);
});

afterAll(async () => {
  await cleanup?.();
});

describe("npm start with a token", () => {
  let emulator: BotApiEmulator;
  beforeAll(async () => {
    emulator = await startBotApiEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it("builds the missing index, answers over real HTTP with cited passages, and stops cleanly on SIGTERM", async () => {
    const child = startMain({
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.url,
      CORPUS_DIR: corpusDir,
      INDEX_DIR: join(root, "index-bot"),
      DATA_DIR: join(root, "data-bot"),
    });
    try {
      await until(() => child.stdout().includes('"msg":"bot started"'), () => child.stdout() + child.stderr());
      expect(child.stdout()).toContain('"msg":"index built"');
      const alice = user(401, { firstName: "Alice" });
      const cases: Array<[string, string, string]> = [
        ["Có bao nhiêu xã có chi bộ cơ quan?", "68/152", "68/152 xã có chi bộ cơ quan với 918 đảng viên"],
        ["co bao nhieu phuong co chi bo co quan", "12/20", "12/20 phường có chi bộ cơ quan với 262 đảng viên"],
      ];
      for (const [question, figure, highlighted] of cases) {
        const from = emulator.calls.length;
        emulator.sendText(alice, privateChat(alice), question);
        const call = await emulator.waitFor((c) => c.method === "sendMessage", { fromIndex: from, timeoutMs: 15_000 });
        expect(call.ok).toBe(true);
        const [text] = expectValidHtml([String(call.params.text)]);
        expect(text).toContain(`Trả lời: ${figure}`);
        const message = call.result as Message;
        expect(blockquotes(message)[0]).toContain(highlighted);
        expect(bolds(message)).toContain(highlighted);
      }
      // The app process itself (npx and tsx are wrappers around it) gets the SIGTERM, as from a
      // process manager; its exit code travels back up through tsx and npx.
      const started = JSON.parse(child.stdout().split("\n").find((l) => l.includes('"msg":"bot started"')) ?? "{}") as { pid?: number };
      expect(started.pid).toBeGreaterThan(0);
      process.kill(started.pid ?? 0, "SIGTERM");
      expect(await child.exited).toBe(0);
      expect(child.stdout()).toContain('"msg":"bot stopped"');
      expectNoToken(child.stdout() + child.stderr(), emulator.token);
    } finally {
      child.process.kill("SIGKILL");
    }
  });
});

describe("npm start without a token", () => {
  it("explains how to get a token and answers piped questions in the terminal chat, then exits 0", async () => {
    const child = startMain(
      { CORPUS_DIR: corpusDir, INDEX_DIR: join(root, "index-chat"), DATA_DIR: join(root, "data-chat") },
      [],
      "Có bao nhiêu xã có chi bộ cơ quan?\nco bao nhieu phuong co chi bo co quan\nAi là tác giả của Truyện Kiều?\n",
    );
    expect(await child.exited).toBe(0);
    const out = child.stdout();
    expect(child.stderr()).toContain("@BotFather");
    expect(child.stderr().split("\n").filter((l) => l.includes("BotFather") || l.includes("hỏi ngay"))).toHaveLength(2);
    expect(out).toContain("Trả lời: 68/152 xã có chi bộ cơ quan với 918 đảng viên");
    expect(out).toMatch(/^“[^\n]*Cụ thể: 68\/152 xã có chi bộ cơ quan với 918 đảng viên[^\n]*”$/mu);
    expect(out).toContain("Trả lời: 12/20 phường");
    expect(out).toContain("Tài liệu hiện có không đề cập đến nội dung này.");
    // Piped output is plain text: no colour codes.
    expect(out).not.toContain("\u001b[");
    expect(out).not.toContain('"level"');
  });
});
