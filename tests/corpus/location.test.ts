import { describe, expect, it } from "vitest";
import { formatLocation } from "../../src/corpus/location.js";

describe("formatLocation", () => {
  const passage = { section: "Điều 3", paragraph: 1, page: 2, text: "1. Chi bộ thôn họp thường lệ mỗi tháng một lần." };

  it("marks a passage read by OCR “(văn bản quét)”, so readers check the original", () => {
    expect(formatLocation({ ...passage, isScanned: true })).toBe("Điều 3, khoản 1, trang 2 (văn bản quét)");
    expect(formatLocation({ section: null, paragraph: 0, page: null, text: "BÁO CÁO", isScanned: true })).toBe("Tiêu đề (văn bản quét)");
  });

  it("leaves the location of a typed passage as it was", () => {
    expect(formatLocation(passage)).toBe("Điều 3, khoản 1, trang 2");
    expect(formatLocation({ ...passage, isScanned: false })).toBe("Điều 3, khoản 1, trang 2");
  });
});
