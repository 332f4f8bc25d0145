/**
 * Header fields asked the way cadres ask them, on a disciplinary decision saved from Word (a tabbed header)
 * and a congress resolution published as markdown: the document described by what its text says, the
 * folded "ky" that is not "ký", "ra quyết định" as issuing, numbers that are not a document's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaEngine } from "../../src/qa/engine.js";
import { asksOfAnotherSubject, asksSigning, fieldQuestion } from "../../src/corpus/header.js";
import { understandQuestion } from "../../src/qa/query.js";
import { engineOver } from "../support/corpusEngine.js";
import { BR_TABLE_HEADER, TABBED_DECISION as DECISION } from "../support/officialTexts.js";

const RESOLUTION = [
  ...BR_TABLE_HEADER,
  "**VỀ PHÁT TRIỂN NÔNG NGHIỆP NHIỆM KỲ 2025 - 2030**",
  "",
  "Đại hội đã bầu Ban Chấp hành Đảng bộ xã khóa I gồm 27 đồng chí.",
  "",
  "**I. KẾT QUẢ NHIỆM KỲ 2020 - 2025**",
  "",
  "Kinh tế tăng trưởng bình quân 7,2%/năm; thu nhập bình quân đầu người năm 2025 ước đạt 71,5 triệu đồng.",
  "",
  "**II. MỤC TIÊU ĐẾN NĂM 2030**",
  "",
  "Đến năm 2030, diện tích cây trồng ứng dụng công nghệ cao đạt 1.200 ha.",
  "",
  "Các chi bộ trực thuộc xây dựng kế hoạch thực hiện Nghị quyết trong thời hạn 30 ngày kể từ ngày học tập, quán triệt Nghị quyết.",
  "",
  "| **Nơi nhận:**<br>- Ban Thường vụ Tỉnh ủy,<br>- Lưu Văn phòng Đảng ủy. | **T/M ĐOÀN CHỦ TỊCH**<br>(đã ký)<br>**Nguyễn Đình Khải** |",
].join("\n");

const NOTICE = [
  "THỊ ỦY HÒA PHONG", "BAN THƯỜNG VỤ", "Số 214-TB/TU", "Hòa Phong, ngày 21 tháng 10 năm 2024", "", "THÔNG BÁO", "Kết luận của Ban Thường vụ Thị ủy tại hội nghị thường kỳ tháng 10", "",
  "Ngày 17/10/2024, Ban Thường vụ Thị ủy Hòa Phong họp hội nghị thường kỳ tháng 10 năm 2024 do đồng chí Bí thư Thị ủy chủ trì.", "",
  "1. Trong 9 tháng đầu năm, thu ngân sách nhà nước trên địa bàn đạt 71,4% dự toán; tỷ lệ dân số tham gia bảo hiểm y tế đạt 91,3%; tỷ lệ hộ nghèo giảm còn 2,17%.", "",
  "2. Văn phòng Thị ủy tổng hợp kết quả, báo cáo tại hội nghị Ban Thường vụ Thị ủy thường kỳ tháng 12/2024.", "",
  "3. Ban Tổ chức Thị ủy xây dựng kế hoạch phân công cấp ủy viên giúp đỡ các chi bộ nhiều năm không kết nạp được đảng viên, trình Ban Thường vụ trước ngày 15/11/2024.", "",
  "4. Chi bộ Trường Tiểu học và Mầm non Hưng Thạch, Chi bộ thôn Phú Hòa hoàn tất thủ tục chuyển sinh hoạt đảng cho các đồng chí có tên trong danh sách trước ngày 20/11/2024.", "",
  "T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Võ Thành Nhân",
].join("\n");

const REORGANISATION = [
  "ĐẢNG BỘ TỈNH NAM LĨNH\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "BAN THƯỜNG VỤ TỈNH ỦY",
  "*",
  "Số 1386-QĐ/TU\t\tLĩnh Thành, ngày 14 tháng 3 năm 2025",
  "",
  "QUYẾT ĐỊNH",
  "Về việc chuẩn y kiện toàn Ban Chấp hành Đảng bộ huyện Vĩnh Khê",
  "",
  "Điều 1. Chỉ định đồng chí Lường Thị Hảo, Trưởng Ban Tuyên giáo và Dân vận Huyện ủy (được thành lập trên cơ sở hợp nhất Ban Tuyên giáo và Ban Dân vận Huyện ủy theo Quyết định số 1297-QĐ/TU, ngày 24/01/2025 của Ban Thường vụ Tỉnh ủy), tham gia Ban Chấp hành Đảng bộ huyện Vĩnh Khê.",
  "",
  "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
  "",
  "Nơi nhận:\t\t\tT/M BAN THƯỜNG VỤ",
  "- Như Điều 2;\t\t\tPHÓ BÍ THƯ THƯỜNG TRỰC",
  "- Lưu Văn phòng Tỉnh ủy.\t\t\t(đã ký)",
  "\t\t\tLò Văn Thạc",
].join("\n");

const YEAR_AHEAD = [
  "ĐẢNG BỘ HUYỆN LẠC KHÊ\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "ĐẢNG ỦY XÃ ĐỒNG SA THƯỢNG",
  "*",
  "Số 15-NQ/ĐU\t\tĐồng Sa Thượng, ngày 22 tháng 12 năm 2026",
  "",
  "NGHỊ QUYẾT",
  "Về lãnh đạo thực hiện nhiệm vụ chính trị năm 2027",
  "",
  "Năm 2027, xã phấn đấu thu nhập bình quân đầu người đạt 68 triệu đồng.",
  "",
  "T/M BAN THƯỜNG VỤ",
  "BÍ THƯ",
  "Đinh Văn Hùng",
].join("\n");

const APPROVAL = [
  "ĐẢNG BỘ TỈNH HẢI NGUYÊN\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "HUYỆN ỦY MINH LẠC",
  "*",
  "Số 128-QĐ/HU\t\tMinh Lạc, ngày 05 tháng 8 năm 2025",
  "",
  "QUYẾT ĐỊNH",
  "Về việc chuẩn y kết quả bầu cử Ban Chấp hành, Ban Thường vụ, Bí thư, Phó Bí thư, Ủy ban Kiểm tra và Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã Hà Phong khóa XV, nhiệm kỳ 2025 - 2030",
  "",
  "Điều 1. Chuẩn y Ban Thường vụ Đảng ủy xã Hà Phong gồm 05 đồng chí:",
  "1. Đồng chí Trần Văn Bảo, Bí thư Đảng ủy xã.",
  "2. Đồng chí Lê Thị Thanh Nhàn, Phó Bí thư Thường trực Đảng ủy xã.",
  "",
  "T/M BAN THƯỜNG VỤ",
  "BÍ THƯ",
  "Hoàng Minh Tâm",
].join("\n");

const WORKING_RULES = [
  "ĐẢNG BỘ HUYỆN LẠC KHÊ\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "ĐẢNG ỦY XÃ KHE MỘC",
  "*",
  "Số 02-QC/ĐU\t\tKhe Mộc, ngày 22 tháng 10 năm 2025",
  "",
  "QUY CHẾ",
  "Làm việc của Ban Chấp hành Đảng bộ xã Khe Mộc nhiệm kỳ 2025 - 2030",
  "",
  "Điều 1. Ban Chấp hành Đảng bộ xã họp thường kỳ mỗi tháng một lần.",
  "",
  "Điều 2. Quy chế này thay thế Quy chế làm việc của Ban Chấp hành Đảng bộ xã Khe Mộc nhiệm kỳ 2020 - 2025.",
  "",
  "T/M ĐẢNG ỦY",
  "BÍ THƯ",
  "Hà Văn Lâm",
].join("\n");

const FOUNDING = [
  "ĐẢNG BỘ TỈNH TRÀ GIANG\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "ĐẢNG ỦY XÃ TÂN PHÚ ĐÔNG",
  "*",
  "Số 61-QĐ/ĐU\t\tTân Phú Đông, ngày 09 tháng 4 năm 2026",
  "",
  "QUYẾT ĐỊNH",
  "Về việc thành lập Chi bộ Công ty Cổ phần Thủy sản Hòa Lợi",
  "",
  "Điều 1. Thành lập Chi bộ Công ty Cổ phần Thủy sản Hòa Lợi gồm 07 đảng viên, trong đó 04 đồng chí chuyển sinh hoạt từ Chi bộ Hợp tác xã Dịch vụ Tân Hưng.",
  "",
  "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
  "",
  "T/M ĐẢNG ỦY",
  "PHÓ BÍ THƯ",
  "Võ Thị Kim Yến",
].join("\n");

let engine: QaEngine;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ engine, cleanup } = await engineOver("header-fields", { "qd-ky-luat.txt": DECISION, "nq-nong-nghiep.md": RESOLUTION, "tb-ket-luan.txt": NOTICE, "qd-kien-toan.txt": REORGANISATION, "nq-nam-2027.txt": YEAR_AHEAD, "qd-chuan-y.txt": APPROVAL, "qc-lam-viec.txt": WORKING_RULES, "qd-thanh-lap.txt": FOUNDING }));
});

afterAll(async () => {
  await cleanup();
});

describe("header fields asked of a document its text describes", () => {
  it("tells \"ký\" (sign) from \"kỳ\" and \"kỷ\", with and without diacritics", () => {
    expect(asksSigning("Ai ký quyết định kỷ luật đồng chí Khôi?")).toBe(true);
    expect(asksSigning("Nghị quyết nhiệm kỳ 2025 - 2030 mang số hiệu gì?")).toBe(false);
    expect(asksSigning("Cơ quan nào ra quyết định thi hành kỷ luật?")).toBe(false);
    expect(asksSigning("ai ky quyet dinh ky luat dong chi Khoi")).toBe(true);
    expect(asksSigning("nghi quyet nhiem ky 2025 - 2030 so hieu gi")).toBe(false);
    expect(fieldQuestion("Kỳ họp ngày nào?")).toBe("kyx hop ngay nao?");
    // (In English: "signed".)
    expect(asksSigning("Who signed the decision admitting Vi Thị Thu Trang?")).toBe(true);
    expect(asksSigning("Who chaired the meeting?")).toBe(false);
  });

  it("answers who signed a decision the question names by the person it disciplines", async () => {
    expect((await engine.ask("Ai là người ký quyết định thi hành kỷ luật đồng chí Trần Đình Khôi?")).answer).toContain("Phan Thị Minh Nguyệt");
    // A person the documents never name does not describe any of them.
    expect((await engine.ask("Ai là người ký quyết định thi hành kỷ luật đồng chí Lê Văn Tám?")).abstained).toBe(true);
  });

  it("answers for a decision only of the thing its subject acts on, not of another its text mentions", async () => {
    expect((await engine.ask("Ai ký Quyết định thành lập Chi bộ Công ty Thủy sản Hòa Lợi?")).answer).toContain("Võ Thị Kim Yến");
    // The chi bộ the members came from has no founding decision here.
    const other = await engine.ask("Quyết định thành lập Chi bộ Hợp tác xã Dịch vụ Tân Hưng có số hiệu là gì?");
    expect(other.abstained).toBe(true);
    expect(other.answer ?? "").not.toContain("61-QĐ/ĐU");
    const header = "Quyết định số 61-QĐ/ĐU ngày 09/04/2026: về việc thành lập Chi bộ Công ty Cổ phần Thủy sản Hòa Lợi\nSố hiệu: 61-QĐ/ĐU";
    expect(asksOfAnotherSubject("Quyết định thành lập Chi bộ Hợp tác xã Dịch vụ Tân Hưng có số hiệu là gì?", header)).toBe(true);
    expect(asksOfAnotherSubject("Ai ký quyết định thành lập Chi bộ Công ty CP Thủy sản Hòa Lợi?", header)).toBe(false);
    // A subject naming no one after its act, a subject's owner said otherwise, a question without capitals.
    expect(asksOfAnotherSubject("Ai ký quyết định thi hành kỷ luật đồng chí Trần Đình Khôi?", "Quyết định số 12-QĐ/UBKTHU: về việc thi hành kỷ luật đảng viên")).toBe(false);
    expect(asksOfAnotherSubject("Ai ký Kế hoạch kiểm tra, giám sát năm 2026 của Huyện ủy Thạch Lâm?", "Kế hoạch số 125-KH/HU: Kiểm tra, giám sát năm 2026 của Ban Chấp hành, Ban Thường vụ Huyện ủy")).toBe(false);
    expect(asksOfAnotherSubject("quyết định thành lập chi bộ hợp tác xã dịch vụ tân hưng số mấy", header)).toBe(false);
  });

  it("reads \"Cơ quan nào ra quyết định …\" as asking the issuing body", async () => {
    expect((await engine.ask("Cơ quan nào ra quyết định thi hành kỷ luật đối với đồng chí Trần Đình Khôi?")).answer).toContain("Ủy ban Kiểm tra Huyện ủy Sơn Quy");
  });

  it("does not answer a term of office (\"nhiệm kỳ\") with the signer", async () => {
    const r = await engine.ask("Nghị quyết về phát triển nông nghiệp nhiệm kỳ 2025 - 2030 mang số hiệu gì?");
    expect(r.answer).toContain("01-NQ/ĐU");
    expect(r.answer).not.toContain("Nguyễn Đình Khải");
  });

  it("refuses who was elected to an office the documents name nobody to", async () => {
    expect((await engine.ask("Ai được Đại hội bầu làm Bí thư Đảng ủy xã Phú Lộc Sơn nhiệm kỳ 2025 - 2030?")).abstained).toBe(true);
  });

  it("does not take a phone number asked \"số mấy\" for the document's number", async () => {
    const r = await engine.ask("so dien thoai lien he van phong huyen uy ghi trong quyet dinh la so may");
    expect(r.answer ?? "").not.toMatch(/^Số hiệu/u);
  });
});

describe("a header's fields, and what its text cites", () => {
  it("answers the number of a document the text cites from the text, not with the header's own number", async () => {
    const r = await engine.ask("Ban Tuyên giáo với Ban Dân vận Huyện ủy Vĩnh Khê hợp nhất theo quyết định số mấy?");
    expect(r.answer).toContain("1297-QĐ/TU");
    expect(r.answer ?? "").not.toMatch(/^Số hiệu/u);
  });

  it("answers the issuing date of a document about next year, though the date is of this year", async () => {
    expect((await engine.ask("Nghị quyết lãnh đạo nhiệm vụ chính trị năm 2027 của xã Đồng Sa Thượng được ban hành ngày nào?")).answer).toContain("22/12/2026");
  });

  it("refuses the number or a fact of a document the question names by a year its subject does not state (another year's plan)", async () => {
    expect((await engine.ask("Nghị quyết lãnh đạo nhiệm vụ chính trị năm 2026 của xã Đồng Sa Thượng có số hiệu là gì?")).abstained).toBe(true);
    expect((await engine.ask("Theo Nghị quyết về nhiệm vụ chính trị năm 2026 của xã Đồng Sa Thượng, thu nhập bình quân đầu người phấn đấu đạt bao nhiêu?")).abstained).toBe(true);
    expect((await engine.ask("Nghị quyết về nhiệm vụ chính trị năm 2027 của xã Đồng Sa Thượng có số hiệu là gì?")).answer).toContain("15-NQ/ĐU");
    // (A year the question gives as the issue year is the date line's.)
    expect((await engine.ask("Nghị quyết Đảng ủy xã Đồng Sa Thượng ban hành năm 2026 có số hiệu là gì?")).answer).toContain("15-NQ/ĐU");
    // A term of office asked is the subject's, not one that merely shares a year with it (nor the one the text
    // says the document replaces).
    expect((await engine.ask("Quy chế làm việc của Ban Chấp hành Đảng bộ xã Khe Mộc nhiệm kỳ 2020 - 2025 được ban hành ngày nào?")).abstained).toBe(true);
    expect((await engine.ask("Quy chế làm việc của Ban Chấp hành Đảng bộ xã Khe Mộc nhiệm kỳ 2025 - 2030 được ban hành ngày nào?")).answer).toContain("22/10/2025");
  });

  it("answers who signed with the signer's line, whatever their family name (\"Lò\")", async () => {
    expect((await engine.ask("Ai ký quyết định chuẩn y kiện toàn Ban Chấp hành Đảng bộ huyện Vĩnh Khê?")).answer).toContain("Lò Văn Thạc");
  });

  it("takes the numbers of a subject too long for the title (\"nhiệm kỳ 2025 - 2030\") as the document's", async () => {
    expect((await engine.ask("Ai là Phó Bí thư Thường trực Đảng ủy xã Hà Phong nhiệm kỳ 2025 - 2030?")).answer).toContain("Lê Thị Thanh Nhàn");
    expect((await engine.ask("Ai là Phó Bí thư Thường trực Đảng ủy xã Hà Phong nhiệm kỳ 2020 - 2025?")).abstained).toBe(true);
  });

  it("answers two fields asked together with both lines", async () => {
    const r = await engine.ask("Quyết định chuẩn y kiện toàn Ban Chấp hành Đảng bộ huyện Vĩnh Khê số mấy, ban hành ngày nào?");
    expect(r.answer).toContain("1386-QĐ/TU");
    expect(r.answer).toContain("14/03/2025");
  });
});

describe("what a phone-typed or English question on a congress resolution means", () => {
  it("keeps an abbreviation typed in capitals (\"HU\") as one instead of reading it as a bare syllable", async () => {
    expect((await engine.ask("những ai phải thi hành QĐ kỷ luật này, có ban tổ chức HU ko")).answer).toContain("Ban Tổ chức Huyện ủy");
  });

  it("reads \"xd\" as \"xây dựng\"", async () => {
    expect((await engine.ask("các chi bộ trực thuộc phải xd kế hoạch thực hiện NQ trong bao lâu")).answer).toContain("30 ngày");
  });

  it("counts a committee's members as comrades", async () => {
    expect((await engine.ask("Ban Chấp hành Đảng bộ xã Phú Lộc Sơn khóa I có bao nhiêu ủy viên?")).answer).toContain("27 đồng chí");
  });

  it("refuses a fact the answer dates to another year than the one asked, though its section names both", async () => {
    expect((await engine.ask("Năm 2025 thu nhập bình quân đầu người của xã Phú Lộc Sơn đạt bao nhiêu triệu đồng?")).answer).toContain("71,5 triệu đồng");
    expect((await engine.ask("Năm 2020 thu nhập bình quân đầu người của xã Phú Lộc Sơn đạt bao nhiêu triệu đồng?")).abstained).toBe(true);
  });

  it("reaches a congress's economic targets in English", async () => {
    expect((await engine.ask("How many hectares of high-tech crops does Phu Loc Son aim for by 2030?")).answer).toContain("1.200 ha");
  });

  it("finds what an English question is about as its two words in any order (\"penalty\": hình thức kỷ luật)", async () => {
    const r = await engine.ask("What penalty did the Son Quy inspection commission impose on Tran Dinh Khoi?");
    expect(r.answer).toMatch(/CẢNH CÁO/u);
  });
});

describe("which of several facts a notice states is the one asked", () => {
  it("refuses a percentage of an indicator the sentence does not list", async () => {
    expect((await engine.ask("Tỷ lệ dân số tham gia bảo hiểm y tế của thị xã Hòa Phong 9 tháng đầu năm đạt bao nhiêu?")).answer).toContain("91,3%");
    expect((await engine.ask("Tỷ lệ dân số tham gia bảo hiểm xã hội của thị xã Hòa Phong 9 tháng đầu năm đạt bao nhiêu?")).abstained).toBe(true);
    expect((await engine.ask("Tỷ lệ hộ cận nghèo của thị xã Hòa Phong 9 tháng đầu năm là bao nhiêu?")).abstained).toBe(true);
  });

  it("does not answer the date of one month's meeting with another month's", async () => {
    const r = await engine.ask("Ban Thường vụ Thị ủy Hòa Phong họp hội nghị thường kỳ tháng 10 vào ngày nào?");
    expect(r.answer ?? "").not.toContain("tháng 12/2024");
  });

  it("reads a negation that describes the subject of a date question as description, not as asking what is not done", async () => {
    expect((await engine.ask("Kế hoạch giúp đỡ các chi bộ nhiều năm không kết nạp được đảng viên phải trình Ban Thường vụ trước ngày nào?")).answer).toContain("15/11/2024");
  });

  it("finds no person in names of places across a comma, and asks a body of \"ký thay mặt cơ quan nào\"", async () => {
    expect((await engine.ask("Đồng chí chuyển từ Chi bộ thôn Phú Hòa tên là gì?")).abstained).toBe(true);
    expect((await engine.ask("Đồng chí Võ Thành Nhân ký thông báo 214 thay mặt cơ quan nào?")).answer).toMatch(/BAN THƯỜNG VỤ/u);
  });

  it("reads the office a question asks the holder of without the place that ends it", () => {
    expect(understandQuestion("Chủ nhiệm Ủy ban Kiểm tra Thị ủy Hòa Phong là đồng chí nào?").roleAsked?.map((k) => k.fold).join(" ")).toBe("chu nhiem uy ban kiem tra thi uy");
  });
});

