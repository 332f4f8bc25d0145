/**
 * Hot reload: `npm run ingest` (a separate process) swaps in a new index while questions keep
 * arriving; the running bot answers every one of them, and serves the new content within seconds.
 */
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { currentGeneration } from "../../src/index/store.js";
import { privateChat, user } from "../../testing/botApiEmulator.js";
import { e2eSuite, expectValidHtml } from "./harness.js";

const REPO = resolve(import.meta.dirname, "../..");
const NEW_QUESTION = "Năm 2020 Gia Lai kết nạp bao nhiêu đảng viên mới?";
const GIA_LAI = "Kết quả phát triển đảng viên ở Gia Lai\n\nNăm 2020, Đảng bộ tỉnh Gia Lai đã kết nạp 2.345 đảng viên mới, trong đó có 412 đảng viên là người dân tộc thiểu số.\n";

const e2e = e2eSuite("bot-reload", { env: { RELOAD_POLL_MS: "100" } });

/** Runs what `npm run ingest` runs, as a separate process: tsx scripts/ingest.ts --corpus … --index …. */
function runIngestCli(corpusDir: string, indexDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(join(REPO, "node_modules", ".bin", "tsx"), ["scripts/ingest.ts", "--quiet", "--corpus", corpusDir, "--index", indexDir], {
      cwd: REPO,
      env: { ...process.env, TELEGRAM_BOT_TOKEN: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolveRun({ code, output }));
  });
}

describe("hot reload", () => {
  it("serves a re-ingested index without a restart, answering every question asked during the swap", async () => {
    const users = [user(301), user(302), user(303)];
    const before = await e2e.exchange(() => e2e.emulator.sendText(users[0] ?? user(1), privateChat(users[0] ?? user(1)), NEW_QUESTION));
    expect(before.outcome).toBe("abstained");
    const generationBefore = e2e.bot.app.engine.index.generation;

    await writeFile(join(e2e.ws.corpusDir, "gia-lai.txt"), GIA_LAI);
    const ingest = runIngestCli(e2e.ws.corpusDir, e2e.ws.indexDir);

    // Keep asking, from three users at once, until the new index answers the new question.
    const sent: number[] = [];
    let answeredNew = false;
    const deadline = Date.now() + 30_000;
    let round = 0;
    while (!answeredNew && Date.now() < deadline) {
      const asker = users[round % users.length] ?? user(1);
      const chat = privateChat(asker);
      const old = e2e.emulator.sendText(asker, chat, round % 2 === 0 ? "Có bao nhiêu xã có chi bộ cơ quan?" : "co bao nhieu phuong co chi bo co quan");
      const fresh = e2e.emulator.sendText(users[(round + 1) % users.length] ?? user(1), privateChat(users[(round + 1) % users.length] ?? user(1)), NEW_QUESTION);
      sent.push(old.update_id, fresh.update_id);
      const [oldLine, freshLine] = await Promise.all([e2e.bot.handled(old), e2e.bot.handled(fresh)]);
      expect(oldLine.outcome).toBe("answered");
      expect(["answered", "abstained"]).toContain(freshLine.outcome);
      answeredNew = freshLine.outcome === "answered";
      round++;
      await new Promise((r) => setTimeout(r, 20));
    }
    const { code, output } = await ingest;
    expect(code, output).toBe(0);
    expect(answeredNew).toBe(true);
    expect(round).toBeGreaterThan(1);

    // Every question got exactly one reply, none an error.
    const lines = e2e.bot.records().filter((r) => r.msg === "update" && sent.includes(Number(r.update_id)));
    expect(lines).toHaveLength(sent.length);
    expect(lines.filter((r) => r.outcome === "error")).toEqual([]);
    expect(e2e.bot.records().some((r) => r.msg === "index reloaded" && r.from === generationBefore)).toBe(true);
    expect(e2e.bot.app.engine.index.generation).toBe(await currentGeneration(e2e.ws.indexDir));

    const after = await e2e.exchange(() => e2e.emulator.sendText(users[0] ?? user(1), privateChat(users[0] ?? user(1)), NEW_QUESTION));
    expect(after.outcome).toBe("answered");
    expect(expectValidHtml(after.html)[0]).toContain("2.345 đảng viên mới");
  });

  it("keeps serving the old index, and says so in the log, when a new generation fails to load", async () => {
    const serving = e2e.bot.app.engine.index.generation;
    const broken = "gen-9999-broken";
    await mkdir(join(e2e.ws.indexDir, broken));
    await writeFile(join(e2e.ws.indexDir, broken, "manifest.json"), "{ not json");
    await writeFile(join(e2e.ws.indexDir, "CURRENT"), `${broken}\n`);
    const warning = await e2e.bot.waitForLog((r) => r.msg === "new index generation failed to load; still serving the previous one");
    expect(warning).toMatchObject({ level: "warn", generation: broken, serving, code: "INDEX_CORRUPT" });

    const asker = user(310);
    const still = await e2e.exchange(() => e2e.emulator.sendText(asker, privateChat(asker), "Có bao nhiêu xã có chi bộ cơ quan?"));
    expect(still.outcome).toBe("answered");
    expect(e2e.bot.app.engine.index.generation).toBe(serving);
    await writeFile(join(e2e.ws.indexDir, "CURRENT"), `${serving}\n`);
  });
});
