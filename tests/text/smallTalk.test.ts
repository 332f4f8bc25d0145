import { describe, expect, it } from "vitest";
import { detectSmallTalk } from "../../src/text/smallTalk.js";

describe("detectSmallTalk", () => {
  it("recognises greetings with or without diacritics, in Vietnamese and English", () => {
    for (const text of ["chào bạn", "Xin chào!", "xin chao a", "hello", "Hi there", "Chào trợ lý ơi", "alo", "chào buổi sáng", "Chào bạn, hôm nay bạn khỏe không?", "Chào bạn, hôm nay bạn thế nào?", "dạo này bạn ra sao", "Chào em, hôm nay có gì mới không?", "co gi moi khong", "Hi, what's new?"]) expect(detectSmallTalk(text), text).toBe("greeting");
  });

  it("recognises thanks and goodbyes", () => {
    for (const text of ["cảm ơn", "Cảm ơn bạn nhiều nhé!", "cam on", "thanks", "thank you so much", "ok cảm ơn"]) expect(detectSmallTalk(text), text).toBe("thanks");
    for (const text of ["tạm biệt", "bye", "Tạm biệt nhé, hẹn gặp lại"]) expect(detectSmallTalk(text), text).toBe("goodbye");
  });

  it("leaves questions alone, even when they start with a greeting", () => {
    for (const text of ["chào bạn, có bao nhiêu xã có chi bộ cơ quan?", "Có bao nhiêu xã có chi bộ cơ quan?", "chi bộ", "hello 123", "Cảm ơn là gì", "", "   ", "bạn", "Quy định thế nào?", "Chi bộ họp ra sao?", "Quy định có gì mới không?", "Năm 2025 có gì mới không?"]) expect(detectSmallTalk(text), text).toBeNull();
  });

  it("recognises a short personal question to the assistant, typed with or without diacritics, but not one about a committee", () => {
    for (const text of ["Bạn ăn cơm chưa?", "bạn tên gì", "Ban an com chua?", "ban ten gi", "bot khoe khong"]) expect(detectSmallTalk(text), text).not.toBeNull();
    // Without marks "ban" is also a committee ("Ban có …", "Ban làm gì"), and "an" also "an ninh".
    for (const text of ["Ban co nhiem vu gi?", "Ban lam gi?", "Ban an ninh gom nhung ai?", "Ban o dau?"]) expect(detectSmallTalk(text), text).toBeNull();
  });
});
