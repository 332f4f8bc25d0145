/**
 * How the previous document is named where a follow-up points back to it, and which documents a
 * question names by number with what describes them.
 */
import { describe, expect, it } from "vitest";
import { documentName, namedDocuments, readableTitle } from "../../src/qa/followUpDocuments.js";

describe("naming documents", () => {
  it("writes a title in capitals as a sentence, keeping document codes", () => {
    expect(readableTitle("QUY ĐỊNH SỐ 377-QĐ/TW VỀ PHÂN CẤP")).toBe("Quy định số 377-QĐ/TW về phân cấp");
  });

  it("names a document by the number its title opens with, else by its quoted title", () => {
    expect(documentName({ docId: "a", title: "QUY ĐỊNH SỐ 383-QĐ/TW NGÀY 19/11/2025 VỀ PHÔNG LƯU TRỮ" }, null, false)).toBe("Quy định số 383-QĐ/TW");
    expect(documentName({ docId: "b", title: "Hướng dẫn một số nội dung Quy định số 377-QĐ/TW" }, null, false)).toBe("văn bản “Hướng dẫn một số nội dung Quy định số 377-QĐ/TW”");
    expect(documentName({ docId: "b", title: "Hướng dẫn một số nội dung Quy định số 377-QĐ/TW" }, null, true)).toBe("the document “Hướng dẫn một số nội dung Quy định số 377-QĐ/TW”");
  });

  it("reads a document's issuer and subject only up to what is asked of it", () => {
    expect(namedDocuments("Chỉ thị số 35-CT/TW của Bộ Chính trị về tiếp công dân ban hành ngày nào?").map((d) => d.name)).toEqual(["Chỉ thị số 35-CT/TW của Bộ Chính trị về tiếp công dân"]);
    // "về nội dung gì" is the question itself, and a list of issuers cut by a comma is not taken.
    expect(namedDocuments("Kế hoạch số 87-KH/TU về nội dung gì?").map((d) => d.name)).toEqual(["Kế hoạch số 87-KH/TU"]);
    expect(namedDocuments("Kết luận 212-KL/TW của Bộ Chính trị, Ban Bí thư về định hướng gì?").map((d) => d.name)).toEqual(["Kết luận 212-KL/TW"]);
  });
});
