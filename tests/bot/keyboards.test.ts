import { describe, expect, it } from "vitest";
import { CALLBACK_DATA_MAX_BYTES, answerKeyboard, encodeAction, parseAction, type AnswerAction } from "../../src/bot/keyboards.js";

describe("callback data", () => {
  const actions: AnswerAction[] = [
    { kind: "original", questionId: 1 },
    { kind: "others", questionId: 42 },
    { kind: "feedback", questionId: 7, vote: 1 },
    { kind: "feedback", questionId: Number.MAX_SAFE_INTEGER, vote: -1 },
  ];

  it("round-trips every action and stays under Telegram's 64-byte limit", () => {
    for (const action of actions) {
      const data = encodeAction(action);
      expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(parseAction(data)).toEqual(action);
    }
  });

  it("rejects forged, garbled or foreign data instead of throwing", () => {
    for (const data of ["", "x", "x:", "x:0", "x:-1", "x:01", "x:1:2", "f:1", "f:1:*", "o:abc", "q:1", "x:1 ", "x:12345678901234567890", "💥", "x:1\n", "__proto__"]) {
      expect(parseAction(data)).toBeNull();
    }
  });

  it("refuses to encode an id that is not a positive integer", () => {
    expect(() => encodeAction({ kind: "original", questionId: 0 })).toThrow(RangeError);
    expect(() => encodeAction({ kind: "others", questionId: 1.5 })).toThrow(RangeError);
  });
});

describe("answerKeyboard", () => {
  const buttons = (k: ReturnType<typeof answerKeyboard>): string[] => k.inline_keyboard.flat().map((b) => b.text);

  it("offers the original text, other sources and feedback under an answer", () => {
    expect(buttons(answerKeyboard(3, { abstained: false, citations: 3 }))).toEqual(["📄 Xem nguyên văn", "🔎 Nguồn khác", "👍", "👎"]);
  });

  it("leaves out other sources when there are none", () => {
    expect(buttons(answerKeyboard(3, { abstained: false, citations: 1 }))).toEqual(["📄 Xem nguyên văn", "👍", "👎"]);
  });

  it("offers the closest passages, not an original text, under an abstention", () => {
    expect(buttons(answerKeyboard(3, { abstained: true, citations: 2 }))).toEqual(["🔎 Xem các đoạn gần nhất", "👍", "👎"]);
  });
});
