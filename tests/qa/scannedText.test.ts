import { describe, expect, it } from "vitest";
import { alignScannedText } from "../../src/qa/scannedText.js";

describe("a scan read with the question's spelling", () => {
  it("reads runs of two or more syllables OCR spelled with other marks as the question spells them", () => {
    expect(alignScannedText("về việc chuấn y Ban Chấp hành Chi bộ", "Quyết định chuẩn y chi ủy ban hành ngày nào?")).toBe("về việc chuẩn y Ban Chấp hành Chi bộ");
    expect(alignScannedText("5. Đồng chí Đạng Văn Lợi, Chi ủy viên", "Đồng chí Đặng Văn Lợi giữ chức gì?")).toBe("5. Đồng chí Đặng Văn Lợi, Chi ủy viên");
    expect(alignScannedText("QUYẾT ĐỊNH CHUẤN Y", "chuẩn y")).toBe("QUYẾT ĐỊNH CHUẨN Y");
  });

  it("leaves a lone syllable, a pair split by punctuation and a question typed without marks alone", () => {
    expect(alignScannedText("các chi ủy viên", "chỉ đạo")).toBe("các chi ủy viên");
    expect(alignScannedText("chuấn. Y tế", "chuẩn y")).toBe("chuấn. Y tế");
    expect(alignScannedText("về việc chuấn y", "chuan y")).toBe("về việc chuấn y");
  });
});
