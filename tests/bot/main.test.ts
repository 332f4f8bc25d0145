/** startApp (the `npm start` entry, in-process): terminal chat mode, configuration errors. */
import { rm, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSettings, runIngest } from "../../src/app/ingestRunner.js";
import { loadConfig } from "../../src/config.js";
import { isAppError } from "../../src/errors.js";
import { NO_TOKEN_HINT, startApp } from "../../src/main.js";
import { makeTempDir } from "../support/fixtures.js";
import { SHIPPED_DOCUMENTS, copyShippedCorpus } from "../support/shippedCorpus.js";
import { Captured, buildWorkspace, type Workspace } from "./harness.js";

/** Well-formed but fake: the configuration checks a token's shape before anything else. */
const TOKEN = "123456:NOT-A-REAL-TOKEN-abcdefghijklmnopqrstuvw";

let ws: Workspace;

beforeAll(async () => {
  ws = await buildWorkspace("bot-main");
});

afterAll(async () => {
  await ws?.cleanup();
});

function chatIO(): { stdin: PassThrough; stdout: Captured; stderr: Captured } {
  return { stdin: new PassThrough(), stdout: new Captured(), stderr: new Captured() };
}

describe("terminal chat", () => {
  it("opens without a token, explains in two lines how to get one, and answers each line until EOF", async () => {
    const io = chatIO();
    const app = await startApp({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir }, { io: { stdin: io.stdin, stdout: io.stdout.stream, stderr: io.stderr.stream } });
    expect(app.mode).toBe("chat");
    expect(app.bot).toBeNull();
    expect(io.stderr.value).toBe(`${NO_TOKEN_HINT.join("\n")}\n`);
    expect(NO_TOKEN_HINT).toHaveLength(2);
    io.stdin.write("Có bao nhiêu xã có chi bộ cơ quan?\n\n");
    io.stdin.end("co bao nhieu phuong co chi bo co quan\n");
    await app.done;
    expect(io.stdout.value).toContain("Trả lời: 68/152 xã có chi bộ cơ quan với 918 đảng viên");
    expect(io.stdout.value).toContain("Trả lời: 12/20 phường có chi bộ cơ quan với 262 đảng viên");
    expect(io.stdout.value).toContain("Nguồn: Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk — Mục “Những chuyển biến rõ rệt”, đoạn 1");
  });

  it("opens with --chat even when a token is set, and never contacts Telegram", async () => {
    const io = chatIO();
    const app = await startApp(
      { TELEGRAM_BOT_TOKEN: "123456:NOT-A-REAL-TOKEN-abcdefghijklmnopqrstuvw", TELEGRAM_API_ROOT: "http://127.0.0.1:9", CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir },
      { argv: ["--chat"], io: { stdin: io.stdin, stdout: io.stdout.stream, stderr: io.stderr.stream } },
    );
    expect(app.mode).toBe("chat");
    expect(io.stderr.value).not.toContain("BotFather");
    io.stdin.end("Ai là tác giả của Truyện Kiều?\n");
    await app.done;
    expect(io.stdout.value).toContain("Tài liệu hiện có không đề cập đến nội dung này.");
  });

  it("answers the headline question in at most 600 characters: the answer, one quote, the source and a hint for the rest", async () => {
    const io = chatIO();
    const app = await startApp({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir }, { io: { stdin: io.stdin, stdout: io.stdout.stream, stderr: io.stderr.stream } });
    io.stdin.end("Có bao nhiêu xã có chi bộ cơ quan?\n");
    await app.done;
    const reply = io.stdout.value.trim();
    expect(reply.length).toBeLessThanOrEqual(600);
    const lines = reply.split("\n");
    expect(lines[0]).toBe("Trả lời: 68/152 xã có chi bộ cơ quan với 918 đảng viên");
    expect(lines.filter((l) => l.startsWith("“"))).toHaveLength(1);
    expect(lines[1]).toContain("68/152 xã có chi bộ cơ quan với 918 đảng viên");
    expect(lines[2]).toBe("Nguồn: Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk — Mục “Những chuyển biến rõ rệt”, đoạn 1");
    expect(lines[3]).toMatch(/^\(\+\d nguồn khác: \/nguonkhac\)$/);
  });

  it("takes /help, /nguon and /nguonkhac as commands, not questions", async () => {
    const io = chatIO();
    const app = await startApp({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir }, { io: { stdin: io.stdin, stdout: io.stdout.stream, stderr: io.stderr.stream } });
    io.stdin.end("/help\n/nguon\nco bao nhieu phuong co chi bo co quan\n/nguonkhac\nchào bạn\n");
    await app.done;
    const out = io.stdout.value;
    expect(out).toContain("/quiz [N] [chủ đề]");
    expect(out).toContain("Có bao nhiêu xã có chi bộ cơ quan?");
    expect(out).toMatch(/Tài liệu đã nạp: 1 tài liệu, \d+ đoạn/);
    expect(out).toMatch(/1\. Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk — \d+ đoạn\n {3}ket-qua-va-kinh-nghiem-thuc-hien-nghi-quyet-22-o-dak-lak\.txt/);
    expect(out).toContain("Các nguồn khác liên quan:\n[1] “");
    expect(out).toContain("Xin chào! Tôi là Trợ lý Tổ chức.");
    expect(out).not.toContain("Tài liệu hiện có không đề cập");
  });

  it("ends on “thoát” or stop(), with the input still open", async () => {
    const io = chatIO();
    const app = await startApp({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir }, { io: { stdin: io.stdin, stdout: io.stdout.stream, stderr: io.stderr.stream } });
    io.stdin.write("thoát\n");
    await app.done;
    const again = chatIO();
    const second = await startApp({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir }, { io: { stdin: again.stdin, stdout: again.stdout.stream, stderr: again.stderr.stream } });
    await second.stop();
    await second.done;
  });

  it("builds the index first when INDEX_DIR has none", async () => {
    const { dir, cleanup } = await makeTempDir("bot-main-fresh");
    try {
      await copyShippedCorpus(join(dir, "corpus"));
      const io = chatIO();
      const app = await startApp({ CORPUS_DIR: join(dir, "corpus"), INDEX_DIR: join(dir, "index") }, { io: { stdin: io.stdin, stdout: io.stdout.stream, stderr: io.stderr.stream } });
      expect(io.stderr.value).toContain("Đã lập chỉ mục lần đầu: 1 tài liệu");
      io.stdin.end("co bao nhieu phuong co chi bo co quan\n");
      await app.done;
      expect(io.stdout.value).toContain("12/20");
    } finally {
      await cleanup();
    }
  });
});

describe("index freshness at start-up", () => {
  /** A temp corpus with the shipped article and one more document, indexed. */
  async function twoDocuments(prefix: string): Promise<{ dir: string; corpusDir: string; indexDir: string; cleanup: () => Promise<void> }> {
    const { dir, cleanup } = await makeTempDir(prefix);
    const corpusDir = join(dir, "corpus");
    const indexDir = join(dir, "index");
    await copyShippedCorpus(corpusDir);
    await writeFile(join(corpusDir, "ea-tu.txt"), "Báo cáo xã Ea Tu\n\nXã Ea Tu có 11 chi bộ thôn với 240 đảng viên.\n");
    await runIngest(ingestSettings(loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir })));
    return { dir, corpusDir, indexDir, cleanup };
  }

  it("re-indexes a corpus changed since the last ingest, says so in one line, and stops quoting a removed document", async () => {
    const t = await twoDocuments("bot-main-stale");
    try {
      const before = chatIO();
      const first = await startApp({ CORPUS_DIR: t.corpusDir, INDEX_DIR: t.indexDir }, { io: { stdin: before.stdin, stdout: before.stdout.stream, stderr: before.stderr.stream } });
      before.stdin.end("Xã Ea Tu có bao nhiêu chi bộ thôn?\n");
      await first.done;
      expect(before.stdout.value).toContain("Báo cáo xã Ea Tu");
      expect(before.stderr.value).not.toContain("đã thay đổi");

      await rm(join(t.corpusDir, "ea-tu.txt"));
      const after = chatIO();
      const second = await startApp({ CORPUS_DIR: t.corpusDir, INDEX_DIR: t.indexDir }, { io: { stdin: after.stdin, stdout: after.stdout.stream, stderr: after.stderr.stream } });
      const notices = after.stderr.value.split("\n").filter((l) => l.includes("đã thay đổi"));
      expect(notices).toEqual([`Thư mục tài liệu "${t.corpusDir}" đã thay đổi so với chỉ mục (0 tệp mới, 1 tệp bị bỏ, 0 tệp đã sửa): đang cập nhật chỉ mục…`]);
      after.stdin.end("Xã Ea Tu có bao nhiêu chi bộ thôn?\n");
      await second.done;
      expect(after.stdout.value).not.toContain("Ea Tu có 11");
      expect(second.engine.info().documents.map((d) => d.path)).toEqual([SHIPPED_DOCUMENTS[0]]);
    } finally {
      await t.cleanup();
    }
  });

  it("re-indexes a document edited in place, and not a document only touched", async () => {
    const t = await twoDocuments("bot-main-edit");
    try {
      const file = join(t.corpusDir, "ea-tu.txt");
      await utimes(file, new Date(), new Date(Date.now() + 5_000));
      const touched = chatIO();
      const first = await startApp({ CORPUS_DIR: t.corpusDir, INDEX_DIR: t.indexDir }, { io: { stdin: touched.stdin, stdout: touched.stdout.stream, stderr: touched.stderr.stream } });
      await first.stop();
      expect(touched.stderr.value).not.toContain("đã thay đổi");

      await writeFile(file, "Báo cáo xã Ea Tu\n\nXã Ea Tu có 12 chi bộ thôn với 250 đảng viên.\n");
      const edited = chatIO();
      const second = await startApp({ CORPUS_DIR: t.corpusDir, INDEX_DIR: t.indexDir }, { io: { stdin: edited.stdin, stdout: edited.stdout.stream, stderr: edited.stderr.stream } });
      expect(edited.stderr.value).toContain("0 tệp mới, 0 tệp bị bỏ, 1 tệp đã sửa");
      edited.stdin.end("Xã Ea Tu có bao nhiêu chi bộ thôn?\n");
      await second.done;
      expect(edited.stdout.value).toContain("12 chi bộ thôn");
    } finally {
      await t.cleanup();
    }
  });

  it("warns loudly, naming the folder, when CORPUS_DIR is missing but an index exists, and serves that index", async () => {
    const io = chatIO();
    const missing = join(ws.root, "no-such-folder");
    const app = await startApp({ CORPUS_DIR: missing, INDEX_DIR: ws.indexDir }, { io: { stdin: io.stdin, stdout: io.stdout.stream, stderr: io.stderr.stream } });
    expect(io.stderr.value).toContain(`⚠️  CORPUS_DIR "${missing}" không đọc được`);
    expect(io.stderr.value).toContain("Vẫn dùng chỉ mục cũ (1 tài liệu");
    io.stdin.end("co bao nhieu phuong co chi bo co quan\n");
    await app.done;
    expect(io.stdout.value).toContain("12/20");
  });
});

describe("configuration", () => {
  it("refuses an invalid configuration at start-up with a message naming the setting", async () => {
    const attempt = (env: Record<string, string>) => startApp({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, ...env }).then(() => null, (err: unknown) => err);
    const webhook = await attempt({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_SECRET: "abc" });
    expect(isAppError(webhook, "CONFIG_INVALID")).toBe(true);
    expect((webhook as Error).message).toContain("WEBHOOK_URL is required when BOT_MODE=webhook");
    const insecure = await attempt({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "http://example.org/hook", WEBHOOK_SECRET: "a b" });
    expect((insecure as Error).message).toMatch(/WEBHOOK_URL must be an https:\/\/ URL.*WEBHOOK_SECRET may only contain/);
    const ids = await attempt({ ADMIN_IDS: "12,abc" });
    expect((ids as Error).message).toContain("ADMIN_IDS must be a comma-separated list of numeric Telegram ids");
  });

  it("treats empty values (PORT= in .env) as unset", async () => {
    const io = chatIO();
    const app = await startApp(
      { CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, PORT: "", TELEGRAM_API_ROOT: "", RATE_LIMIT_PER_MINUTE: " " },
      { io: { stdin: io.stdin, stdout: io.stdout.stream, stderr: io.stderr.stream } },
    );
    expect(app.config.PORT).toBe(8080);
    expect(app.config.RATE_LIMIT_PER_MINUTE).toBe(20);
    await app.stop();
  });
});
