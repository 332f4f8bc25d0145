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

describe("locations in official documents", () => {
  it("cites a numbered point under a Roman-numbered part as a cadre would", () => {
    expect(formatLocation({ section: "I. Về phân cấp quản lý cán bộ", paragraph: 3, page: null, text: "1.2. Chịu trách nhiệm trực tiếp…" })).toBe("Mục I “Về phân cấp quản lý cán bộ”, 1.2");
    expect(formatLocation({ section: "II. Về quy hoạch cán bộ", paragraph: 2, page: null, text: "b) Hằng năm rà soát…" })).toBe("Mục II “Về quy hoạch cán bộ”, b");
    expect(formatLocation({ section: "II. Về quy hoạch cán bộ", paragraph: 4, page: null, text: "Đồng chí Nguyễn Văn X…" })).toBe("Mục II “Về quy hoạch cán bộ”, đoạn 4");
  });

  it("cites a point under a numbered heading of a Roman-numbered part as \"Mục II, 1 …, điểm a\"", () => {
    expect(formatLocation({ section: "II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA › 1. Đối tượng thi đua", paragraph: 2, page: null, text: "a) Tập thể: các cơ quan…" })).toBe("Mục II, 1 “Đối tượng thi đua”, điểm a");
    expect(formatLocation({ section: "II. Về quy hoạch cán bộ › Ví dụ", paragraph: 4, page: null, text: "Đồng chí Nguyễn Văn X…" })).toBe("Mục II, “Ví dụ”, đoạn 4");
  });

  it("names the header passage of a document as its information", () => {
    expect(formatLocation({ section: "Thông tin văn bản", paragraph: 0, page: null, text: "Số hiệu: 45-HD/BTCTW" })).toBe("Thông tin văn bản");
  });
});
