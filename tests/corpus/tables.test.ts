import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/corpus/chunk.js";
import { readStructure } from "../../src/corpus/document.js";
import { readDataTables } from "../../src/corpus/tables.js";
import { BR_TABLE_HEADER } from "../support/officialTexts.js";

const COMMENDED = [
  "**1. Tổ chức cơ sở đảng tiêu biểu năm 2025** (02 tổ chức), mức thưởng 1.500.000 đồng/tổ chức:",
  "",
  "| STT | Tên tập thể | Thành tích nổi bật | Hình thức / mức thưởng |",
  "|---|---|---|---|",
  "| 1 | Đảng bộ xã Phong Đông | Kết nạp 14 đảng viên mới | Giấy khen; 1.500.000 đồng |",
  "| 2 | Đảng bộ xã Sơn Hà | Tỷ lệ hộ nghèo giảm còn 2,1% | Giấy khen; 1.500.000 đồng |",
];

/** A text file's blocks as texts (a heading's or a paragraph's), with its header. */
function textFileBlocks(text: string, fileName: string) {
  const { blocks, header } = readStructure({ pages: [text] } as never, fileName);
  return { texts: blocks.map((b) => ("text" in b ? b.text : "")), header };
}

describe("markdown data tables read as records", () => {
  it("writes each row as one statement naming its columns, numbered as the table numbers it", () => {
    const lines = readDataTables(COMMENDED.slice(2)).filter((l) => l !== "");
    expect(lines).toEqual([
      "1. Tên tập thể: Đảng bộ xã Phong Đông; Thành tích nổi bật: Kết nạp 14 đảng viên mới; Hình thức / mức thưởng: Giấy khen; 1.500.000 đồng.",
      "2. Tên tập thể: Đảng bộ xã Sơn Hà; Thành tích nổi bật: Tỷ lệ hộ nghèo giảm còn 2,1%; Hình thức / mức thưởng: Giấy khen; 1.500.000 đồng.",
    ]);
  });

  it("reads a grid table drawn with '+---+' borders (a text export) as records too, with or without borders between rows", () => {
    const grid = [
      "III. BẢNG TỔNG HỢP",
      "",
      "+----+------------------------------------------+----------+",
      "| TT | Nội dung                                 | Quý I/27 |",
      "+----+------------------------------------------+----------+",
      "| 1  | Tổ chức đảng được giám sát chuyên đề     | 46       |",
      "| 2  | Đảng viên bị thi hành kỷ luật            | 09       |",
      "+----+------------------------------------------+----------+",
      "IV. ĐÁNH GIÁ CHUNG",
    ];
    const records = ["1. Nội dung: Tổ chức đảng được giám sát chuyên đề; Quý I/27: 46.", "2. Nội dung: Đảng viên bị thi hành kỷ luật; Quý I/27: 09."];
    const lines = readDataTables(grid).filter((l) => l !== "");
    expect(lines).toEqual(["III. BẢNG TỔNG HỢP", ...records, "IV. ĐÁNH GIÁ CHUNG"]);
    // (A full grid, a border under every row and "=" under the header, reads the same.)
    const full = [grid[2], grid[3], grid[4]?.replace(/-/gu, "="), grid[5], grid[2], grid[6], grid[7]].map((l) => l ?? "");
    expect(readDataTables(full).filter((l) => l !== "")).toEqual(records);
  });

  it("reads a table written without outer pipes (cells lined up in a text file), with or without a rule, as records", () => {
    const bare = ["Kết quả một số chỉ tiêu:", "", "  TT | Chỉ tiêu                    | Kế hoạch năm | 6 tháng", "  1  | Thu ngân sách trên địa bàn  | 5,34 tỷ đồng | 3,12 tỷ đồng", "  2  | Giao quân                   | 14 người     | 14 người", ""];
    const records = ["1. Chỉ tiêu: Thu ngân sách trên địa bàn; Kế hoạch năm: 5,34 tỷ đồng; 6 tháng: 3,12 tỷ đồng.", "2. Chỉ tiêu: Giao quân; Kế hoạch năm: 14 người; 6 tháng: 14 người."];
    expect(readDataTables(bare).filter((l) => l !== "")).toEqual(["Kết quả một số chỉ tiêu:", ...records]);
    const ruled = [bare[2], "---|---|---|---", bare[3], bare[4]].map((l) => l ?? "");
    expect(readDataTables(ruled).filter((l) => l !== "")).toEqual(records);
    // (One line with separators is no table: "Trang chủ | Tin tức | Liên hệ".)
    expect(readDataTables(["Trang chủ | Tin tức | Liên hệ", "Văn bản mới"])).toEqual(["Trang chủ | Tin tức | Liên hệ", "Văn bản mới"]);
  });

  it("reads a table a hard-wrapped text file writes with tabs between cells as records, the tabbed header left to the layout", () => {
    const wrapped = "Trong 9 tháng đầu năm, Đảng ủy xã tập trung lãnh đạo các chi bộ thôn thực hiện nghiêm túc chế độ sinh hoạt định kỳ,";
    const text = [
      "ĐẢNG BỘ HUYỆN THẠCH LÂM\t\tĐẢNG CỘNG SẢN VIỆT NAM",
      "ĐẢNG ỦY XÃ HƯNG LỘC",
      "\t\tHưng Lộc, ngày 28 tháng 9 năm 2026",
      "",
      "BÁO CÁO",
      "Kết quả công tác xây dựng Đảng 9 tháng đầu năm 2026",
      "",
      "I. KẾT QUẢ",
      "",
      wrapped,
      "nâng cao chất lượng sinh hoạt chi bộ và công tác phát triển đảng viên ở các thôn trong toàn xã.",
      "",
      "II. MỘT SỐ CHỈ TIÊU THEO CHI BỘ",
      "",
      "TT\tChi bộ\tSố đảng viên\tĐảng viên dự bị\tĐảng phí đã thu (đồng)",
      "1\tChi bộ thôn Hưng Lộc 1\t64\t2\t15.840.000",
      "2\tChi bộ thôn Đồng Me\t72\t3\t18.460.000",
      "",
    ].join("\n");
    const { texts, header } = textFileBlocks(text, "bao-cao.txt");
    expect(texts).toContain("2. Chi bộ: Chi bộ thôn Đồng Me; Số đảng viên: 72; Đảng viên dự bị: 3; Đảng phí đã thu (đồng): 18.460.000.");
    expect(texts.some((t) => t.startsWith(wrapped) && t.endsWith("trong toàn xã."))).toBe(true);
    expect(header?.issuer).toBe("Đảng ủy xã Hưng Lộc");
  });

  it("reads a list appended after a signing block laid out with spaces, its columns lined up with spaces, as records", () => {
    const text = [
      "ĐẢNG BỘ TỈNH TRÀ LÂM                              ĐẢNG CỘNG SẢN VIỆT NAM",
      "ĐẢNG ỦY XÃ PHÚ AN THẠNH",
      "          *                               Phú An Thạnh, ngày 02 tháng 3 năm 2026",
      "Số 148-QĐ/ĐU",
      "",
      "QUYẾT ĐỊNH",
      "Về việc thành lập Chi bộ Công ty Thạnh Lợi",
      "",
      "Điều 1. Thành lập Chi bộ Công ty Thạnh Lợi gồm 03 đảng viên (có danh sách kèm theo).",
      "",
      "Nơi nhận:                                         T/M ĐẢNG ỦY",
      "- Ban Tổ chức Tỉnh ủy (để báo cáo),               PHÓ BÍ THƯ",
      "- Lưu Văn phòng Đảng ủy.                          (đã ký)",
      "                                                  Đặng Thị Thu Vân",
      "",
      "",
      "DANH SÁCH ĐẢNG VIÊN CHI BỘ CÔNG TY THẠNH LỢI",
      "(Kèm theo Quyết định số 148-QĐ/ĐU, ngày 02/3/2026 của Đảng ủy xã Phú An Thạnh)",
      "",
      "TT   Họ và tên               Năm sinh   Đảng viên    Chức vụ                    Chuyển từ",
      "1    Lê Văn Khải             1979       Chính thức   Phó Giám đốc Công ty        Chi bộ ấp Thạnh Lợi A",
      // (A cell starting a column or two off its header is still in that column.)
      "2    Châu Thị Kim Thoa       1998       Dự bị        Công nhân, Bí thư Chi đoàn  Chi bộ ấp Thạnh Lợi A",
      "3    Lâm Gia Huy             2000       Dự bị        Kỹ thuật viên              Chi bộ HTX Phú An",
      "",
      "Danh sách gồm 03 đồng chí./.",
    ].join("\n");
    const { texts, header } = textFileBlocks(text, "quyet-dinh.txt");
    expect(texts).toContain("2. Họ và tên: Châu Thị Kim Thoa; Năm sinh: 1998; Đảng viên: Dự bị; Chức vụ: Công nhân, Bí thư Chi đoàn; Chuyển từ: Chi bộ ấp Thạnh Lợi A.");
    expect(texts.some((t) => t.includes("Lâm Gia Huy"))).toBe(true);
    expect(header?.signer).toBe("Đặng Thị Thu Vân");
    // (Lines of a sentence with single spaces, or a markdown table's padded cells, are no such table.)
    const prose = ["Chi bộ có 3 đảng viên.", "Đồng chí A phụ trách.", "Đồng chí B phụ trách."];
    expect(textFileBlocks(prose.join("\n"), "x.txt").texts.join(" ")).not.toContain("|");
  });

  it("reads a site's label/value table as pairs, its first row included", () => {
    const table = ["| Số hiệu | 286-QĐ/HU | Loại văn bản | Quyết định |", "|---|---|---|---|", "| Người ký | Tạ Quang Hưng | Tình trạng | Còn hiệu lực |"];
    expect(readDataTables(table, new Set(["so hieu"])).filter((l) => l !== "")).toEqual(["Số hiệu: 286-QĐ/HU; Loại văn bản: Quyết định.", "Người ký: Tạ Quang Hưng; Tình trạng: Còn hiệu lực."]);
  });

  it("reads a table whose header names no columns as its title and name-value rows", () => {
    const table = ["| Hội Nông dân | |", "|---|---|", "| Viết tắt | HND |", "| Thành lập | 1930 |"];
    expect(readDataTables(table).filter((l) => l !== "")).toEqual(["Hội Nông dân", "Viết tắt: HND.", "Thành lập: 1930."]);
  });

  it("leaves rows without a header rule, and other lines, as they are", () => {
    const lines = ["Đoạn văn.", "| a | b |", "| c | d |"];
    expect(readDataTables(lines)).toEqual(lines);
  });

  it("makes each row a passage under the lead lines above it, the table's header row no heading", () => {
    const text = [
      ...BR_TABLE_HEADER,
      "**Về việc khen thưởng tổ chức đảng năm 2025**",
      "",
      "**Điều 1.** Tặng Giấy khen của Ban Thường vụ Huyện ủy cho 02 (hai) tập thể đã có thành tích xuất sắc năm 2025, cụ thể như sau:",
      "",
      ...COMMENDED,
      "",
      "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.",
    ].join("\n");
    const s = readStructure({ format: "md", pages: [text], encoding: "utf-8" }, "qd.md");
    expect(s.header?.subject).toBe("Về việc khen thưởng tổ chức đảng năm 2025");
    expect(s.blocks.some((b) => b.kind === "heading" && b.text.startsWith("STT"))).toBe(false);
    const passages = chunkDocument(s.blocks, { docId: "qd", title: s.title, headerText: s.headerText });
    const row = passages.find((p) => p.text.includes("Đảng bộ xã Sơn Hà"));
    expect(row?.text).toMatch(/^2\. Tên tập thể: Đảng bộ xã Sơn Hà;/u);
    // Both lead lines stand above the row: the article's (how many units) and the group's (how much each).
    expect(row?.context).toContain("cho 02 (hai) tập thể");
    expect(row?.context).toContain("mức thưởng 1.500.000 đồng/tổ chức");
    expect(passages.filter((p) => p.text.includes("Tên tập thể:"))).toHaveLength(2);
    // A lead line that states a figure of its own is quoted too.
    expect(passages.some((p) => p.text.startsWith("Tặng Giấy khen") && p.text.includes("02 (hai) tập thể"))).toBe(true);
  });
});
