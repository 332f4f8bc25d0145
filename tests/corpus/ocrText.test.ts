import { describe, expect, it } from "vitest";
import { readStructure } from "../../src/corpus/document.js";
import { cleanOcrPages, readHeaderWords } from "../../src/corpus/ocrText.js";
import { toBlocks } from "../../src/corpus/structure.js";

/** A page as Tesseract prints it: a running header, the body, a page number. */
function page(number: number, body: string): string {
  return `BÁO CÁO SỐ 45-BC/TU\n\n${body}\n\n- ${number} -`;
}

describe("cleanOcrPages", () => {
  it("drops a running header repeated on every page and the page numbers", () => {
    const cleaned = cleanOcrPages([
      page(1, "Năm 2024 toàn tỉnh kết nạp 1.287 đảng viên mới."),
      page(2, "Tổng số tổ chức cơ sở đảng là 612."),
      page(3, "Đã thi hành kỷ luật 37 đảng viên."),
    ]);
    expect(cleaned).toEqual(["Năm 2024 toàn tỉnh kết nạp 1.287 đảng viên mới.", "Tổng số tổ chức cơ sở đảng là 612.", "Đã thi hành kỷ luật 37 đảng viên."]);
  });

  it("keeps a line that only the first page has (the document's own header)", () => {
    const cleaned = cleanOcrPages(["ĐẢNG BỘ TỈNH QUẢNG TRỊ\n\nNội dung trang một.\n\n1", "Nội dung trang hai.\n\n2"]);
    expect(cleaned[0]).toBe("ĐẢNG BỘ TỈNH QUẢNG TRỊ\n\nNội dung trang một.");
    expect(cleaned[1]).toBe("Nội dung trang hai.");
  });

  it("keeps article headings that begin several pages", () => {
    const cleaned = cleanOcrPages(["Điều 5\n\nNội dung điều năm.", "Điều 6\n\nNội dung điều sáu.", "Điều 7\n\nNội dung điều bảy."]);
    expect(cleaned.map((p) => p.split("\n\n")[0])).toEqual(["Điều 5", "Điều 6", "Điều 7"]);
  });

  it("joins the lines Tesseract wrapped within a paragraph, and a word hyphenated across a line end", () => {
    const [cleaned] = cleanOcrPages(["Trong năm 2024, Đảng bộ tỉnh đã kết nạp được\n1.287 đảng viên mới theo chương trình com-\nputer hóa và chủ nghĩa Mác-\nLênin."]);
    expect(cleaned).toBe("Trong năm 2024, Đảng bộ tỉnh đã kết nạp được 1.287 đảng viên mới theo chương trình computer hóa và chủ nghĩa Mác-Lênin.");
  });

  it("ends a paragraph at a short line that ends a sentence, when Tesseract gave no blank line", () => {
    const [cleaned] = cleanOcrPages([
      "Tổng số đảng viên toàn Đảng bộ đến ngày 30/6/2025 là 38.917 đồng chí, tăng\nso với cùng kỳ năm trước.\nĐã xóa tên 41 đảng viên và cho ra khỏi Đảng 12 đảng viên không còn đủ tư\ncách đảng viên.",
    ]);
    expect(cleaned).toBe(
      "Tổng số đảng viên toàn Đảng bộ đến ngày 30/6/2025 là 38.917 đồng chí, tăng so với cùng kỳ năm trước.\n\nĐã xóa tên 41 đảng viên và cho ra khỏi Đảng 12 đảng viên không còn đủ tư cách đảng viên.",
    );
  });

  it("keeps numbered points and headings in capitals on lines of their own, so the structure is recognised", () => {
    const [cleaned] = cleanOcrPages([
      "BÁO CÁO\nKẾT QUẢ CÔNG TÁC TỔ CHỨC NĂM 2024\n\nĐiều 1. Phạm vi điều chỉnh\n\nNgười vào Đảng phải:\n1. Tán thành Cương lĩnh chính trị,\nĐiều lệ Đảng.\n2. Có lý lịch rõ ràng.\na) Điều kiện riêng.",
    ]);
    expect(cleaned).toBe(
      "BÁO CÁO\n\nKẾT QUẢ CÔNG TÁC TỔ CHỨC NĂM 2024\n\nĐiều 1. Phạm vi điều chỉnh\n\nNgười vào Đảng phải:\n\n1. Tán thành Cương lĩnh chính trị, Điều lệ Đảng.\n\n2. Có lý lịch rõ ràng.\n\na) Điều kiện riêng.",
    );
    const blocks = toBlocks({ format: "txt", pages: [cleaned ?? ""], encoding: "ocr" });
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual(["BÁO CÁO KẾT QUẢ CÔNG TÁC TỔ CHỨC NĂM 2024", "Điều 1. Phạm vi điều chỉnh"]);
    expect(blocks.filter((b) => b.kind === "paragraph").map((b) => b.text)).toContain("1. Tán thành Cương lĩnh chính trị, Điều lệ Đảng.");
  });

  it("reads a scanned header's fixed words: the two cells read side by side, a motto's and a kind's misread letters", () => {
    // As Tesseract reads a scanned decision: the left and right cells on one line, capitals' marks lost,
    // the star under the issuer read as a letter.
    const scan = [
      "ĐÁNG BỘ HUYỆN PHÚ LAM ĐÁNG CỘNG SÁN VIỆT NAM",
      "",
      "ĐÁNG ỦY XÃ HÒA NINH",
      "",
      "x*",
      "",
      "Số 41-QĐ/ĐU Hòa Ninh, ngày 17 tháng 6 năm 2025",
      "",
      "QUYFT ĐỊNH",
      "",
      "về việc chuẩn y Ban Chấp hành Chi bộ thôn Bàu Sen, nhiệm kỳ 2025 - 2027",
      "",
      "Điều 1. Chuẩn y Ban Chấp hành Chi bộ thôn Bàu Sen gồm 05 đồng chí.",
    ].join("\n");
    expect(readHeaderWords(scan.split("\n")).filter((line) => line !== "").slice(0, 4)).toEqual(["ĐÁNG BỘ HUYỆN PHÚ LAM", "ĐÁNG ỦY XÃ HÒA NINH", "ĐẢNG CỘNG SẢN VIỆT NAM", "x*"]);
    const [cleaned] = cleanOcrPages([scan]);
    const { header } = readStructure({ format: "txt", pages: [cleaned ?? ""], encoding: "ocr" }, "qd.png");
    expect(header?.kind).toBe("Quyết định");
    expect(header?.number).toBe("41-QĐ/ĐU");
    expect(header?.date).toBe("17/06/2025");
    expect(header?.issuer).toMatch(/Hòa Ninh/u);
    // A line that is not one letter away from a kind, or a page that does not open the document, is left.
    expect(readHeaderWords(["QUY ĐỊNH", "THÔNG TIN", "BÁO CẢO"])).toEqual(["QUY ĐỊNH", "THÔNG TIN", "BÁO CÁO"]);
    expect(cleanOcrPages(["QUYFT ĐỊNH"], false)).toEqual(["QUYFT ĐỊNH"]);
  });
});
