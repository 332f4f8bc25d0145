import { describe, expect, it } from "vitest";
import { chatOf, isAdmin, isAllowed } from "../../src/bot/access.js";

const base = { ADMIN_IDS: [1], ALLOWED_USER_IDS: [] as number[], ALLOWED_CHAT_IDS: [] as number[] };

describe("isAllowed", () => {
  it("lets everyone in when no allowlist is set", () => {
    expect(isAllowed(base, 99, 99)).toBe(true);
  });

  it("with ALLOWED_USER_IDS, lets only those users (and admins) in", () => {
    const config = { ...base, ALLOWED_USER_IDS: [5] };
    expect(isAllowed(config, 5, 5)).toBe(true);
    expect(isAllowed(config, 6, 6)).toBe(false);
    expect(isAllowed(config, 1, 1)).toBe(true);
    expect(isAllowed(config, undefined, -100)).toBe(false);
  });

  it("with ALLOWED_CHAT_IDS, lets only those chats in, both lists applying when both are set", () => {
    const config = { ...base, ALLOWED_CHAT_IDS: [-100] };
    expect(isAllowed(config, 7, -100)).toBe(true);
    expect(isAllowed(config, 7, 7)).toBe(false);
    const both = { ...base, ALLOWED_USER_IDS: [7], ALLOWED_CHAT_IDS: [-100] };
    expect(isAllowed(both, 7, -100)).toBe(true);
    expect(isAllowed(both, 8, -100)).toBe(false);
    expect(isAllowed(both, 7, 7)).toBe(false);
  });

  it("decides a poll answer (no chat) by the user allowlist alone", () => {
    expect(isAllowed({ ...base, ALLOWED_USER_IDS: [7], ALLOWED_CHAT_IDS: [-100] }, 7, undefined)).toBe(true);
    expect(isAllowed({ ...base, ALLOWED_CHAT_IDS: [-100] }, 7, undefined)).toBe(false);
  });
});

describe("isAdmin", () => {
  it("is true only for ADMIN_IDS", () => {
    expect(isAdmin(base, 1)).toBe(true);
    expect(isAdmin(base, 2)).toBe(false);
    expect(isAdmin(base, undefined)).toBe(false);
  });
});

describe("chatOf", () => {
  it("gives a poll answer the chat its poll was sent in, so the chat allowlist can decide it", () => {
    const pollAnswer = { poll_id: "p1", user: { id: 7 }, option_ids: [0] };
    const ctx = { chat: undefined, pollAnswer } as unknown as Parameters<typeof chatOf>[0];
    expect(chatOf(ctx, (id) => (id === "p1" ? -100 : undefined))).toBe(-100);
    expect(chatOf(ctx, () => undefined)).toBeUndefined();
    expect(isAllowed({ ...base, ALLOWED_CHAT_IDS: [-100] }, 7, chatOf(ctx, () => -100))).toBe(true);
  });
});
