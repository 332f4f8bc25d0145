/**
 * The real app against the emulator: allowlists for every update type, the rate limit, admin document
 * uploads, webhook mode, and the token kept out of logs and errors.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startApp } from "../../src/main.js";
import { groupChat, privateChat, user, type UserMessage } from "../../testing/botApiEmulator.js";
import { makeDocx, makePdf, photographed, renderPdfPage } from "../support/fixtures.js";
import { buttonData, Captured, cloneWorkspace, e2eSuite, expectNoToken, expectValidHtml } from "./harness.js";

const ADMIN = user(1, { firstName: "Quản trị" });
const member = user(201, { firstName: "Đảng viên" });
const stranger = user(202, { firstName: "Người lạ" });
const REFUSAL = "Xin lỗi, bạn chưa được cấp quyền dùng trợ lý này. Hãy liên hệ quản trị viên để được thêm vào danh sách.";

const e2e = e2eSuite("bot-access");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe("allowlists", () => {
  it("refuses everyone outside ALLOWED_USER_IDS politely, for every update type, with nothing from the documents", async () => {
    await e2e.start({ ALLOWED_USER_IDS: String(member.id), ADMIN_IDS: String(ADMIN.id) });
    const group = groupChat(-1009876543210, "Nhóm hỏi đáp");

    const allowed = await e2e.exchange(() => e2e.emulator.sendText(member, group, "/hoi Có bao nhiêu xã có chi bộ cơ quan?"));
    expect(allowed.outcome).toBe("answered");
    const answer = allowed.messages.at(-1);

    const message = await e2e.exchange(() => e2e.emulator.sendText(stranger, privateChat(stranger), "Có bao nhiêu xã có chi bộ cơ quan?"));
    expect(message.outcome).toBe("refused");
    expect(message.html).toEqual([REFUSAL]);

    const original = e2e.emulator.chatHistory(stranger.id)[0];
    if (!original || !answer) throw new Error("missing messages");
    const edited = await e2e.exchange(() => e2e.emulator.sendEditedText(original as UserMessage, "co bao nhieu phuong co chi bo co quan"));
    expect(edited.outcome).toBe("refused");
    expect(edited.html).toEqual([REFUSAL]);

    const callback = await e2e.exchange(() => e2e.emulator.sendCallback(stranger, answer, buttonData(answer)[0] ?? ""));
    expect(callback.outcome).toBe("refused");
    expect(callback.html).toEqual([]);
    expect(callback.calls.find((c) => c.method === "answerCallbackQuery")?.params).toMatchObject({ text: REFUSAL, show_alert: true });

    const poll = await e2e.exchange(() => e2e.emulator.sendPollAnswer(stranger, "5000000000001", [0]));
    expect(poll.outcome).toBe("refused");
    expect(poll.calls).toEqual([]);

    const chatter = await e2e.exchange(() => e2e.emulator.sendText(stranger, group, "chuyện phiếm trong nhóm"));
    expect(chatter.outcome).toBe("refused");
    expect(chatter.html).toEqual([]);

    // Admins are always allowed.
    const admin = await e2e.exchange(() => e2e.emulator.sendText(ADMIN, privateChat(ADMIN), "co bao nhieu phuong co chi bo co quan"));
    expect(admin.outcome).toBe("answered");
  });

  it("with ALLOWED_CHAT_IDS, serves only those chats", async () => {
    const group = groupChat(-1005555555555, "Chi bộ được phép");
    await e2e.start({ ALLOWED_CHAT_IDS: String(group.id) });
    const inGroup = await e2e.exchange(() => e2e.emulator.sendText(stranger, group, "/hoi Có bao nhiêu xã có chi bộ cơ quan?"));
    expect(inGroup.outcome).toBe("answered");
    const inPrivate = await e2e.exchange(() => e2e.emulator.sendText(stranger, privateChat(stranger), "Có bao nhiêu xã có chi bộ cơ quan?"));
    expect(inPrivate.outcome).toBe("refused");
    expect(inPrivate.html).toEqual([REFUSAL]);
  });
});

describe("rate limit", () => {
  it("answers RATE_LIMIT_PER_MINUTE questions, then says so once and drops the rest", async () => {
    await e2e.start({ RATE_LIMIT_PER_MINUTE: "3" });
    const chat = privateChat(member);
    const outcomes: unknown[] = [];
    const replies: string[][] = [];
    for (let i = 0; i < 5; i++) {
      const r = await e2e.exchange(() => e2e.emulator.sendText(member, chat, "Có bao nhiêu xã có chi bộ cơ quan?"));
      outcomes.push(r.outcome);
      replies.push(r.html);
    }
    expect(outcomes).toEqual(["answered", "answered", "answered", "rate_limited", "rate_limited"]);
    expect(replies[3]).toEqual(["Bạn hỏi nhanh quá 🙂 Hãy chờ khoảng một phút rồi hỏi tiếp nhé."]);
    expect(replies[4]).toEqual([]);
    // Another user is not affected.
    const other = await e2e.exchange(() => e2e.emulator.sendText(stranger, privateChat(stranger), "Có bao nhiêu xã có chi bộ cơ quan?"));
    expect(other.outcome).toBe("answered");
  });
});

describe("admin uploads", () => {
  const GIA_LAI = "Kết quả phát triển đảng viên ở Gia Lai\n\nNăm 2020, Đảng bộ tỉnh Gia Lai đã kết nạp 2.345 đảng viên mới, trong đó có 412 đảng viên là người dân tộc thiểu số.\n";

  it("saves an admin's document under a safe name, re-indexes, and answers from it at once", async () => {
    const local = await cloneWorkspace(e2e.ws, "upload");
    await e2e.start({ ADMIN_IDS: String(ADMIN.id), MAX_FILE_MB: "1" }, local);
    const chat = privateChat(ADMIN);
    const before = await e2e.exchange(() => e2e.emulator.sendText(ADMIN, chat, "Năm 2020 Gia Lai kết nạp bao nhiêu đảng viên mới?"));
    expect(before.outcome).toBe("abstained");

    const upload = await e2e.exchange(() =>
      e2e.emulator.sendDocument(ADMIN, chat, { fileName: "../../gia-lai.txt", mimeType: "text/plain", bytes: Buffer.from(GIA_LAI) }),
    );
    expect(upload.outcome).toBe("uploaded");
    const texts = expectValidHtml(upload.html);
    expect(texts[0]).toContain("Đang lưu gia-lai.txt");
    expect(texts[1]).toContain("Đã thêm gia-lai.txt vào bộ tài liệu");
    expect(texts[1]).toMatch(/Index updated \(gen-[^)]+\) in \d+ ms: 2 documents/);
    expect(texts[1]).toContain("Added 1: gia-lai.txt");
    expect(existsSync(join(local.corpusDir, "gia-lai.txt"))).toBe(true);
    expect(existsSync(join(local.root, "gia-lai.txt"))).toBe(false);
    expect((await readdir(local.corpusDir)).filter((f) => f.startsWith("."))).toEqual([]);

    const after = await e2e.exchange(() => e2e.emulator.sendText(ADMIN, chat, "Năm 2020 Gia Lai kết nạp bao nhiêu đảng viên mới?"));
    expect(after.outcome).toBe("answered");
    expect(expectValidHtml(after.html)[0]).toContain("2.345 đảng viên mới");

    const docx = await makeDocx([{ heading: "Sinh hoạt chi bộ ở Kon Tum" }, { text: "Các chi bộ ở Kon Tum sinh hoạt thường kỳ vào ngày 3 hằng tháng." }]);
    const word = await e2e.exchange(() =>
      e2e.emulator.sendDocument(ADMIN, chat, { fileName: "Kon Tum.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes: docx }),
    );
    expect(word.outcome).toBe("uploaded");
    expect(expectValidHtml(word.html)[1]).toContain("Added 1: Kon Tum.docx");
  });

  it("reads an admin's photo by OCR, names it after its caption, and answers from it citing the scan", async () => {
    const local = await cloneWorkspace(e2e.ws, "upload-photo");
    await e2e.start({ ADMIN_IDS: String(ADMIN.id), MAX_FILE_MB: "5" }, local);
    const page = await makePdf([["Kết quả kết nạp đảng viên ở Kon Plông", "Năm 2023, Huyện ủy Kon Plông đã kết nạp 318 đảng viên mới, trong đó có 96 đảng viên là người dân tộc thiểu số."]]);
    const photo = await photographed(await renderPdfPage(page, 1, 2));

    // A member's photo is not a document: it gets the usual "write your question" hint.
    const fromMember = await e2e.exchange(() => e2e.emulator.sendPhoto(member, privateChat(member), { bytes: photo.jpeg, width: photo.width, height: photo.height }));
    expect(fromMember.outcome).toBe("hint");
    expect(existsSync(join(local.corpusDir, "anh.jpg"))).toBe(false);

    const chat = privateChat(ADMIN);
    const upload = await e2e.exchange(() =>
      e2e.emulator.sendPhoto(ADMIN, chat, { bytes: photo.jpeg, width: photo.width, height: photo.height, caption: "Kon Plông 2023\nảnh chụp bản gốc" }),
    );
    expect(upload.outcome).toBe("uploaded");
    const texts = expectValidHtml(upload.html);
    expect(texts[0]).toContain("nhận dạng chữ (OCR");
    expect(texts[1]).toContain("Added 1: Kon Plông 2023.jpg");
    expect(existsSync(join(local.corpusDir, "Kon Plông 2023.jpg"))).toBe(true);

    const after = await e2e.exchange(() => e2e.emulator.sendText(ADMIN, chat, "Năm 2023 Huyện ủy Kon Plông kết nạp bao nhiêu đảng viên mới?"));
    expect(after.outcome).toBe("answered");
    const answer = expectValidHtml(after.html)[0];
    expect(answer).toContain("318 đảng viên mới");
    expect(answer).toContain("(văn bản quét)");
  });

  it("refuses uploads from non-admins, of unsupported types, too large, and unusable files", async () => {
    const local = await cloneWorkspace(e2e.ws, "upload-refusals");
    await e2e.start({ ADMIN_IDS: String(ADMIN.id), MAX_FILE_MB: "1" }, local);
    const send = (from: typeof ADMIN, fileName: string, bytes: Uint8Array) =>
      e2e.exchange(() => e2e.emulator.sendDocument(from, privateChat(from), { fileName, mimeType: "application/octet-stream", bytes }));

    const notAdmin = await send(member, "tai-lieu.txt", Buffer.from("Nội dung."));
    expect(notAdmin.outcome).toBe("refused");
    expect(notAdmin.html[0]).toContain("Chỉ quản trị viên");

    const exe = await send(ADMIN, "virus.exe", Buffer.from("MZ"));
    expect(exe.outcome).toBe("hint");
    expect(expectValidHtml(exe.html)[0]).toContain("Tôi chỉ nhận tệp .txt, .md, .html, .htm, .pdf, .docx");

    const big = await send(ADMIN, "lon.txt", Buffer.alloc(1024 * 1024 + 10, 0x61));
    expect(big.outcome).toBe("hint");
    expect(big.html[0]).toContain("Tệp quá lớn");
    expect(big.calls.some((c) => c.method === "getFile")).toBe(false);

    const empty = await send(ADMIN, "trong.txt", Buffer.from("   \n\n  "));
    expect(empty.outcome).toBe("hint");
    expect(expectValidHtml(empty.html).at(-1)).toContain("Không dùng được trong.txt");
    expect(existsSync(join(local.corpusDir, "trong.txt"))).toBe(false);
    const corpus = await readdir(local.corpusDir);
    expect(corpus).toEqual(["ket-qua-va-kinh-nghiem-thuc-hien-nghi-quyet-22-o-dak-lak.txt"]);
  });
});

describe("webhook mode", () => {
  it("serves updates posted with the secret token, refuses others, and sets the webhook", async () => {
    const port = await freePort();
    const secret = "webhook_SECRET-1234567890";
    const running = await e2e.start({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.test/telegram/hook", WEBHOOK_SECRET: secret, PORT: String(port) });
    expect(running.app.mode).toBe("webhook");
    const setWebhook = e2e.emulator.calls.find((c) => c.method === "setWebhook" && c.ok);
    expect(setWebhook?.params).toMatchObject({ url: "https://bot.example.test/telegram/hook", secret_token: secret });

    const post = (update: unknown, headers: Record<string, string>, path = "/telegram/hook") =>
      fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(update) });

    const forged = e2e.emulator.sendText(member, privateChat(member), "Có bao nhiêu xã có chi bộ cơ quan?");
    expect((await post(forged, { "X-Telegram-Bot-Api-Secret-Token": "wrong" })).status).toBe(401);
    expect((await post(forged, {})).status).toBe(401);
    expect((await post(forged, { "X-Telegram-Bot-Api-Secret-Token": secret }, "/other")).status).toBe(404);

    const from = e2e.emulator.calls.length;
    const update = e2e.emulator.sendText(member, privateChat(member), "co bao nhieu phuong co chi bo co quan");
    expect((await post(update, { "X-Telegram-Bot-Api-Secret-Token": secret })).status).toBe(200);
    const line = await running.handled(update);
    expect(line.outcome).toBe("answered");
    const replies = e2e.emulator.calls.slice(from).filter((c) => c.method === "sendMessage" && c.ok);
    expect(replies).toHaveLength(1);
    expect(expectValidHtml(replies.map((c) => String(c.params.text)))[0]).toContain("12/20");
    // The forged updates were never handled.
    expect(running.records().filter((r) => r.msg === "update")).toHaveLength(1);
    expect(running.stdout.value + running.stderr.value).not.toContain(secret);
  });
});

describe("debug logs", () => {
  it("include the message text only at LOG_LEVEL=debug", async () => {
    const running = await e2e.start({ LOG_LEVEL: "debug" });
    const update = e2e.emulator.sendText(member, privateChat(member), "Có bao nhiêu xã có chi bộ cơ quan?");
    expect(await running.handled(update)).toMatchObject({ outcome: "answered", text: "Có bao nhiêu xã có chi bộ cơ quan?" });
  });
});

describe("the token stays secret", () => {
  it("does not appear in the error or the logs when the Bot API cannot be reached", async () => {
    const port = await freePort();
    const stdout = new Captured();
    const stderr = new Captured();
    const token = e2e.emulator.token;
    const failure = await startApp(
      { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, CORPUS_DIR: e2e.ws.corpusDir, INDEX_DIR: e2e.ws.indexDir, DATA_DIR: join(e2e.ws.root, "unreachable") },
      { io: { stdout: stdout.stream, stderr: stderr.stream } },
    ).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toContain(`Cannot reach the Bot API at http://127.0.0.1:${port}`);
    expectNoToken(`${message}\n${(failure as Error).stack ?? ""}\n${stdout.value}\n${stderr.value}`, token);
  });
});
