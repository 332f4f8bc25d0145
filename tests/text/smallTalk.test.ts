import { describe, expect, it } from "vitest";
import { detectSmallTalk } from "../../src/text/smallTalk.js";

describe("detectSmallTalk", () => {
  it("recognises greetings with or without diacritics, in Vietnamese and English", () => {
    for (const text of ["chào bạn", "Xin chào!", "xin chao a", "hello", "Hi there", "Chào trợ lý ơi", "alo", "chào buổi sáng"]) expect(detectSmallTalk(text), text).toBe("greeting");
  });

  it("recognises thanks and goodbyes", () => {
    for (const text of ["cảm ơn", "Cảm ơn bạn nhiều nhé!", "cam on", "thanks", "thank you so much", "ok cảm ơn"]) expect(detectSmallTalk(text), text).toBe("thanks");
    for (const text of ["tạm biệt", "bye", "Tạm biệt nhé, hẹn gặp lại"]) expect(detectSmallTalk(text), text).toBe("goodbye");
  });

  it("leaves questions alone, even when they start with a greeting", () => {
    for (const text of ["chào bạn, có bao nhiêu xã có chi bộ cơ quan?", "Có bao nhiêu xã có chi bộ cơ quan?", "chi bộ", "hello 123", "Cảm ơn là gì", "", "   ", "bạn"]) expect(detectSmallTalk(text), text).toBeNull();
  });
});
