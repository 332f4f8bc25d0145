/** loadConfig: settings errors in plain words, and the bot token's shape checked before any network call. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { isAppError } from "../src/errors.js";

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(isAppError(err, "CONFIG_INVALID")).toBe(true);
    return (err as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("names the variable, the form it must take and the value given", () => {
    expect(problem({ RATE_LIMIT_PER_MINUTE: "abc" })).toContain('RATE_LIMIT_PER_MINUTE must be a whole number ≥ 1 (got "abc")');
    expect(problem({ PORT: "-3" })).toContain('PORT must be a whole number ≥ 1 (got "-3")');
    expect(problem({ MAX_FILE_MB: "2.5" })).toContain('MAX_FILE_MB must be a whole number ≥ 1 (got "2.5")');
    expect(problem({ QUIZ_TIMEOUT_MS: "10" })).toContain('QUIZ_TIMEOUT_MS must be a whole number of milliseconds from 1000 (1 s) to 86400000 (24 h) (got "10")');
    expect(problem({ LOG_LEVEL: "verbose" })).toContain('LOG_LEVEL must be debug, info, warn or error (got "verbose")');
    expect(problem({ BOT_MODE: "push" })).toContain('BOT_MODE must be polling or webhook (got "push")');
  });

  it("lists every bad setting once, without the library's wording", () => {
    const message = problem({ PORT: "x", HNSW_EF_SEARCH: "0" });
    expect(message).toContain('PORT must be a whole number ≥ 1 (got "x")');
    expect(message).toContain('HNSW_EF_SEARCH must be a whole number ≥ 1 (got "0")');
    expect(message).not.toMatch(/Expected|received|nan/);
  });

  it("refuses a malformed bot token by its expected shape, never repeating it", () => {
    for (const token of ["abc", "123456:short", "bot123456:AAE-emulator_test_token_0123456789ab", "123456:AAE emulator test token 0123456789ab"]) {
      const message = problem({ TELEGRAM_BOT_TOKEN: token });
      expect(message).toContain("TELEGRAM_BOT_TOKEN must be a token from @BotFather, shaped like 123456789:AAE…");
      expect(message).not.toContain(token);
    }
  });

  it("accepts a token of the shape @BotFather gives, and no token at all", () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "7000000001:AAE-emulator_test_token_0123456789ab" }).TELEGRAM_BOT_TOKEN).toBe("7000000001:AAE-emulator_test_token_0123456789ab");
    expect(loadConfig({}).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("never repeats the webhook secret in an error", () => {
    const message = problem({ TELEGRAM_BOT_TOKEN: "7000000001:AAE-emulator_test_token_0123456789ab", BOT_MODE: "webhook", WEBHOOK_URL: "https://example.org/hook", WEBHOOK_SECRET: "sekret with spaces" });
    expect(message).toContain("WEBHOOK_SECRET may only contain");
    expect(message).not.toContain("sekret");
  });
});
