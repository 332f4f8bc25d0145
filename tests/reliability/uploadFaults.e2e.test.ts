/**
 * Hostile and careless uploads against the running bot (Bot API emulator, the app as `npm start` runs
 * it): a .docx zip bomb and an over-long PDF are rejected with their reason while other users' questions
 * are answered at once (the ingest runs in a child process); a replacement keeps the previous version;
 * an ingest over its time budget is reported by name; and an upload the bot died on is put aside at the
 * next start, its admin told, and never retried.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UploadJournal } from "../../src/app/uploadJournal.js";
import { privateChat, user } from "../../testing/botApiEmulator.js";
import { makeDocxBomb, makePdf } from "../support/fixtures.js";
import { cloneWorkspace, e2eSuite, expectValidHtml, type RunningApp } from "../bot/harness.js";

const ADMIN = user(930001, { firstName: "Quản trị" });
const member = user(930002, { firstName: "Lan" });
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const QUESTION = "Có bao nhiêu xã có chi bộ cơ quan?";

const e2e = e2eSuite("upload-faults");

/** Samples this process's RSS (the bot runs in it) every 20 ms until stopped; returns the peak in MB. */
function sampleRss(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576);
  };
}

/**
 * Sends an upload and, as soon as the bot has said it started on it, a question from another user.
 * Returns both outcomes and timings.
 */
async function uploadWhileAsking(running: RunningApp, fileName: string, mimeType: string, bytes: Buffer) {
  const from = e2e.emulator.calls.length;
  const peakRss = sampleRss();
  const sentAt = Date.now();
  const upload = e2e.emulator.sendDocument(ADMIN, privateChat(ADMIN), { fileName, mimeType, bytes });
  await e2e.emulator.waitFor((c) => c.method === "sendMessage" && c.ok && Number(c.params.chat_id) === ADMIN.id && String(c.params.text).includes("Đang lưu"), { fromIndex: from, timeoutMs: 20_000 });
  const askedAt = Date.now();
  const question = e2e.emulator.sendText(member, privateChat(member), QUESTION);
  const answered = await running.handled(question, 10_000);
  const answerMs = Date.now() - askedAt;
  const uploadLine = await running.handled(upload, 60_000);
  const rejectMs = Date.now() - sentAt;
  const toAdmin = e2e.emulator.calls.slice(from).filter((c) => c.method === "sendMessage" && c.ok && Number(c.params.chat_id) === ADMIN.id);
  const uploadDoneFirst = running.records().findIndex((r) => r.update_id === upload.update_id) < running.records().findIndex((r) => r.update_id === question.update_id);
  return { answered, answerMs, uploadLine, rejectMs, uploadDoneFirst, replies: expectValidHtml(toAdmin.map((c) => String(c.params.text))), peakRssMb: peakRss() };
}

describe("hostile uploads", () => {
  it("rejects a .docx bomb with its reason while another user's question is answered within 2 s, and the bot stays small", async () => {
    const local = await cloneWorkspace(e2e.ws, "bomb");
    await e2e.start({ ADMIN_IDS: String(ADMIN.id), MAX_FILE_MB: "5" }, local);
    const bomb = await makeDocxBomb({ unpackedMb: 180 });
    const run = await uploadWhileAsking(e2e.bot, "bom.docx", DOCX, bomb);
    expect(run.answered.outcome).toBe("answered");
    expect(run.answerMs).toBeLessThan(2000);
    // The question did not wait for the upload: it was answered while the upload was still being handled.
    expect(run.uploadDoneFirst).toBe(false);
    expect(run.uploadLine.outcome).toBe("hint");
    expect(run.replies.at(-1)).toMatch(/Không dùng được bom\.docx: bom\.docx declares 180\.0 MB unpacked, over the limit of [\d.]+ MB .*zip bomb/);
    expect(run.rejectMs).toBeLessThan(60_000);
    expect(run.peakRssMb).toBeLessThan(1024);
    expect(existsSync(join(local.corpusDir, "bom.docx"))).toBe(false);
    console.info(`docx bomb (${(bomb.length / 1024).toFixed(0)} KB → 180 MB): rejected in ${run.rejectMs} ms, question answered in ${run.answerMs} ms meanwhile, peak RSS ${run.peakRssMb} MB`);
  }, 120_000);

  it("rejects a PDF over MAX_PDF_PAGES with its reason while another user's question is answered", async () => {
    const local = await cloneWorkspace(e2e.ws, "pdf");
    await e2e.start({ ADMIN_IDS: String(ADMIN.id), MAX_FILE_MB: "5", MAX_PDF_PAGES: "200" }, local);
    const pdf = await makePdf(Array.from({ length: 400 }, (_, i) => [`Trang ${i + 1}. Chi bộ sinh hoạt định kỳ mỗi tháng một lần.`]), { fontPath: null });
    const run = await uploadWhileAsking(e2e.bot, "dai.pdf", "application/pdf", pdf);
    expect(run.answered.outcome).toBe("answered");
    expect(run.answerMs).toBeLessThan(2000);
    expect(run.replies.at(-1)).toContain("Không dùng được dai.pdf: dai.pdf has 400 pages, over the limit of 200 (MAX_PDF_PAGES): split it into smaller PDFs");
    expect(run.peakRssMb).toBeLessThan(1024);
    console.info(`400-page PDF (cap 200): rejected in ${run.rejectMs} ms, question answered in ${run.answerMs} ms meanwhile, peak RSS ${run.peakRssMb} MB`);
  }, 120_000);

  it("reports an ingest that overruns INGEST_TIMEOUT_MS, naming the limit, and keeps the old index and corpus", async () => {
    const local = await cloneWorkspace(e2e.ws, "timeout");
    const running = await e2e.start({ ADMIN_IDS: String(ADMIN.id), INGEST_TIMEOUT_MS: "1" }, local);
    const generation = running.app.engine.index.generation;
    const result = await e2e.exchange(() => e2e.emulator.sendDocument(ADMIN, privateChat(ADMIN), { fileName: "cham.txt", mimeType: "text/plain", bytes: Buffer.from("Chậm\n\nNội dung.\n") }));
    expect(result.outcome).toBe("hint");
    expect(expectValidHtml(result.html).at(-1)).toMatch(/^⚠️ Không thêm được cham\.txt: The ingest took longer than INGEST_TIMEOUT_MS \(1 ms\) and was stopped.*; the previous index keeps serving/);
    expect(existsSync(join(local.corpusDir, "cham.txt"))).toBe(false);
    expect(running.app.engine.index.generation).toBe(generation);
    const reload = await e2e.exchange(() => e2e.emulator.sendText(ADMIN, privateChat(ADMIN), "/reload"));
    expect(expectValidHtml(reload.html)[0]).toContain("Lập chỉ mục thất bại: The ingest took longer than INGEST_TIMEOUT_MS");
  }, 120_000);
});

describe("replacing a document", () => {
  it("keeps the previous version in corpus/.history, says 'Đã cập nhật', and never indexes the history", async () => {
    const local = await cloneWorkspace(e2e.ws, "replace");
    const running = await e2e.start({ ADMIN_IDS: String(ADMIN.id) }, local);
    const send = (text: string) => e2e.exchange(() => e2e.emulator.sendDocument(ADMIN, privateChat(ADMIN), { fileName: "ea-kao.txt", mimeType: "text/plain", bytes: Buffer.from(text) }));
    const first = await send("Báo cáo Ea Kao\n\nChi bộ thôn Ea Kao có 12 đảng viên.\n");
    expect(expectValidHtml(first.html).at(-1)).toContain("Đã thêm ea-kao.txt");
    const second = await send("Báo cáo Ea Kao\n\nChi bộ thôn Ea Kao có 15 đảng viên.\n");
    expect(second.outcome).toBe("uploaded");
    expect(expectValidHtml(second.html).at(-1)).toContain("Đã cập nhật ea-kao.txt");
    const history = await readdir(join(local.corpusDir, ".history"));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatch(/^ea-kao\.txt\.\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(await readFile(join(local.corpusDir, ".history", history[0] ?? ""), "utf8")).toContain("12 đảng viên");
    expect(running.app.engine.info().documents.map((d) => d.path).filter((p) => p.includes("history"))).toEqual([]);
    const answer = await e2e.exchange(() => e2e.emulator.sendText(member, privateChat(member), "Chi bộ thôn Ea Kao có bao nhiêu đảng viên?"));
    expect(expectValidHtml(answer.html)[0]).toContain("15 đảng viên");
  }, 120_000);
});

describe("an upload the bot died on", () => {
  it("is put aside at the next start, its admin is told, and it is never retried", async () => {
    const local = await cloneWorkspace(e2e.ws, "restart");
    const dataDir = join(local.root, "data");
    // The state a crash mid-upload leaves: the update not confirmed, the journal saying "started", the file in the corpus.
    const poison = Buffer.from("Tài liệu độc\n\nNội dung làm trợ lý chết.\n");
    const update = e2e.emulator.sendDocument(ADMIN, privateChat(ADMIN), { fileName: "doc-hai.txt", mimeType: "text/plain", bytes: poison });
    await writeFile(join(local.corpusDir, "doc-hai.txt"), poison);
    UploadJournal.in(dataDir).begin({ updateId: update.update_id, chatId: ADMIN.id, savedAs: "doc-hai.txt", historyCopy: null, sha256: createHash("sha256").update(poison).digest("hex") });

    const from = e2e.emulator.calls.length;
    const running = await e2e.start({ ADMIN_IDS: String(ADMIN.id), DATA_DIR: dataDir }, local);
    const redelivered = await running.handled(update, 30_000);
    expect(redelivered.outcome).toBe("hint");
    const toAdmin = expectValidHtml(e2e.emulator.calls.slice(from).filter((c) => c.method === "sendMessage" && c.ok && Number(c.params.chat_id) === ADMIN.id).map((c) => String(c.params.text)));
    expect(toAdmin.some((t) => t.includes("Lần thêm doc-hai.txt trước đó bị gián đoạn") && t.includes(".quarantine/doc-hai.txt."))).toBe(true);
    expect(toAdmin.some((t) => t.startsWith("⚠️ Không thử lại doc-hai.txt"))).toBe(true);
    expect(toAdmin.some((t) => t.includes("Đang lưu"))).toBe(false);
    expect(existsSync(join(local.corpusDir, "doc-hai.txt"))).toBe(false);
    expect(await readdir(join(local.corpusDir, ".quarantine"))).toEqual([expect.stringMatching(/^doc-hai\.txt\./)]);
    expect(running.app.engine.info().documents.map((d) => d.path)).not.toContain("doc-hai.txt");
    expect(running.records().some((r) => r.msg === "document added")).toBe(false);
    expect(UploadJournal.in(dataDir).entries().map((e) => e.state)).toEqual(["interrupted"]);

    // Another restart: nothing left to recover, nothing retried.
    const calls = e2e.emulator.calls.length;
    await e2e.start({ ADMIN_IDS: String(ADMIN.id), DATA_DIR: dataDir }, local);
    const ask = await e2e.exchange(() => e2e.emulator.sendText(member, privateChat(member), QUESTION));
    expect(ask.outcome).toBe("answered");
    expect(e2e.emulator.calls.slice(calls).filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === ADMIN.id)).toEqual([]);
  }, 120_000);
});
