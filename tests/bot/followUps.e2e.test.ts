/**
 * Follow-up questions through the real app and the Bot API emulator: "còn phường thì sao?" after a
 * question, "Hiểu là: …" above the answer, "🆕 Câu hỏi mới" and /moi, and people in a group kept apart.
 */
import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { groupChat, privateChat, user, type UserChat } from "../../testing/botApiEmulator.js";
import { buttonData, e2eSuite, expectValidHtml } from "./harness.js";

const alice = user(201, { firstName: "Alice" });
const bob = user(202, { firstName: "Bob" });
const carol = user(203, { firstName: "Carol" });

const e2e = e2eSuite("bot-followups", { env: {} });

const ask = async (from: typeof alice, text: string, chat: UserChat = privateChat(from)) => {
  const result = await e2e.exchange(() => e2e.emulator.sendText(from, chat, text));
  return { ...result, text: expectValidHtml(result.html).join("\n") };
};

describe("follow-up questions in a private chat", () => {
  it("answers 'còn phường thì sao?' and 'thị trấn?' after a question, then a new full question on its own", async () => {
    const first = await ask(alice, "Có bao nhiêu xã có chi bộ cơ quan?");
    expect(first.text).toMatch(/^✅ Trả lời: 68\/152 xã/);
    expect(first.text).not.toContain("Hiểu là");
    expect(buttonData(first.messages.at(-1))).not.toContainEqual(expect.stringMatching(/^n:/));

    const wards = await ask(alice, "còn phường thì sao?");
    expect(wards.outcome).toBe("answered");
    expect(wards.text).toMatch(/^🔁 Hiểu là: Có bao nhiêu phường có chi bộ cơ quan\?\n\n✅ Trả lời: 12\/20 phường/);
    expect(buttonData(wards.messages.at(-1))).toContainEqual(expect.stringMatching(/^n:\d+$/));

    const towns = await ask(alice, "thị trấn?");
    expect(towns.text).toContain("Hiểu là: Có bao nhiêu thị trấn có chi bộ cơ quan?");
    expect(towns.text).toContain("✅ Trả lời: 8/12 thị trấn");

    const unrelated = await ask(alice, "Kinh nghiệm thứ hai là gì?");
    expect(unrelated.text).not.toContain("Hiểu là");
    expect(unrelated.text).toMatch(/^✅ Trả lời: Hai là, coi trọng công tác cán bộ/);
  });

  it("shows how it read a question typed with shorthand and slips, and nothing for one read as typed", async () => {
    const typed = await ask(carol, "co bao nhieu xa đc co chi bo co quan vs 918 dv ko?");
    expect(typed.text).toMatch(/^🔁 Hiểu là: co bao nhieu xa duoc co chi bo co quan voi 918 dang vien khong\?/);
    const plain = await ask(carol, "Kinh nghiệm thứ hai là gì?");
    expect(plain.text).not.toContain("Hiểu là");
  });

  it("forgets the previous question after the 🆕 Câu hỏi mới button and after /moi", async () => {
    await ask(bob, "Có bao nhiêu xã có chi bộ cơ quan?");
    const followUp = await ask(bob, "còn phường thì sao?");
    const message = followUp.messages.at(-1) as Message;
    const data = buttonData(message).find((d) => d.startsWith("n:")) ?? "";
    const pressed = await e2e.exchange(() => e2e.emulator.sendCallback(bob, message, data));
    expect(pressed.outcome).toBe("button");
    expect(pressed.calls.find((c) => c.method === "answerCallbackQuery")?.params.text).toContain("câu hỏi mới");
    expect((await ask(bob, "thị trấn?")).text).not.toContain("Hiểu là");

    await ask(bob, "Có bao nhiêu xã có chi bộ cơ quan?");
    const moi = await ask(bob, "/moi");
    expect(moi.outcome).toBe("command");
    expect(moi.text).toContain("câu hỏi mới");
    expect((await ask(bob, "còn phường thì sao?")).text).not.toContain("Hiểu là");
  });
});

describe("follow-up questions in a group", () => {
  it("reads each person's follow-up against their own question", async () => {
    const group = groupChat(-1002000000001, "Chi bộ thử");
    await ask(alice, "/hoi Có bao nhiêu xã có chi bộ cơ quan?", group);
    await ask(carol, "/hoi Kinh nghiệm thứ hai là gì?", group);
    const aliceNext = await ask(alice, "/hoi còn phường thì sao?", group);
    expect(aliceNext.text).toContain("Hiểu là: Có bao nhiêu phường có chi bộ cơ quan?");
    expect(aliceNext.text).toContain("12/20 phường");
    const carolNext = await ask(carol, "/hoi còn thứ ba?", group);
    expect(carolNext.text).toContain("Hiểu là: Kinh nghiệm thứ ba là gì?");
    expect(carolNext.text).toContain("Ba là");
  });
});
