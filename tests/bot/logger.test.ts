import { PassThrough } from "node:stream";
import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger, redact, redactError } from "../../src/bot/logger.js";

const TOKEN = "7000000001:AAE-emulator_test_token_0123456789ab";

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  return { stream, text: () => chunks.join("") };
}

describe("redaction", () => {
  it("removes the token and anything shaped like a bot token", () => {
    expect(redact(`GET http://x/bot${TOKEN}/getMe`, [TOKEN])).toBe("GET http://x/bot[redacted]/getMe");
    expect(redact("other 123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 here", [])).toBe("other [redacted] here");
  });

  it("scrubs grammY's HttpError and the fetch error it wraps, message and stack", () => {
    const inner = new Error(`request to http://127.0.0.1:1/bot${TOKEN}/getUpdates failed, reason: connect ECONNREFUSED`);
    const err = new HttpError("Network request for 'getUpdates' failed!", inner);
    redactError(err, [TOKEN]);
    expect(inner.message).not.toContain(TOKEN);
    expect(inner.stack).not.toContain(TOKEN);
    expect(JSON.stringify({ m: err.message, s: err.stack, i: inner.message, is: inner.stack })).not.toContain("AAE-emulator");
  });
});

describe("createLogger", () => {
  it("writes one JSON object per line, info to stdout and warnings to stderr, never the token", () => {
    const out = capture();
    const err = capture();
    const logger = createLogger({ level: "info", secrets: [TOKEN], stdout: out.stream, stderr: err.stream });
    logger.debug("hidden");
    logger.info("update", { user_id: 1, url: `http://x/bot${TOKEN}/sendMessage`, skipped: undefined });
    logger.warn("careful", { error: `bot${TOKEN}` });
    const lines = out.text().trim().split("\n");
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(record).toMatchObject({ level: "info", msg: "update", user_id: 1, url: "http://x/bot[redacted]/sendMessage" });
    expect(record).not.toHaveProperty("skipped");
    expect(JSON.parse(err.text().trim())).toMatchObject({ level: "warn", msg: "careful" });
    expect(out.text() + err.text()).not.toContain(TOKEN);
  });

  it("writes debug lines only at debug level", () => {
    const out = capture();
    const logger = createLogger({ level: "debug", secrets: [], stdout: out.stream, stderr: out.stream });
    expect(logger.isDebug).toBe(true);
    logger.debug("details", { text: "câu hỏi" });
    expect(out.text()).toContain("câu hỏi");
  });
});
