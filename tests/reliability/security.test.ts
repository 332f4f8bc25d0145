/**
 * Security promises tests/bot/access.e2e.test.ts does not already check:
 * - the bot token never appears in any log line (LOG_LEVEL=debug, stacks included) nor in anything
 *   sent to users, through a whole session with failing API calls, uploads and errors — including
 *   errors whose own text carries the token, as a proxy echoing the request URL would produce;
 * - an uploaded file is written inside the corpus folder and nowhere else, whatever its name holds
 *   (Windows and POSIX traversal, absolute paths, NUL bytes, Unicode look-alikes of "/" and ".",
 *   bidi overrides, names too long for the file system) and even when a symlink waits at its name.
 */
import { existsSync } from "node:fs";
import { lstat, mkdir, readdir, readFile, realpath, symlink, writeFile } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeIngest, ingestSettings, runIngest } from "../../src/app/ingestRunner.js";
import { createDocumentIngest } from "../../src/app/documentIngest.js";
import { IndexReloader } from "../../src/app/indexReloader.js";
import { silentLogger } from "../../src/bot/logger.js";
import { loadConfig } from "../../src/config.js";
import { isAppError } from "../../src/errors.js";
import { QaEngine } from "../../src/qa/engine.js";
import { type BotApiEmulator, privateChat, startBotApiEmulator, user } from "../../testing/botApiEmulator.js";
import { makeTempDir } from "../support/fixtures.js";
import { buttonData, exchange, expectValidHtml, type RunningApp, startBot, type Workspace } from "../bot/harness.js";
import { hasLoneSurrogate } from "./fuzzInputs.js";

const ADMIN = user(1, { firstName: "Quản trị" });
const member = user(301, { firstName: "Đảng viên" });
const SOURCE = "Báo cáo công tác tổ chức xã Ea Tu\n\nXã Ea Tu có 11 chi bộ thôn với 240 đảng viên.\n\nNăm 2023, Đảng bộ xã kết nạp 17 đảng viên mới.\n";

/** A small workspace of its own (one document), so every upload re-indexes in milliseconds. */
async function smallWorkspace(prefix: string): Promise<Workspace> {
  // The workspace sits alone in a folder of its own, so that "nothing written beside it" is checked
  // against a folder no other test writes to.
  const { dir: parent, cleanup } = await makeTempDir(prefix);
  const dir = join(parent, "workspace");
  const corpusDir = join(dir, "corpus");
  const indexDir = join(dir, "index");
  await mkdir(corpusDir, { recursive: true });
  await writeFile(join(corpusDir, "ea-tu.txt"), SOURCE);
  await runIngest(ingestSettings(loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir })));
  return { root: dir, corpusDir, indexDir, cleanup };
}

/** Every path under `dir` (relative), directories included, skipping `skip`. */
async function tree(dir: string, skip: readonly string[] = []): Promise<string[]> {
  const out: string[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (skip.includes(full)) continue;
      out.push(relative(dir, full));
      if (entry.isDirectory()) await walk(full);
    }
  };
  await walk(dir);
  return out.sort();
}

let ws: Workspace;

beforeAll(async () => {
  ws = await smallWorkspace("security");
});

afterAll(async () => {
  await ws?.cleanup();
});

describe("the bot token", () => {
  let emulator: BotApiEmulator;
  let bot: RunningApp | undefined;

  afterAll(async () => {
    await bot?.stop();
    await emulator?.close();
  });

  it("never appears in a debug log or in anything sent to users, through questions, buttons, uploads, failing API calls and errors", async () => {
    emulator = await startBotApiEmulator();
    const token = emulator.token;
    const secretPart = token.split(":")[1] ?? "";
    // What a proxy in front of the Bot API may answer: the request URL, token included, in the error.
    const echoingUrl = (method: string) => `Bad Request: upstream refused POST https://api.telegram.org/bot${token}/${method}`;
    bot = await startBot(emulator, ws, { LOG_LEVEL: "debug", ADMIN_IDS: String(ADMIN.id), MAX_FILE_MB: "1" });
    const running = bot;
    const ask = (from: typeof ADMIN, text: string) => exchange(emulator, running, () => emulator.sendText(from, privateChat(from), text));
    const upload = (fileName: string, text: string) =>
      exchange(emulator, running, () => emulator.sendDocument(ADMIN, privateChat(ADMIN), { fileName, mimeType: "text/plain", bytes: Buffer.from(text) }));

    const answered = await ask(member, "Xã Ea Tu có bao nhiêu chi bộ thôn?");
    expect(answered.outcome).toBe("answered");
    const answer = answered.messages.at(-1) as Message;
    const original = await exchange(emulator, running, () => emulator.sendCallback(member, answer, buttonData(answer)[0] ?? ""));
    expect(original.outcome).toBe("button");
    expect((await ask(member, "Ai là tác giả của Truyện Kiều?")).outcome).toBe("abstained");
    for (const command of ["/start", "/nguon", "/stats", "/reload"]) expect((await ask(ADMIN, command)).outcome).toBe("command");

    // An API refusal whose description holds the token: the update fails, the user gets an apology.
    emulator.failNext("sendMessage", { kind: "error", errorCode: 400, description: echoingUrl("sendMessage") });
    const refused = await ask(member, "Năm 2023 Đảng bộ xã kết nạp bao nhiêu đảng viên mới?");
    expect(refused.outcome).toBe("error");
    // A connection dropped mid-request (grammY's HttpError wraps the network error).
    emulator.failNext("sendMessage", { kind: "drop" });
    expect((await ask(member, "Xã Ea Tu có bao nhiêu chi bộ thôn?")).outcome).toBe("error");
    // A button whose answer fails the same way.
    emulator.failNext("answerCallbackQuery", { kind: "error", errorCode: 400, description: echoingUrl("answerCallbackQuery") });
    expect((await exchange(emulator, running, () => emulator.sendCallback(member, answer, buttonData(answer).at(-1) ?? ""))).outcome).toBe("error");
    // Polling itself fails with the token in the error (the poll after the one now waiting), and recovers.
    emulator.failNext("getUpdates", { kind: "error", errorCode: 400, description: echoingUrl("getUpdates") });
    expect((await ask(member, "Xã Ea Tu có bao nhiêu chi bộ thôn?")).outcome).toBe("answered");
    await running.waitForLog((r) => r.msg === "getUpdates refused");
    expect((await ask(member, "Năm 2023 Đảng bộ xã kết nạp bao nhiêu đảng viên mới?")).outcome).toBe("answered");

    // Uploads: one that works, one whose getFile fails with the token in the error, one unusable.
    expect((await upload("kon-tum.txt", "Kon Tum\n\nCác chi bộ ở Kon Tum sinh hoạt vào ngày 3 hằng tháng.\n")).outcome).toBe("uploaded");
    emulator.failNext("getFile", { kind: "error", errorCode: 400, description: echoingUrl("getFile") });
    expect((await upload("gia-lai.txt", "Gia Lai\n\nNăm 2020 Gia Lai kết nạp 2.345 đảng viên mới.\n")).outcome).toBe("error");
    expect((await upload("trong.txt", "  \n\n ")).outcome).toBe("hint");

    await running.stop();
    const logs = `${running.stdout.value}\n${running.stderr.value}`;
    expect(logs.includes(token)).toBe(false);
    expect(logs.includes(secretPart)).toBe(false);
    // The errors above did carry the token: it was scrubbed, not absent.
    expect(logs.match(/\[redacted\]/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    const records = running.records();
    expect(records.some((r) => r.level === "error" && typeof r.stack === "string")).toBe(true);
    expect(records.some((r) => r.msg === "update" && r.text === "Xã Ea Tu có bao nhiêu chi bộ thôn?")).toBe(true);

    // Nothing the bot sent carries it either: messages, button answers, file requests, anything.
    for (const call of emulator.calls) {
      const sent = JSON.stringify(call.params);
      expect(sent.includes(secretPart), `${call.method} ${sent.slice(0, 300)}`).toBe(false);
    }
    const apologies = emulator.delivered("sendMessage").map((c) => String(c.params.text)).filter((t) => t.includes("đã có lỗi"));
    expect(apologies.length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe("uploaded file names", () => {
  /** Names an attacker (or an unlucky client) may send; each must land inside the corpus folder or be refused. */
  const HOSTILE_NAMES = [
    "..\\..\\x.txt",
    "../../x.txt",
    "..\\/..\\/x.txt",
    "/etc/cron.d/evil.txt",
    "/tmp/tro-ly-absolute-upload.txt",
    "C:\\Windows\\System32\\evil.txt",
    "\\\\server\\share\\evil.md",
    "x\u0000.txt",
    "..\u0000/..\u0000/x.txt",
    "x.txt\u0000.exe",
    "..\u2215..\u2215division-slash.txt",
    "..\uff0f..\uff0ffullwidth-solidus.txt",
    "\uff0e\uff0e/\uff0e\uff0e/fullwidth-dots.txt",
    "..\u2044fraction-slash.txt",
    "\u2024\u2024/one-dot-leader.txt",
    "..%2F..%2Fpercent.txt",
    "%2e%2e%2fpercent-dots.txt",
    "....//....//dots.txt",
    ".hidden.txt",
    "...",
    "..",
    ".txt",
    "x.txt/",
    "gpj\u202etxt.exe",
    "tên\u202egnp.md",
    "a\nb\rc\td.txt",
    "CON.txt",
    `${"Hướng dẫn số 38-HD/BTCTW về tổ chức cơ sở đảng ".repeat(5)}.md`,
    `${"ệ".repeat(150)}.txt`,
    `a${"𝔸".repeat(60)}.md`,
    `${"\u0301".repeat(300)}.txt`,
  ];

  it("are saved inside the corpus folder under a plain, valid name, or refused; nothing is written anywhere else", async () => {
    const local = await smallWorkspace("security-names");
    try {
      const settings = ingestSettings(loadConfig({ CORPUS_DIR: local.corpusDir, INDEX_DIR: local.indexDir }));
      const engine = await QaEngine.open(local.indexDir);
      const reloader = new IndexReloader({ engine, indexDir: local.indexDir, pollMs: 60_000, logger: silentLogger });
      const ingest = createDocumentIngest({ corpusDir: local.corpusDir, maxFileMb: 1, runIngest: () => runIngest(settings), describe: describeIngest, reloader, logger: silentLogger });
      const corpus = await realpath(local.corpusDir);
      // Everything outside the corpus and index folders, before any upload.
      const outsideBefore = await tree(local.root, [local.corpusDir, local.indexDir]);
      const parentBefore = await readdir(join(local.root, ".."));

      const saved: string[] = [];
      for (const [i, fileName] of HOSTILE_NAMES.entries()) {
        const bytes = Buffer.from(`Tài liệu số ${i}\n\nChi bộ thử nghiệm số ${i} có ${i + 10} đảng viên.\n`);
        let savedAs: string;
        try {
          const result = await ingest.addDocument({ fileName, bytes });
          expect(result.rejected, JSON.stringify(fileName)).toBeNull();
          savedAs = result.savedAs;
        } catch (err) {
          // Refused names are refused as unsupported, before anything is written.
          expect(isAppError(err, "FILE_UNSUPPORTED"), `${JSON.stringify(fileName)}: ${String(err)}`).toBe(true);
          continue;
        }
        const where = JSON.stringify(fileName);
        expect(basename(savedAs), where).toBe(savedAs);
        expect(savedAs, where).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
        expect(savedAs.startsWith("."), where).toBe(false);
        expect(hasLoneSurrogate(savedAs), where).toBe(false);
        expect(savedAs.normalize("NFC"), where).toBe(savedAs);
        expect(Buffer.byteLength(savedAs), where).toBeLessThanOrEqual(255);
        const full = join(corpus, savedAs);
        expect(await realpath(full), where).toBe(full);
        expect((await readFile(full)).equals(bytes), where).toBe(true);
        saved.push(savedAs);
      }
      // Most names were usable (traversal is stripped, not just refused), and every one is indexed.
      expect(saved.length).toBeGreaterThan(HOSTILE_NAMES.length / 2);
      expect(await tree(local.root, [local.corpusDir, local.indexDir])).toEqual(outsideBefore);
      expect(await readdir(join(local.root, ".."))).toEqual(parentBefore);
      expect(existsSync("/tmp/tro-ly-absolute-upload.txt")).toBe(false);
      const corpusFiles = await readdir(local.corpusDir);
      // No half-written upload is left; replaced versions are kept in .history (names that fold to the same one replace it).
      expect(corpusFiles.filter((f) => f.startsWith(".") && f !== ".history")).toEqual([]);
      expect(corpusFiles.every((f) => !f.includes(sep))).toBe(true);
      const documents = corpusFiles.filter((f) => f !== ".history");
      expect(new Set(documents)).toEqual(new Set(["ea-tu.txt", ...saved]));
      expect(engine.info().documents.map((d) => d.path).sort()).toEqual([...documents].sort());
      await reloader.stop();
    } finally {
      await local.cleanup();
    }
  }, 60_000);

  it("replace a symlink waiting at their name instead of writing through it", async () => {
    const local = await smallWorkspace("security-symlink");
    try {
      const settings = ingestSettings(loadConfig({ CORPUS_DIR: local.corpusDir, INDEX_DIR: local.indexDir }));
      const engine = await QaEngine.open(local.indexDir);
      const reloader = new IndexReloader({ engine, indexDir: local.indexDir, pollMs: 60_000, logger: silentLogger });
      const ingest = createDocumentIngest({ corpusDir: local.corpusDir, maxFileMb: 1, runIngest: () => runIngest(settings), describe: describeIngest, reloader, logger: silentLogger });
      const outside = join(local.root, "outside.txt");
      await writeFile(outside, "Tệp bên ngoài\n\nNội dung không được ghi đè.\n");
      await symlink(outside, join(local.corpusDir, "lien-ket.txt"));
      await symlink(join(local.root, "does-not-exist.txt"), join(local.corpusDir, "treo.txt"));

      for (const fileName of ["lien-ket.txt", "treo.txt"]) {
        const bytes = Buffer.from(`Tài liệu tải lên ${fileName}\n\nChi bộ mới có 9 đảng viên.\n`);
        const result = await ingest.addDocument({ fileName, bytes });
        expect(result.savedAs).toBe(fileName);
        const stat = await lstat(join(local.corpusDir, fileName));
        expect(stat.isSymbolicLink()).toBe(false);
        expect((await readFile(join(local.corpusDir, fileName))).equals(bytes)).toBe(true);
      }
      expect(await readFile(outside, "utf8")).toBe("Tệp bên ngoài\n\nNội dung không được ghi đè.\n");
      expect(existsSync(join(local.root, "does-not-exist.txt"))).toBe(false);
      await reloader.stop();
    } finally {
      await local.cleanup();
    }
  }, 30_000);

  it("sent through Telegram by an admin land in the corpus folder, and every reply about them is valid", async () => {
    const local = await smallWorkspace("security-bot-names");
    const emulator = await startBotApiEmulator();
    const bot = await startBot(emulator, local, { ADMIN_IDS: String(ADMIN.id), MAX_FILE_MB: "1" });
    try {
      const outsideBefore = await tree(local.root, [local.corpusDir, local.indexDir]);
      const names = [
        "..\\..\\x.txt",
        "/etc/cron.d/evil.txt",
        "x\u0000y.txt",
        "..\uff0f..\uff0fy.md",
        // Long names: 3-byte letters past the file system's 255 bytes, and letters outside the BMP
        // (two UTF-16 units each) where a cut could leave half a character.
        `${"党支部工作报告".repeat(15)}.txt`,
        `a${"𝐁𝐚𝐨𝐜𝐚𝐨".repeat(10)}.md`,
      ];
      for (const [i, fileName] of names.entries()) {
        const text = `Tài liệu ${i}\n\nChi bộ số ${i + 1} có ${i + 20} đảng viên.\n`;
        const result = await exchange(emulator, bot, () =>
          emulator.sendDocument(ADMIN, privateChat(ADMIN), { fileName, mimeType: "text/plain", bytes: Buffer.from(text) }),
        );
        expect(result.outcome, JSON.stringify(fileName)).toBe("uploaded");
        expectValidHtml(result.html);
      }
      const dataDirs = (await readdir(local.root)).filter((e) => e.startsWith("data-"));
      const outsideAfter = (await tree(local.root, [local.corpusDir, local.indexDir])).filter((p) => !dataDirs.some((d) => p === d || p.startsWith(`${d}${sep}`)));
      expect(outsideAfter).toEqual(outsideBefore.filter((p) => !dataDirs.some((d) => p === d || p.startsWith(`${d}${sep}`))));
      const corpusFiles = await readdir(local.corpusDir);
      expect(corpusFiles).toHaveLength(names.length + 1);
      expect(corpusFiles.every((f) => !f.startsWith(".") && Buffer.byteLength(f) <= 255)).toBe(true);
      expect(emulator.calls.filter((c) => c.method !== "getUpdates" && !c.ok)).toEqual([]);
    } finally {
      await bot.stop();
      await emulator.close();
      await local.cleanup();
    }
  }, 60_000);
});
