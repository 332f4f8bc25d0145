import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/corpus/chunk.js";
import { formatLocation } from "../../src/corpus/location.js";
import { readStructure } from "../../src/corpus/document.js";
import { pickTitle, toBlocks } from "../../src/corpus/structure.js";
import { dropPageNumbers, unwrapLines } from "../../src/corpus/unwrap.js";
import { SHIPPED_DOCUMENT } from "../support/shippedCorpus.js";

const SEED = readFileSync(SHIPPED_DOCUMENT, "utf8");

function chunk(text: string, format: "txt" | "md" | "html" = "txt") {
  const blocks = toBlocks({ format, pages: [text], encoding: "utf-8" });
  const title = pickTitle(blocks, "file.txt");
  const all = chunkDocument(blocks, { docId: "doc", title });
  // Most cases look at the body: the title passage (paragraph 0) is checked on its own below.
  return { title, blocks, passages: all, body: all.filter((p) => p.paragraph > 0) };
}

/** Blocks as `toBlocks` makes them, for the chunker's own tests. */
const heading = (text: string) => ({ kind: "heading" as const, text, page: null });
const paragraph = (text: string) => ({ kind: "paragraph" as const, text, page: null });

describe("cleaning and structure", () => {
  it("drops the web boilerplate at the end of the shipped article", () => {
    const { passages } = chunk(SEED);
    const all = passages.map((p) => p.text).join("\n");
    for (const junk of ["Phản hồi", "Các tin khác", "Mới nhất", "Xem nhiều nhất"]) expect(all).not.toContain(junk);
  });

  it("joins a list marker a hard wrap left alone on its line to the item the next line holds", () => {
    const text = ["Điều 1. Phạm vi điều chỉnh", "", "2. Đảng bộ xã có 41 chi bộ trực thuộc với 1.186 đảng viên.", "3.", "Đảng ủy khóa I gồm 27 đồng chí; Ban Thường vụ Đảng ủy gồm 9 đồng chí.", "a)", "Bí thư chủ trì."].join("\n");
    const { body } = chunk(text);
    expect(body.map((p) => p.text)).not.toContain("3.");
    expect(body.some((p) => p.text.startsWith("3. Đảng ủy khóa I gồm 27 đồng chí"))).toBe(true);
    expect(body.some((p) => p.text.includes("a) Bí thư chủ trì."))).toBe(true);
  });

  it("drops a news site's masthead, navigation trail and publication line, so the headline is the title", () => {
    const page = [
      "BÁO BẮC TRÀNG ĐIỆN TỬ - CƠ QUAN CỦA ĐẢNG BỘ, CHÍNH QUYỀN VÀ NHÂN DÂN TỈNH BẮC TRÀNG",
      "Trang chủ > Chính trị > Xây dựng Đảng",
      "Thứ Năm, 14/05/2026 - 16:42",
      "Yên Lũng: Sau 5 năm, không còn thôn, bản trắng đảng viên",
      "Sáng 14/5, Huyện ủy Yên Lũng tổ chức hội nghị tổng kết 5 năm thực hiện Chỉ thị số 41-CT/TW.",
    ].join("\n");
    const { title, passages } = chunk(page);
    expect(title).toBe("Yên Lũng: Sau 5 năm, không còn thôn, bản trắng đảng viên");
    const all = passages.map((p) => p.text).join("\n");
    for (const junk of ["BÁO BẮC TRÀNG", "Trang chủ", "16:42"]) expect(all).not.toContain(junk);
    // (A report's own upper-case lines stay: "BÁO CÁO" is no newspaper.)
    expect(chunk("BÁO CÁO\nKết quả công tác năm 2025\n\nNăm 2025, Đảng bộ kết nạp 31 đảng viên.").title).toContain("BÁO CÁO");
  });

  it("ends a legal site's page at its footer, its own title line for the document included", () => {
    const page = ["Danh sách gồm 17 đồng chí.", "", "Quyết định 1147-QĐ/HU năm 2024 thành lập Ban Chỉ đạo do Huyện ủy Phước Lan ban hành", "Văn bản này chưa cập nhật nội dung Tiếng Anh", "## Văn bản liên quan", "Ban hành:", "28/02/2024"].join("\n");
    const all = chunk(page, "md").passages.map((p) => p.text).join("\n");
    expect(all).toContain("Danh sách gồm 17 đồng chí.");
    for (const junk of ["năm 2024 thành lập", "chưa cập nhật", "28/02/2024"]) expect(all).not.toContain(junk);
  });

  it("uses the first line as the title and never quotes the photo caption", () => {
    const { title, passages } = chunk(SEED);
    expect(title).toBe("Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk");
    expect(passages.some((p) => p.text.includes("bỏ phiếu tín nhiệm"))).toBe(false);
  });

  it("keeps one passage per paragraph with its section heading, and the title as a passage of its own", () => {
    const { passages } = chunk(SEED);
    expect(passages).toHaveLength(15);
    expect(passages[0]?.text).toBe("Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk");
    expect(passages[0] && formatLocation(passages[0])).toBe("Tiêu đề");
    const fourth = passages.find((p) => p.text.startsWith("Bốn là"));
    expect(fourth?.section).toBe("Kinh nghiệm");
    expect(fourth && formatLocation(fourth)).toBe("Mục “Kinh nghiệm”, đoạn 4");
  });

  it("reads markdown articles and clauses, dropping table debris", () => {
    const md = ["SOURCE: somewhere", "|", "**ĐIỀU LỆ**", "**ĐẢNG CỘNG SẢN VIỆT NAM**", "* |", "*Chương V*", "**TỔ CHỨC CƠ SỞ ĐẢNG **", "**Điều 21.**", "1. Tổ chức cơ sở đảng là nền tảng.", "2. Ở xã có từ ba đảng viên chính thức trở lên, lập tổ chức cơ sở đảng.", "|"].join("\n");
    const { title, body: passages } = chunk(md, "md");
    expect(title).toBe("ĐIỀU LỆ ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(passages.map((p) => p.text)).toEqual(["1. Tổ chức cơ sở đảng là nền tảng.", "2. Ở xã có từ ba đảng viên chính thức trở lên, lập tổ chức cơ sở đảng."]);
    expect(formatLocation(passages[1]!)).toBe("Chương V › Điều 21, khoản 2");
    expect(passages[1]!.context).toContain("TỔ CHỨC CƠ SỞ ĐẢNG");
  });

  it("keeps a lead line together with its dash items", () => {
    const md = ["**Điều 4.**", "1. Người vào Đảng phải :", "- Có đơn tự nguyện xin vào Đảng;", "- Được hai đảng viên chính thức giới thiệu."].join("\n");
    const { body: passages } = chunk(md, "md");
    expect(passages).toHaveLength(1);
    expect(passages[0]!.text).toContain("Có đơn tự nguyện");
    expect(passages[0]!.text).toContain("hai đảng viên chính thức");
  });

  it("joins lines wrapped mid-sentence back into one paragraph", () => {
    const text = "Tiêu đề\n\nĐây là một đoạn văn rất dài được ngắt dòng giữa câu bởi trình xuất PDF khi trang hẹp\nvà tiếp tục ở dòng sau cho đến hết câu.";
    const { body: passages } = chunk(text);
    expect(passages).toHaveLength(1);
    expect(passages[0]!.text).toContain("trang hẹp và tiếp tục");
  });

  it("drops the page numbers a text copied from print carries, and reads on across the page break", () => {
    const lines = [
      "1. Nhiệm vụ",
      "Chi bộ đưa nội dung này vào sinh hoạt định kỳ ít nhất 01 lần mỗi quý. Đảng",
      "",
      "                                     2",
      "",
      "viên trước khi đi làm ăn xa phải báo cáo bằng văn bản với chi bộ về lý do,",
      "thời gian và nơi đến làm việc.",
      "2. Tổ chức thực hiện",
      "Các chi bộ rà soát danh sách, báo cáo Đảng ủy xã trước ngày 30/9/2025 để",
      "",
      "- 3 -",
      "",
      "tổng hợp chung.",
    ];
    const { blocks } = readStructure({ format: "txt", pages: [lines.join("\n")], encoding: "utf-8" }, "ct.txt");
    const texts = blocks.map((b) => b.text);
    expect(texts.some((t) => t.endsWith("ít nhất 01 lần mỗi quý. Đảng viên trước khi đi làm ăn xa phải báo cáo bằng văn bản với chi bộ về lý do, thời gian và nơi đến làm việc."))).toBe(true);
    expect(texts.some((t) => t.endsWith("trước ngày 30/9/2025 để tổng hợp chung."))).toBe(true);
    expect(texts.filter((t) => /^[-\s]*\d+[-\s]*$/u.test(t))).toEqual([]);
    // A sentence the page cut reads on when its next word is a name's ("… xã Vạn Hòa" / "2" / "Đông, là …").
    const cutName = readStructure({ format: "txt", pages: [["1. Kết luận", "Đồng chí Lê Văn Quyết, Chủ tịch Ủy ban nhân dân xã Vạn Hòa", "", "2", "", "Đông, là đại diện chủ đầu tư, đã ký biên bản nghiệm thu sai khối lượng.", "Đồng chí Đào Thị Hạnh, công chức xã, đã lập hồ sơ thanh toán khi", "chưa đủ chứng từ."].join("\n")], encoding: "utf-8" }, "bb.txt");
    expect(cutName.blocks.some((b) => b.text.endsWith("Chủ tịch Ủy ban nhân dân xã Vạn Hòa Đông, là đại diện chủ đầu tư, đã ký biên bản nghiệm thu sai khối lượng."))).toBe(true);
    // A number that is a count in a list, or numbers that do not rise, are no page numbers.
    expect(dropPageNumbers(["Số đảng viên:", "", "12", "", "Số chi bộ:", "", "7", ""])).toContain("7");
  });

  it("keeps a signing block's role, the placeholder of the signature and the name on lines of their own", () => {
    expect(unwrapLines(["Chi bộ thực hiện nghiêm túc các nội dung trên và báo cáo kết quả về", "Đảng ủy xã.", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "(đã ký)", "Hà Minh Thuận"], true)).toEqual([
      "Chi bộ thực hiện nghiêm túc các nội dung trên và báo cáo kết quả về Đảng ủy xã.",
      "T/M BAN THƯỜNG VỤ",
      "PHÓ BÍ THƯ",
      "(đã ký)",
      "Hà Minh Thuận",
    ]);
  });

  it("splits an over-long paragraph at sentence boundaries", () => {
    const sentence = "Chi bộ họp thường lệ mỗi tháng một lần để bàn công việc của đơn vị và đảng viên. ";
    const { body: passages } = chunk(`Tiêu đề\n\n${sentence.repeat(40)}`);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(1200);
      expect(p.text.endsWith(".")).toBe(true);
    }
  });
});

describe("official documents as legal-document websites publish them", () => {
  const OFFICIAL = [
    "|", "BAN CHẤP HÀNH", "TRUNG ƯƠNG", "**BAN TỔ CHỨC**", "*****", "|", "**ĐẢNG CỘNG SẢN", "VIỆT NAM**", "---------------", "|", "|",
    "Số 12-HD/BTCTW", "|", "*Hà Nội, ngày 03 tháng 02 năm 2024*", "|", "", "", "**HƯỚNG DẪN**", "", "VỀ CÔNG TÁC QUẢN LÝ", "HỒ SƠ ĐẢNG VIÊN", "",
    "**I. Về", "hồ sơ đảng viên**", "", "1.1. Hồ sơ đảng viên do chi ủy quản lý và phải được", "bảo quản trong tủ có khóa, theo quy định của Ban Tổ chức Trung ương", "về công tác quản lý hồ sơ đảng viên.", "",
    "Thực hiện quy định số", "12 của Ban Tổ chức Trung ương về hồ sơ đảng viên, các cấp ủy", "rà soát trong thời hạn 30 ngày làm việc.", "",
    "|", "__Nơi nhận: __", "- Các tỉnh ủy, thành ủy,", "- Lưu VP.", "|", "**K/T TRƯỞNG", "BAN**", "PHÓ TRƯỞNG BAN", "**Nguyễn Văn Ba**", "|", "",
    "Cảm ơn đã dùng trang web của chúng tôi", "- Bạn vừa bị Đăng xuất khỏi Tài khoản .",
  ].join("\n");

  it("reads number, date, issuer, kind, subject and signer from the header table into metadata", () => {
    const s = readStructure({ format: "md", pages: [OFFICIAL], encoding: "utf-8" }, "hd12.md");
    expect(s.header).toMatchObject({ kind: "Hướng dẫn", number: "12-HD/BTCTW", date: "03/02/2024", place: "Hà Nội", signer: "Nguyễn Văn Ba" });
    expect(s.header?.issuer).toContain("Ban Tổ chức");
    expect(s.header?.subject?.toLowerCase()).toBe("về công tác quản lý hồ sơ đảng viên");
    expect(s.header?.recipients).toEqual(["Các tỉnh ủy, thành ủy", "Lưu VP"]);
    expect(s.title).toMatch(/^Hướng dẫn số 12-HD\/BTCTW ngày 03\/02\/2024 của Ban Tổ chức Trung ương: Về công tác quản lý hồ sơ đảng viên/iu);
  });

  it("joins hard-wrapped lines, keeps the header out of the body and drops the site's text after the signature", () => {
    const s = readStructure({ format: "md", pages: [OFFICIAL], encoding: "utf-8" }, "hd12.md");
    const passages = chunkDocument(s.blocks, { docId: "hd12", title: s.title, headerText: s.headerText });
    const texts = passages.map((p) => p.text);
    expect(texts).toContain("Thực hiện quy định số 12 của Ban Tổ chức Trung ương về hồ sơ đảng viên, các cấp ủy rà soát trong thời hạn 30 ngày làm việc.");
    expect(texts.some((t) => t.startsWith("1.1. Hồ sơ đảng viên do chi ủy quản lý và phải được bảo quản trong tủ có khóa"))).toBe(true);
    expect(texts.join("\n")).not.toMatch(/Đăng xuất|Cảm ơn đã dùng|Nơi nhận: -|^Số 12/mu);
    const body = passages.find((p) => p.text.startsWith("1.1."));
    expect(body?.section).toBe("I. Về hồ sơ đảng viên");
    const header = passages[0];
    expect(header && formatLocation(header)).toBe("Thông tin văn bản");
    expect(header?.text).toContain("Người ký: Nguyễn Văn Ba");
    expect(header?.text).toContain("Ngày ban hành: Hà Nội, ngày 03 tháng 02 năm 2024");
  });

  it("keeps an item together across a clause end when the next line goes on in lower case", () => {
    const wrapped = [
      "4. Thẩm quyền quyết định hủy tài liệu hết giá trị tại",
      "lưu trữ lịch sử của Trung ương do Chánh Văn phòng quyết định;",
      "tại lưu trữ lịch sử ở cấp tỉnh do thường trực tỉnh ủy quyết định.",
      "5. Khi hủy tài liệu lưu trữ phải hủy toàn bộ tài liệu gồm:",
      "a) bản gốc;",
      "b) bản sao.",
    ];
    expect(unwrapLines(wrapped, true)).toEqual([
      "4. Thẩm quyền quyết định hủy tài liệu hết giá trị tại lưu trữ lịch sử của Trung ương do Chánh Văn phòng quyết định; tại lưu trữ lịch sử ở cấp tỉnh do thường trực tỉnh ủy quyết định.",
      "5. Khi hủy tài liệu lưu trữ phải hủy toàn bộ tài liệu gồm:",
      "a) bản gốc;",
      "b) bản sao.",
    ]);
  });

  it("keeps a section numbered in Roman numerals as the context of the numbered headings under it", () => {
    const { body } = chunk(
      ["# Kế hoạch thi đua", "", "**I. MỤC ĐÍCH, YÊU CẦU**", "", "**1. Mục đích**", "", "Động viên các cấp thi đua thực hiện thành công cuộc bầu cử.", "", "**II. NỘI DUNG THI ĐUA**", "", "**1. Đối tượng**", "", "Các cơ quan, đơn vị trên địa bàn tỉnh."].join("\n"),
      "md",
    );
    expect(body.map((p) => p.context)).toEqual(["I. MỤC ĐÍCH, YÊU CẦU. 1. Mục đích", "II. NỘI DUNG THI ĐUA. 1. Đối tượng"]);
  });

  it("cites the footnotes printed after the text under \"Chú thích\", not under the last heading", () => {
    const { body } = chunk(["# Kế hoạch", "", "**III. TỔ CHỨC THỰC HIỆN**", "", "**1. Sở Y tế**", "", "Chủ trì thực hiện Chương trình số 30[1].", "", "[1] Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy."].join("\n"), "md");
    expect(body.map((p) => p.context)).toEqual(["III. TỔ CHỨC THỰC HIỆN. 1. Sở Y tế", "Chú thích"]);
  });

  it("joins a sentence across a blank line the copy put inside it, and nowhere else", () => {
    const wrapped = [
      "Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 1849/QĐ-UBND của Ủy ban nhân",
      "dân thành",
      "",
      "phố Cần Thơ về việc ban hành Quy chế tiêu chí.",
      "",
      "1. Mục đích, yêu cầu của việc đánh giá hằng năm",
      "",
      "a) đánh giá đúng thực chất.",
    ];
    expect(unwrapLines(wrapped, true)).toEqual([
      "Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 1849/QĐ-UBND của Ủy ban nhân dân thành phố Cần Thơ về việc ban hành Quy chế tiêu chí.",
      "",
      "1. Mục đích, yêu cầu của việc đánh giá hằng năm",
      "",
      "a) đánh giá đúng thực chất.",
    ]);
  });

  it("quotes a lead line together with the one paragraph it introduces, and no further", () => {
    const blocks = [
      heading("3. Hình thức khen thưởng"),
      paragraph("Các hình thức khen thưởng bao gồm:"),
      paragraph("Huân chương Lao động; Bằng khen của Thủ tướng Chính phủ; Giấy khen."),
      paragraph("Việc xét khen thưởng thực hiện theo quy định của pháp luật."),
    ];
    const passages = chunkDocument(blocks, { docId: "kh", title: "Kế hoạch thi đua" });
    expect(passages.map((p) => p.text)).toEqual([
      "Các hình thức khen thưởng bao gồm: Huân chương Lao động; Bằng khen của Thủ tướng Chính phủ; Giấy khen.",
      "Việc xét khen thưởng thực hiện theo quy định của pháp luật.",
    ]);
    expect(passages[1]?.context).toBe("3. Hình thức khen thưởng");
  });

  it("quotes a short numbered line ending in a period together with the bullets under it, and no further", () => {
    const blocks = [
      heading("6. Về hệ số, số lượng chức danh quy hoạch"),
      paragraph("6.1. Hệ số quy hoạch cấp ủy, ban thường vụ cấp ủy, ủy ban kiểm tra các cấp."),
      paragraph("- Hệ số quy hoạch từ 1,0 - 1,5 lần so với số lượng cấp ủy theo quy định."),
      paragraph("- Một cán bộ quy hoạch không quá 03 chức danh."),
      paragraph("6.2. Cán bộ quy hoạch phải bảo đảm tiêu chuẩn chức danh theo quy định."),
    ];
    const passages = chunkDocument(blocks, { docId: "hd", title: "Hướng dẫn" });
    expect(passages.map((p) => p.text)).toEqual([
      "6.1. Hệ số quy hoạch cấp ủy, ban thường vụ cấp ủy, ủy ban kiểm tra các cấp.\n- Hệ số quy hoạch từ 1,0 - 1,5 lần so với số lượng cấp ủy theo quy định.\n- Một cán bộ quy hoạch không quá 03 chức danh.",
      "6.2. Cán bộ quy hoạch phải bảo đảm tiêu chuẩn chức danh theo quy định.",
    ]);
    expect(passages[1]?.context).toBe("6. Về hệ số, số lượng chức danh quy hoạch");
  });

  it("reads a bare document kind and the subject line under it as the title, in whatever case", () => {
    const { title } = chunk(["**KẾ HOẠCH**", "", "Thực hiện công tác dân số năm 2026 của tỉnh Gia Lai", "", "**I. MỤC TIÊU**", "", "1. Tỷ lệ người từ 65 tuổi trở lên đạt khoảng 12% dân số."].join("\n"), "md");
    expect(title).toBe("KẾ HOẠCH Thực hiện công tác dân số năm 2026 của tỉnh Gia Lai");
  });

  it("keeps two lead lines in a row together with the items they lead", () => {
    const blocks = [
      paragraph("5. Các trường hợp hạ bậc xếp loại:"),
      paragraph("Nếu chủ tịch Ủy ban nhân dân xã bị xử lý kỷ luật thì xếp loại như sau:"),
      paragraph("a) Bị khiển trách thì xếp loại cao nhất là hoàn thành tốt."),
      paragraph("b) Bị cảnh cáo thì xếp loại cao nhất là hoàn thành."),
    ];
    const passages = chunkDocument(blocks, { docId: "qd", title: "Quy định" });
    expect(passages).toHaveLength(1);
    expect(passages[0]?.text).toContain("Ủy ban nhân dân xã");
    expect(passages[0]?.text).toContain("a) Bị khiển trách thì xếp loại cao nhất là hoàn thành tốt.");
  });

  it("ends a lead's bullets at the next lettered item, which leads its own", () => {
    const blocks = [
      paragraph("c) Đối với doanh nghiệp:"),
      paragraph("- Sản xuất kinh doanh có hiệu quả."),
      paragraph("d) Đối với cá nhân"),
      paragraph("- Gương mẫu chấp hành với phương châm \"đổi mới tư duy\"."),
    ];
    const passages = chunkDocument(blocks, { docId: "kh", title: "Kế hoạch" });
    expect(passages.map((p) => p.text)).toEqual([
      "c) Đối với doanh nghiệp:\n- Sản xuất kinh doanh có hiệu quả.",
      "d) Đối với cá nhân\n- Gương mẫu chấp hành với phương châm \"đổi mới tư duy\".",
    ]);
  });

  it("keeps the numbered headings above a heading in its passages' context (\"3.\" › \"3.2.\" › \"a)\")", () => {
    const passages = chunkDocument(
      [heading("III. TIÊU CHUẨN KHEN THƯỞNG"), heading("3. Tiêu chuẩn khen thưởng"), heading("3.1. Bằng khen của Thủ tướng Chính phủ"), paragraph("Thực hiện theo hướng dẫn của Bộ Nội vụ."), heading("3.2. Bằng khen của Chủ tịch UBND tỉnh"), heading("a) Đối với tập thể"), paragraph("Có tỷ lệ cử tri đi bầu đạt từ 98% trở lên."), heading("Tổ chức thực hiện"), paragraph("Sở Nội vụ hướng dẫn.")],
      { docId: "kh", title: "Kế hoạch" },
    );
    expect(passages.map((p) => p.context)).toEqual([
      "III. TIÊU CHUẨN KHEN THƯỞNG. 3. Tiêu chuẩn khen thưởng. 3.1. Bằng khen của Thủ tướng Chính phủ",
      "III. TIÊU CHUẨN KHEN THƯỞNG. 3. Tiêu chuẩn khen thưởng. 3.2. Bằng khen của Chủ tịch UBND tỉnh. a) Đối với tập thể",
      "III. TIÊU CHUẨN KHEN THƯỞNG. Tổ chức thực hiện",
    ]);
  });

  it("reads a numbered line over lettered items as their section heading, not as a passage of the section before", () => {
    const text = ["BÁO CÁO KẾT QUẢ NĂM 2025", "", "Đảng ủy xã báo cáo như sau:", "", "I. KẾT QUẢ", "", "1. Công tác chính trị, tư tưởng", "", "Tỷ lệ đảng viên tham gia học tập đạt 96,8%.", "", "2. Công tác tổ chức, cán bộ và đảng viên", "", "a) Về tổ chức đảng: kiện toàn chi ủy ở 14 chi bộ.", "", "b) Về đảng viên: Đảng bộ xã có 1.247 đảng viên."].join("\n");
    const { body } = chunk(text);
    expect(body.filter((p) => p.context.startsWith("I.")).map((p) => [p.context, p.text.split(":")[0]])).toEqual([
      ["I. KẾT QUẢ. 1. Công tác chính trị, tư tưởng", "Tỷ lệ đảng viên tham gia học tập đạt 96,8%."],
      ["I. KẾT QUẢ. 2. Công tác tổ chức, cán bộ và đảng viên", "a) Về tổ chức đảng"],
      ["I. KẾT QUẢ. 2. Công tác tổ chức, cán bộ và đảng viên", "b) Về đảng viên"],
    ]);
    // Followed by bullets or by further numbered items, a numbered line is an item, as before.
    const items = chunk(["BÁO CÁO", "", "Đảng ủy xã báo cáo như sau:", "", "I. HẠN CHẾ", "", "1. Hạn chế về sinh hoạt", "", "- Sinh hoạt chi bộ chưa đều.", "", "2. Hạn chế về kết nạp", "", "3. Hạn chế về đảng phí"].join("\n")).body;
    expect(items.filter((p) => p.context.startsWith("I.")).map((p) => p.context)).toEqual(["I. HẠN CHẾ", "I. HẠN CHẾ", "I. HẠN CHẾ"]);
  });

  it("reads an appendix after the signing block — its own header, title and '(Kèm theo …)' note — as the part its lists stand under", () => {
    const pad = (left: string, right: string) => `${left.padEnd(52)}${right}`;
    const text = [
      pad("ĐẢNG BỘ TỈNH LAM ĐIỀN", "ĐẢNG CỘNG SẢN VIỆT NAM"),
      "HUYỆN ỦY NGỌC TRÀ SƠN",
      pad("Số 214-QĐ/HU", "Ngọc Trà Sơn, ngày 06 tháng 01 năm 2026"),
      "",
      "QUYẾT ĐỊNH",
      "thành lập Ban Chỉ đạo thực hiện Đề án 07-ĐA/HU",
      "",
      "Điều 1. Thành lập Ban Chỉ đạo thực hiện Đề án 07-ĐA/HU gồm 13 đồng chí và Tổ giúp việc gồm 6 đồng chí (có danh sách kèm theo).",
      "",
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
      "",
      pad("Nơi nhận:", "T/M BAN THƯỜNG VỤ"),
      pad("- Ban Tổ chức Tỉnh ủy,", "BÍ THƯ"),
      pad("- Lưu Văn phòng Huyện ủy.", "(Đã ký)"),
      pad("", "Hà Quang Vịnh"),
      "",
      "--------------------------------------------------------------------------",
      "",
      pad("ĐẢNG BỘ TỈNH LAM ĐIỀN", "ĐẢNG CỘNG SẢN VIỆT NAM"),
      "HUYỆN ỦY NGỌC TRÀ SƠN",
      "",
      "DANH SÁCH",
      "THÀNH VIÊN BAN CHỈ ĐẠO THỰC HIỆN ĐỀ ÁN 07-ĐA/HU VÀ TỔ GIÚP VIỆC",
      "(Kèm theo Quyết định số 214-QĐ/HU, ngày 06/01/2026 của Ban Thường vụ Huyện ủy Ngọc Trà Sơn)",
      "",
      "I. BAN CHỈ ĐẠO",
      "",
      "1. Đồng chí Lê Thị Ngọc Hân – Phó Bí thư Thường trực Huyện ủy – Trưởng ban",
      "2. Đồng chí Đoàn Văn Sỹ – Chủ tịch Liên đoàn Lao động huyện – Thành viên",
      "",
      "II. TỔ GIÚP VIỆC",
      "",
      "1. Đồng chí Phùng Thế Anh – Phó Trưởng Ban Tổ chức Huyện ủy – Tổ trưởng tổ giúp việc",
    ].join("\n");
    const { blocks } = readStructure({ format: "txt", pages: [text], encoding: "utf-8" }, "qd-214.txt");
    const passages = chunkDocument(blocks, { docId: "qd", title: "Quyết định 214" });
    // (The list after the signing block is read: the block ends at the rule under it.)
    const member = passages.find((p) => p.text.includes("Đoàn Văn Sỹ"));
    expect(member?.context).toBe("DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO THỰC HIỆN ĐỀ ÁN 07-ĐA/HU VÀ TỔ GIÚP VIỆC. I. BAN CHỈ ĐẠO");
    expect(passages.find((p) => p.text.includes("Phùng Thế Anh"))?.context).toContain("DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO");
  });

  it("reads a numbered line in capitals as a section heading even with its own sub-items right under it", () => {
    const text = ["CÔNG VĂN", "", "5. QUY TRÌNH VÀ THỜI HẠN THỰC HIỆN", "", "Bước 2. Đảng ủy cơ sở thẩm định hồ sơ", "", "Hồ sơ gửi Ban Tổ chức Tỉnh ủy theo ba đợt trong năm.", "", "7. QUẢN LÝ, SỬ DỤNG THẺ ĐẢNG VIÊN", "7.1. Đảng viên có trách nhiệm giữ gìn, bảo quản thẻ.", "7.2. Đảng viên mang theo thẻ khi dự đại hội đảng."].join("\n");
    const { body } = chunk(text);
    expect(body.find((p) => p.text.includes("7.1."))?.context).toBe("7. QUẢN LÝ, SỬ DỤNG THẺ ĐẢNG VIÊN");
  });

  it("reads a lettered label set in italics on its own line ('*a) Về kinh tế*') as the heading of what follows", () => {
    const text = ["NGHỊ QUYẾT", "", "**2. Các chỉ tiêu chủ yếu**", "", "*a) Về kinh tế*", "", "(1) Tốc độ tăng trưởng giá trị sản xuất bình quân hằng năm đạt từ 8,5% trở lên.", "", "*b) Về văn hóa - xã hội*", "", "(2) Tỷ lệ hộ nghèo giảm bình quân 1,5% mỗi năm."].join("\n");
    const { body } = chunk(text, "md");
    expect(body.find((p) => p.text.includes("8,5%"))?.context).toContain("a) Về kinh tế");
    expect(body.some((p) => p.text.trim() === "a) Về kinh tế")).toBe(false);
  });

  it("reads a short numbered line with a paragraph right under it as that paragraph's heading, unless an item of its list is above it", () => {
    const text = ["BIÊN BẢN KIỂM PHIẾU", "", "2. Số phiếu", "", "Tổng số phiếu phát ra 43 phiếu, thu về 43 phiếu.", "", "3. Kết quả", "Căn cứ Quy chế bầu cử trong Đảng, người trúng cử phải có số phiếu bầu đạt quá một nửa so với tổng số đảng viên chính thức."].join("\n");
    const { body } = chunk(text);
    expect(body.find((p) => p.text.startsWith("Căn cứ"))?.context).toContain("3. Kết quả");
    expect(body.some((p) => p.text.trim() === "3. Kết quả")).toBe(false);
    const list = ["DANH SÁCH", "", "1. Đồng chí Phạm Văn Đông", "2. Đồng chí Lò Thị Mai", "Các đồng chí trên trúng cử Chi ủy Chi bộ thôn Khe Gianh nhiệm kỳ 2030 - 2035 với số phiếu quá một nửa."].join("\n");
    expect(chunk(list).body.some((p) => p.text.includes("Lò Thị Mai"))).toBe(true);
  });

  it("reads the last numbered item of a list, followed by a Roman-numbered heading, as an item, not as a heading", () => {
    const text = ["QUYẾT ĐỊNH", "", "I. BAN CHỈ ĐẠO", "", "1. Đồng chí Lê Thị Ngọc Hân – Phó Bí thư Thường trực Huyện ủy – Trưởng ban", "2. Đồng chí Kiều Anh Tuấn – Bí thư Huyện đoàn – Thành viên", "3. Đồng chí Khổng Văn Lực – Chủ tịch Hội Doanh nghiệp huyện – Thành viên", "", "II. TỔ GIÚP VIỆC", "", "Tổ giúp việc gồm 6 đồng chí."].join("\n");
    const { body } = chunk(text);
    expect(body.some((p) => p.text.includes("Khổng Văn Lực") && p.context === "I. BAN CHỈ ĐẠO")).toBe(true);
  });

  it("reads a numbered line as a heading without a blank line under it, when lettered items follow at once or its paragraph is indented (text copied from a PDF)", () => {
    const text = [
      "II. NỘI DUNG",
      "1. Xem xét, kết luận kiểm tra khi có dấu hiệu vi phạm",
      "    Đồng chí Phùng Văn Sáu, Phó Chủ nhiệm Ủy ban Kiểm tra, trình bày báo cáo kết quả kiểm tra theo",
      "Quyết định số 112-QĐ/UBKTHU.",
      "2. Rà soát, nắm chắc số lượng đảng viên đi làm ăn xa",
      "a) Các chi bộ lập sổ theo dõi đảng viên đi làm ăn xa theo mẫu thống nhất do Ban",
      "Tổ chức Huyện ủy ban hành.",
      "b) Đảng ủy các xã tổng hợp danh sách, báo cáo Ban Tổ chức Huyện ủy trước ngày 15/9/2025.",
    ];
    const { blocks } = readStructure({ format: "txt", pages: [text.join("\n")], encoding: "utf-8" }, "bb.txt");
    const passages = chunkDocument(blocks, { docId: "bb", title: "Biên bản" }).filter((p) => p.paragraph > 0);
    expect(passages.map((p) => [p.context, p.text.slice(0, 20)])).toEqual([
      ["II. NỘI DUNG. 1. Xem xét, kết luận kiểm tra khi có dấu hiệu vi phạm", "Đồng chí Phùng Văn S"],
      ["II. NỘI DUNG. 2. Rà soát, nắm chắc số lượng đảng viên đi làm ăn xa", "a) Các chi bộ lập sổ"],
      ["II. NỘI DUNG. 2. Rà soát, nắm chắc số lượng đảng viên đi làm ăn xa", "b) Đảng ủy các xã tổ"],
    ]);
  });

  it("leaves a text with one paragraph a line (the Charter as published) unjoined", () => {
    const lines = ["*Chương I*", "**ĐẢNG VIÊN**", "**Điều 1. **", "1. Đảng viên là chiến sĩ cách mạng.", "2. Công dân Việt Nam từ mười tám tuổi trở lên"];
    expect(unwrapLines(lines)).toEqual(lines);
  });

  it("reads \"Phần thứ hai\" as a part titled by the heading under it, whose numbered sections stay sections", () => {
    const text = ["BÁO CÁO CHÍNH TRỊ", "", "Phần thứ nhất", "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2022 - 2025", "I. ĐẶC ĐIỂM TÌNH HÌNH", "Đầu nhiệm kỳ, Chi bộ có 27 đảng viên.", "Phần thứ hai", "PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025 - 2027", "I. CÁC CHỈ TIÊU CHỦ YẾU", "1. Trong nhiệm kỳ kết nạp ít nhất 04 đảng viên mới.", "2. Tỷ lệ hộ nghèo giảm xuống dưới 1%."].join("\n");
    const { body } = chunk(text);
    expect(body.find((p) => p.text.startsWith("Đầu nhiệm kỳ"))?.context).toBe("Phần thứ nhất. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2022 - 2025. I. ĐẶC ĐIỂM TÌNH HÌNH");
    expect(body.find((p) => p.text.includes("04 đảng viên"))?.context).toBe("Phần thứ hai. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025 - 2027. I. CÁC CHỈ TIÊU CHỦ YẾU");
  });

  it("heads every piece of a long lead-and-items passage with its lead", () => {
    const duty = "- Theo dõi, chỉ đạo công tác xây dựng Đảng, công tác kiểm tra, giám sát, dân vận, thi đua, khen thưởng và công tác đối ngoại của Huyện ủy trong nhiệm kỳ.";
    const text = ["I. PHÂN CÔNG NHIỆM VỤ", "", "1. Đồng chí Trương Quốc Thịnh - Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh, Chủ tịch Hội đồng nhân dân tỉnh.", ...Array.from({ length: 16 }, () => duty)].join("\n");
    const pieces = chunk(text).body;
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]?.text.startsWith("1. Đồng chí Trương Quốc Thịnh")).toBe(true);
    for (const piece of pieces.slice(1)) expect(piece.context).toContain("Đồng chí Trương Quốc Thịnh");
  });
});
