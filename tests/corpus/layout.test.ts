import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/corpus/chunk.js";
import { readStructure } from "../../src/corpus/document.js";
import { readBarTables, readLayoutColumns } from "../../src/corpus/layout.js";
import { BR_TABLE_HEADER, TABBED_DECISION } from "../support/officialTexts.js";

const structureOf = (text: string) => readStructure({ format: "txt", pages: [text], encoding: "utf-8" }, "doc.txt");

describe("layout tables read as columns", () => {
  it("reads a Word header saved as text (cells between tabs) column by column", () => {
    const text = TABBED_DECISION;
    const { header } = structureOf(text);
    expect(header).toMatchObject({ kind: "Quyết định", number: "12-QĐ/UBKTHU", date: "18/03/2025", signer: "Phan Thị Minh Nguyệt" });
    // The department takes the name of the body right above it; the province is its superior.
    expect(header?.issuer).toBe("Ủy ban Kiểm tra Huyện ủy Sơn Quy");
    expect(header?.superior).toMatch(/^Đảng bộ tỉnh Hà Tĩnh$/iu);
    expect(header?.recipients).toEqual(["Như Điều 3", "Lưu UBKT"]);
  });

  it("ends a header laid out with spaces at a compound kind line (\"CHƯƠNG TRÌNH HÀNH ĐỘNG\")", () => {
    const text = [
      "      ĐẢNG BỘ TỈNH HOÀI NAM                        ĐẢNG CỘNG SẢN VIỆT NAM",
      "      THÀNH ỦY TRÀ GIANG                          ---------------",
      "               *",
      "         Số 21-CTr/ThU                      Trà Giang, ngày 18 tháng 3 năm 2025",
      "",
      "                          CHƯƠNG TRÌNH HÀNH ĐỘNG",
      "          của Ban Thường vụ Thành ủy về chuyển đổi số giai đoạn 2025 - 2030",
      "",
      "Thực hiện Nghị quyết số 09-NQ/TU, Ban Thường vụ Thành ủy xây dựng Chương trình hành động như sau:",
    ].join("\n");
    const { header } = structureOf(text);
    expect(header).toMatchObject({ kind: "Chương trình hành động", number: "21-CTr/ThU", date: "18/03/2025" });
  });

  it("reads a signing cell set in bold as a whole, its mark opened on the first line and closed on the last", () => {
    const text = [...BR_TABLE_HEADER, "Nội dung.", "", "| **Nơi nhận:**<br>- Lưu VP. | **T/M BAN THƯỜNG VỤ<br>BÍ THƯ<br><br>(đã ký)<br><br>Tạ Quang Hưng** |", "|---|---|"].join("\n");
    const { header } = structureOf(text);
    expect(header).toMatchObject({ signer: "Tạ Quang Hưng", signerRole: "T/M BAN THƯỜNG VỤ, BÍ THƯ" });
  });

  it("reads a site's markdown header and signing block written as two-cell rows with <br> breaks", () => {
    const text = [
      ...BR_TABLE_HEADER,
      "**VỀ PHÁT TRIỂN KINH TẾ NÔNG NGHIỆP**",
      "",
      "Đảng bộ xã phấn đấu đến năm 2030 có 1.200 ha cây trồng ứng dụng công nghệ cao.",
      "",
      "| **Nơi nhận:**<br>- Ban Thường vụ Tỉnh ủy,<br>- Lưu Văn phòng Đảng ủy. | **T/M BAN THƯỜNG VỤ**<br>**BÍ THƯ**<br>(đã ký)<br>**Nguyễn Đình Khải** |",
    ].join("\n");
    const { header, blocks } = structureOf(text);
    expect(header).toMatchObject({ kind: "Nghị quyết", number: "01-NQ/ĐU", date: "26/07/2025", signer: "Nguyễn Đình Khải", issuer: "Đảng bộ xã Phú Lộc Sơn" });
    const body = blocks.map((b) => b.text).join("\n");
    expect(body).not.toContain("<br>");
    expect(body).not.toContain("Nguyễn Đình Khải");
  });

  it("leaves data tables and ordinary text alone, a <br> inside a data cell becoming a space", () => {
    const rows = ["| STT | Chỉ tiêu | Năm 2025<br>(ước) |", "|---|---|---|", "| 1 | Tăng trưởng | 7,2% |", "Một dòng văn bản\tcó tab ở giữa."];
    expect(readLayoutColumns(rows, true)).toEqual(["| STT | Chỉ tiêu | Năm 2025 (ước) |", "|---|---|---|", "| 1 | Tăng trưởng | 7,2% |", "Một dòng văn bản\tcó tab ở giữa."]);
    // A two-cell data row without line breaks or a header's cell stays a row.
    expect(readLayoutColumns(["| Họ tên | Chức vụ |"], true)).toEqual(["| Họ tên | Chức vụ |"]);
  });

  it("finds no header in an encyclopaedia article's info table or its sentences", () => {
    const article = [
      "# Đảng ủy Công an Trung ương",
      "| Bí thư | Lương Tam Quang |",
      "|---|---|",
      "| Địa chỉ | Số 47 Phạm Văn Đồng, Mai Dịch, Cầu Giấy, Hà Nội |",
      "",
      "Sau khi Liên Xô tan rã, ngày 16 tháng 12 năm 1991 các nước cộng hòa tuyên bố độc lập.",
      "",
      "Đảng ủy Công an Trung ương do Bộ Chính trị chỉ định, gồm một số Ủy viên Ban Chấp hành Trung ương công tác trong Công an nhân dân.",
    ].join("\n");
    expect(structureOf(article).header).toBeNull();
  });

  it("reads a header whose two cells a Word file saved with runs of spaces, and a subject that starts \"về việc\"", () => {
    const text = [
      "ĐẢNG BỘ HUYỆN VĨNH LẠC                    ĐẢNG CỘNG SẢN VIỆT NAM",
      "ĐẢNG ỦY XÃ HƯNG THẠCH",
      "        *",
      "Số 58-QĐ/ĐU                               Hưng Thạch, ngày 09 tháng 9 năm 2024",
      "",
      "QUYẾT ĐỊNH",
      "về việc thành lập Chi bộ Trường Mầm non Hưng Thạch",
      "",
      "Điều 1. Thành lập Chi bộ Trường Mầm non Hưng Thạch trực thuộc Đảng bộ xã Hưng Thạch, gồm 09 đảng viên chuyển từ các chi bộ trong xã theo danh sách kèm theo Quyết định này.",
      "",
      "Điều 2. Quyết định có hiệu lực kể từ ngày 15/9/2024. Văn phòng Đảng ủy, các chi bộ có liên quan và các đồng chí có tên tại Điều 1 thi hành Quyết định này.",
      "",
      "T/M ĐẢNG ỦY",
      "BÍ THƯ",
      "Đinh Văn Trọng",
    ].join("\n");
    const { header } = structureOf(text);
    expect(header).toMatchObject({ number: "58-QĐ/ĐU", date: "09/09/2024", issuer: "Đảng ủy xã Hưng Thạch", subject: "về việc thành lập Chi bộ Trường Mầm non Hưng Thạch", signer: "Đinh Văn Trọng" });
  });

  it("reads a header and signing block copied out of a PDF, centred lines set by spaces, by where each line starts", () => {
    const text = [
      "      ĐẢNG BỘ TỈNH BÌNH LÂM                        ĐẢNG CỘNG SẢN VIỆT NAM",
      "       HUYỆN ỦY KIM LÃNG                       ---------------",
      "               *",
      "         Số 12-CT/HU                      Kim Lãng, ngày 08 tháng 7 năm 2025",
      "",
      "                                   CHỈ THỊ",
      "             của Ban Thường vụ Huyện ủy về tăng cường quản lý",
      "                     đảng viên đi làm ăn xa nơi cư trú",
      "                                   -----",
      "",
      "    Thời gian qua, cấp ủy, tổ chức đảng các cấp trong Đảng bộ huyện đã quan tâm",
      "lãnh đạo, chỉ đạo công tác quản lý đảng viên đi làm ăn xa; nhiều chi bộ đã",
      "chủ động nắm tình hình và giới thiệu đảng viên sinh hoạt tạm thời.",
      "    Chỉ thị này được phổ biến đến chi bộ và có hiệu lực kể từ ngày ký.",
      "",
      "                                                  T/M BAN THƯỜNG VỤ",
      " Nơi nhận:                                            PHÓ BÍ THƯ",
      " - Ban Tổ chức Tỉnh ủy (để báo cáo),",
      " - Thường trực Huyện ủy,                                (đã ký)",
      " - Lưu Văn phòng Huyện ủy.",
      "                                                   Hà Minh Thuận",
    ].join("\n");
    const { header, headerText } = structureOf(text);
    expect(header).toMatchObject({ number: "12-CT/HU", date: "08/07/2025", signer: "Hà Minh Thuận", signerRole: "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ" });
    expect(header?.issuer).toMatch(/^Huyện ủy Kim Lãng$/iu);
    expect(header?.subject).toBe("của Ban Thường vụ Huyện ủy về tăng cường quản lý đảng viên đi làm ăn xa nơi cư trú");
    expect(header?.recipients).toEqual(["Ban Tổ chức Tỉnh ủy (để báo cáo)", "Thường trực Huyện ủy", "Lưu Văn phòng Huyện ủy"]);
    // Signed for the committee's standing committee: that is the body that issues it.
    expect(headerText).toMatch(/^Cơ quan ban hành: Ban Thường vụ Huyện ủy Kim Lãng \(Đảng bộ Tỉnh Bình Lâm\)$/imu);
  });

  it("names a party cell by the unit it is in, under its commune's party organisation, and ends the subject at the first section", () => {
    const text = [
      "| ĐẢNG BỘ XÃ LỘC VÂN<br>**CHI BỘ TRƯỜNG THCS LỘC VÂN**<br>\\*<br>Số 09-BB/CB | **ĐẢNG CỘNG SẢN VIỆT NAM**<br>---------------<br>*Lộc Vân, ngày 26 tháng 9 năm 2025* |",
      "|---|---|",
      "",
      "# BIÊN BẢN",
      "",
      "## HỌP CHI BỘ ĐỊNH KỲ THÁNG 9 NĂM 2025",
      "",
      "## I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
      "",
      "1. Thời gian: Bắt đầu lúc 14 giờ 00 phút, ngày 26 tháng 9 năm 2025.",
      "",
      "2. Địa điểm: Phòng họp Hội đồng sư phạm, Trường THCS Lộc Vân.",
    ].join("\n");
    const { header, blocks } = readStructure({ format: "md", pages: [text], encoding: "utf-8" }, "bb.md");
    expect(header).toMatchObject({ kind: "Biên bản", number: "09-BB/CB", });
    expect(header?.subject).toMatch(/^Họp chi bộ định kỳ tháng 9 năm 2025$/iu);
    expect(header?.issuer).toMatch(/^Chi bộ Trường THCS Lộc Vân$/iu);
    expect(header?.superior).toMatch(/^Đảng bộ xã Lộc Vân$/iu);
    expect(blocks[0]).toMatchObject({ kind: "heading", text: "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN" });
  });
});


describe("a data table laid out a cell a line, as a legal site's copy has it", () => {
  const table = ["c) Chỉ tiêu cụ thể theo từng năm như sau:", "|", "**Năm**", "|", "**Số đảng viên mới", "kết nạp**", "|", "**Tỷ lệ thôn, bản", "có chi bộ độc lập**", "|", "|", "2026", "|", "Ít nhất 360 đảng viên", "|", "Đạt 88%", "|", "|", "2027", "|", "Ít nhất 390 đảng viên", "|", "Đạt 92%", "|", "**III. NHIỆM VỤ, GIẢI PHÁP**"];

  it("is written as markdown rows, the text around it kept", () => {
    expect(readBarTables(table)).toEqual([
      "c) Chỉ tiêu cụ thể theo từng năm như sau:",
      "",
      "| Năm | Số đảng viên mới kết nạp | Tỷ lệ thôn, bản có chi bộ độc lập |",
      "|---|---|---|",
      "| 2026 | Ít nhất 360 đảng viên | Đạt 88% |",
      "| 2027 | Ít nhất 390 đảng viên | Đạt 92% |",
      "",
      "**III. NHIỆM VỤ, GIẢI PHÁP**",
    ]);
  });

  it("is read as one record a row", () => {
    const { blocks } = readStructure({ format: "md", pages: [table.join("\n")], encoding: "utf-8" }, "kh.md");
    expect(blocks.map((b) => b.text)).toContain("Năm: 2027; Số đảng viên mới kết nạp: Ít nhất 390 đảng viên; Tỷ lệ thôn, bản có chi bộ độc lập: Đạt 92%.");
  });

  it("keeps its rows apart in a hard-wrapped copy, each with the lead line above the table as its context", () => {
    const wrapped = ["Các cấp ủy tổ chức quán triệt Kế hoạch này đến chi bộ, hoàn thành trước ngày", "31/01/2026 và báo cáo kết quả về Ban Thường vụ Tỉnh ủy theo quy định hiện hành", "của Đảng.", "", ...table];
    const { blocks } = readStructure({ format: "md", pages: [wrapped.join("\n")], encoding: "utf-8" }, "kh.md");
    const rows = blocks.filter((b) => b.text.startsWith("Năm: "));
    expect(rows.map((b) => b.text.slice(0, 10))).toEqual(["Năm: 2026;", "Năm: 2027;"]);
    const passages = chunkDocument(blocks, { docId: "kh", title: "Kế hoạch" });
    expect(passages.find((p) => p.text.startsWith("Năm: 2027"))?.context).toContain("Chỉ tiêu cụ thể theo từng năm như sau");
  });

  it("ends with its last full row when a shorter row of text follows (a note under an attached list)", () => {
    const list = ["(Kèm theo Quyết định số 1147-QĐ/HU)", "|", "**STT**", "|", "**Họ và tên**", "|", "**Nhiệm vụ**", "|", "|", "1", "|", "Đồng chí Vi Thị Hạnh", "|", "Trưởng ban", "|", "|", "2", "|", "Đồng chí Nông Văn Khải", "|", "Phó Trưởng ban Thường trực", "|", "|", "*Danh sách gồm 2 đồng chí.*", "|", "Quyết định 1147-QĐ/HU năm 2024 thành lập Ban Chỉ đạo do Huyện ủy ban hành"];
    const out = readBarTables(list);
    expect(out).toContain("| 2 | Đồng chí Nông Văn Khải | Phó Trưởng ban Thường trực |");
    expect(out).toContain("*Danh sách gồm 2 đồng chí.*");
  });

  it("leaves a header's two columns and a site's label/value fields alone", () => {
    const header = ["|", "**BAN CHẤP HÀNH", "TRUNG ƯƠNG**", "*", "|", "**ĐẢNG CỘNG SẢN", "VIỆT NAM**", "|", "|", "Số 383-QĐ/TW", "|", "*Hà Nội, ngày 19", "tháng 11 năm 2025 *", "|"];
    expect(readBarTables(header)).toEqual(header);
    const fields = ["|", "**Số hiệu:**", "|", "118-KH/TU", "|", "**Loại văn bản:**", "|", "Kế hoạch", "|", "|", "**Nơi ban hành:**", "|", "Tỉnh Đông Lâm", "|", "**Người ký:**", "|", "Nông Đức Khiêm", "|", "|", "**Ngày ban hành:**", "|", "24/11/2025", "|", "**Tình trạng:**", "|", "Đã biết", "|"];
    expect(readBarTables(fields)).toEqual(fields);
  });
});
