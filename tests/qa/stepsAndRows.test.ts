/**
 * Documents of kinds a plan or a submission takes: a Đề án whose steps are headings dated in parentheses, a
 * Tờ trình whose table lists cadres with their years of birth and offices now and proposed, and a village
 * cell's report whose village is named "Mây" (the folded "mấy" of a question).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaEngine } from "../../src/qa/engine.js";
import { understandQuestion } from "../../src/qa/query.js";
import { answersKind, dropsNegatingPrefix, labelAnswers } from "../../src/qa/slots.js";
import { engineOver } from "../support/corpusEngine.js";

const PLAN = [
  "ĐẢNG BỘ HUYỆN LÂM HÀ THƯỢNG",
  "ĐẢNG ỦY XÃ ĐỒNG SƠN",
  "Số 03-ĐA/ĐU                                  Đồng Sơn, ngày 10 tháng 12 năm 2024",
  "",
  "ĐỀ ÁN",
  "sắp xếp các chi bộ thôn sau hợp nhất xã",
  "",
  "Phần thứ nhất. THỰC TRẠNG",
  "",
  "Căn cứ Quyết định số 1290-QĐ/HU ngày 28/10/2024 của Ban Thường vụ Huyện ủy Lâm Hà Thượng về việc hợp nhất Đảng bộ xã Đồng Sơn.",
  "",
  "Đảng bộ xã Đồng Sơn có 25 chi bộ trực thuộc. Trong đó có 14 chi bộ thôn với 402 đảng viên và 11 chi bộ cơ quan, trường học, công an, quân sự với 168 đảng viên.",
  "",
  "Phần thứ ba. CÁC BƯỚC THỰC HIỆN",
  "",
  "Bước 1. Rà soát, xây dựng phương án (hoàn thành trước ngày 25/12/2024)",
  "",
  "Văn phòng Đảng ủy rà soát số lượng đảng viên của từng chi bộ, đề xuất phương án hợp nhất.",
  "",
  "Bước 2. Ban hành quyết định (hoàn thành trước ngày 08/01/2025)",
  "",
  "Ban Thường vụ Đảng ủy xã ban hành các quyết định hợp nhất chi bộ, thành lập chi bộ thôn mới và chỉ định chi ủy lâm thời.",
  "",
  "Bước 3. Ổn định tổ chức",
  "",
  "Các chi bộ thôn mới sinh hoạt thường kỳ đầu tiên vào ngày 05/02/2025; Đảng ủy xã sơ kết Đề án và báo cáo Ban Thường vụ Huyện ủy trước ngày 28/02/2025.",
  "",
  "Đảng ủy xã đề nghị Hội đồng nhân dân xã tổ chức kỳ họp bầu Chủ tịch Ủy ban nhân dân xã, hoàn thành trước ngày 20/02/2025.",
].join("\n");

const SUBMISSION = [
  "| TỈNH ỦY NAM ĐOÀI<br>BAN TỔ CHỨC<br>* | ĐẢNG CỘNG SẢN VIỆT NAM |",
  "|---|---|",
  "| Số 41-TTr/BTCTU | Nam Đoài, ngày 15 tháng 01 năm 2026 |",
  "",
  "**TỜ TRÌNH**",
  "",
  "**Về việc luân chuyển cán bộ năm 2026**",
  "",
  "Ban Tổ chức Tỉnh ủy đề xuất luân chuyển các đồng chí sau:",
  "",
  "| TT | Họ và tên | Năm sinh | Chức vụ hiện nay | Chức vụ đề xuất |",
  "|---|---|---|---|---|",
  "| 1 | Lò Văn Khiêm | 1981 | Phó Giám đốc Sở Tài chính | Bí thư Đảng ủy xã Mường Sại |",
  "| 2 | Hà Thị Nguyệt | 1986 | Phó Bí thư Tỉnh đoàn | Phó Bí thư Đảng ủy xã Chiềng Sơn |",
  "",
  "Ban Tổ chức Tỉnh ủy kính trình Ban Thường vụ Tỉnh ủy xem xét, quyết định./.",
  "",
  "| **Nơi nhận:**<br>- Thường trực Tỉnh ủy,<br>- Lưu Văn phòng Ban. | **TRƯỞNG BAN**<br><br>*(Đã ký)*<br><br>**Quàng Văn Thuận** |",
  "|---|---|",
].join("\n");

const REPORT = [
  "ĐẢNG BỘ XÃ ĐỒNG SƠN",
  "CHI BỘ THÔN KHE MÂY",
  "Số 12-BC/CB                                  Đồng Sơn, ngày 15 tháng 12 năm 2025",
  "",
  "BÁO CÁO",
  "kiểm điểm tập thể Chi bộ thôn Khe Mây năm 2025",
  "",
  "Năm 2025, Chi bộ thôn Khe Mây có 38 đảng viên; tỷ lệ đảng viên dự sinh hoạt bình quân đạt 93,1%.",
  "",
  "Trong năm, Chi bộ tổ chức 12 kỳ sinh hoạt chi bộ thường kỳ, có 2 đảng viên được tặng Huy hiệu 40 năm tuổi Đảng.",
  "",
  "Chi bộ tự đánh giá, xếp loại ở mức \"Hoàn thành tốt nhiệm vụ\".",
  "",
  "T/M CHI BỘ",
  "BÍ THƯ",
  "Hoàng Văn Lự",
].join("\n");

let engine: QaEngine;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ engine, cleanup } = await engineOver("steps", { "de-an-03.txt": PLAN, "to-trinh-41.md": SUBMISSION, "bao-cao-12.txt": REPORT }));
});

afterAll(async () => {
  await cleanup();
});

describe("a step heading dated in parentheses", () => {
  it("dates the step's work by its heading (\"Bước 2. … (hoàn thành trước ngày …)\" is a heading, not a passage)", async () => {
    const r = await engine.ask("Ban Thường vụ Đảng ủy xã Đồng Sơn phải ban hành quyết định thành lập các chi bộ thôn mới trước ngày nào?");
    expect(r.answer).toMatch(/^Bước 2\. Ban hành quyết định \(hoàn thành trước ngày 08\/01\/2025\): Ban Thường vụ/u);
  });

  it("does not give a deadline set for an act as the day the act was done", async () => {
    const r = await engine.ask("Hội đồng nhân dân xã Đồng Sơn đã bầu Chủ tịch Ủy ban nhân dân xã vào ngày nào?");
    expect(r.abstained).toBe(true);
    // (The deadline itself is answered.)
    const deadline = await engine.ask("Kỳ họp bầu Chủ tịch Ủy ban nhân dân xã Đồng Sơn phải hoàn thành trước ngày nào?");
    expect(deadline.answer).toContain("20/02/2025");
  });
});

describe("what a count is of", () => {
  it("counts no kind of cell by a number of several kinds listed together, nor by a number of another kind", async () => {
    const r = await engine.ask("Đảng bộ xã Đồng Sơn có bao nhiêu chi bộ trường học?");
    expect(r.abstained).toBe(true);
    const thon = await engine.ask("Đảng bộ xã Đồng Sơn có bao nhiêu chi bộ thôn?");
    expect(thon.answer).toContain("14 chi bộ thôn");
  });

  it("reads \"Tổng số đảng viên … là bao nhiêu\" as counting members: a document's number or a date is no answer", async () => {
    expect(understandQuestion("Tổng số đảng viên của Đảng bộ huyện Lâm Hà Thượng là bao nhiêu?").countedNoun?.map((k) => k.fold).join(" ")).toBe("dang vien");
    // ("Số lượng" is a quantity, not a salary, "lương".)
    expect(understandQuestion("Số lượng chi bộ của Đảng bộ xã Đồng Sơn là bao nhiêu?").countedNoun?.map((k) => k.fold)).not.toEqual(["luong"]);
    const r = await engine.ask("Tổng số đảng viên của toàn Đảng bộ huyện Lâm Hà Thượng sau hợp nhất là bao nhiêu?");
    expect(r.abstained).toBe(true);
  });

  it("reads \"Số X … tăng bao nhiêu so với …\" as counting X, not the \"so\" of the comparison", () => {
    const counted = (q: string): string | undefined => understandQuestion(q).countedNoun?.map((k) => k.fold).join(" ");
    expect(counted("Số đảng viên mới kết nạp của huyện tăng bao nhiêu so với cùng kỳ năm trước?")).toBe("dang vien");
    expect(counted("so chi bo dat trong sach vung manh giam bao nhieu so voi nam 2025")).toBe("chi bo");
  });

  it("reads a question typed without marks: 'det may' is textiles, not 'mấy', and 'dv' is counted as 'đảng viên' too", () => {
    const plan = understandQuestion("sinh hoat cb cty det may binh nguyen thang 3 co bao nhieu dv co mat");
    expect(plan.countedNoun?.map((k) => k.fold).join(" ")).toBe("dv");
    expect(plan.countedAlternatives.map((a) => a.map((k) => k.fold).join(" "))).toContain("dang vien");
    // ("mấy" still asks when no "bao nhieu" does.)
    expect(understandQuestion("chi bo co may dang vien").countedNoun?.map((k) => k.fold).join(" ")).toBe("dang vien");
  });

  it("ends the noun counted at 'tham dự / tham gia': 'bao nhiêu ủy viên tham dự' counts members", () => {
    expect(understandQuestion("Hội nghị Ban Chấp hành lần thứ tám có bao nhiêu ủy viên tham dự?").countedNoun?.map((k) => k.fold).join(" ")).toBe("uy vien");
    expect(understandQuestion("Hội nghị có bao nhiêu bài tham luận?").countedNoun?.map((k) => k.fold).join(" ")).toBe("tham luan");
  });

  it("reads 'may' typed without marks in a question that writes its question word with them as the word it is", () => {
    expect(understandQuestion("Buổi sinh hoạt chi bộ tháng 3/2026 của Công ty Dệt may Bình Nguyên do đồng chí nào chủ trì?").kind).toBe("who");
    expect(understandQuestion("Công ty Dệt may có mấy chi bộ?").kind).toBe("count");
  });
});

describe("a submission's table of cadres", () => {
  it("reads a year of birth as no year the fact is of, and the office proposed under its own label", async () => {
    const r = await engine.ask("In Nam Đoài's 2026 cadre rotation submission, what post is proposed for Lò Văn Khiêm?");
    expect(r.answer).toContain("Bí thư Đảng ủy xã Mường Sại");
    const now = await engine.ask("Đồng chí Hà Thị Nguyệt được đề xuất luân chuyển về giữ chức vụ gì?");
    expect(now.answer).toContain("Chức vụ đề xuất: Phó Bí thư Đảng ủy xã Chiềng Sơn");
  });

  it("answers who signed it from the head's signing block", async () => {
    const r = await engine.ask("Ai ký Tờ trình luân chuyển cán bộ năm 2026 của Ban Tổ chức Tỉnh ủy Nam Đoài?");
    expect(r.answer).toContain("Quàng Văn Thuận");
  });
});

describe("an office given under its label", () => {
  it("answers the question asking the office, and only the office the label names (\"đề xuất\", \"hiện nay\") for a question that says so", () => {
    const asked = understandQuestion("Đồng chí Bế Thị Hạnh giữ chức vụ gì?");
    expect(labelAnswers(asked, "- Chức vụ: Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Tuyên giáo Huyện ủy.")).toBe(true);
    expect(labelAnswers(understandQuestion("What position does Bế Thị Hạnh hold?"), "- Chức vụ: Trưởng Ban Tuyên giáo Huyện ủy.")).toBe(true);
    expect(labelAnswers(understandQuestion("Đồng chí Bế Thị Hạnh theo dõi xã nào?"), "- Chức vụ: Trưởng Ban Tuyên giáo Huyện ủy.")).toBe(false);
    const proposed = understandQuestion("Đồng chí Hà Thị Nguyệt được đề xuất giữ chức vụ gì?");
    expect(labelAnswers(proposed, "Chức vụ đề xuất: Phó Bí thư Đảng ủy xã Chiềng Sơn")).toBe(true);
    expect(labelAnswers(proposed, "Chức vụ hiện nay: Phó Bí thư Tỉnh đoàn")).toBe(false);
  });
});

describe("a village named like a question word", () => {
  it("reads \"Khe Mây\" with its marks as a name, not as \"mấy\"", async () => {
    expect(understandQuestion("Báo cáo kiểm điểm của Chi bộ thôn Khe Mây do ai ký?").kind).toBe("who");
    expect(understandQuestion("Chi bộ thôn Khe Mây có mấy đảng viên?").kind).toBe("count");
    // (Typed without marks, "may" may be the question word.)
    expect(understandQuestion("chi bo thon Khe May co may dang vien").kind).toBe("count");
    const r = await engine.ask("Báo cáo kiểm điểm tập thể năm 2025 của Chi bộ thôn Khe Mây do ai ký?");
    expect(r.answer).toContain("Hoàng Văn Lự");
  });
});

describe("the noun an English count asks for", () => {
  it("is the noun phrase's head, with the word before it as its qualifier (Vietnamese order), up to a verb or function word", () => {
    const counted = (q: string): string | undefined => understandQuestion(q).countedNoun?.map((k) => k.fold).join(" ");
    expect(counted("By the end of 2013, how many commune-level police party cells had Dak Lak set up?")).toBe("chi bo cong an");
    expect(counted("How many official delegates attend the district party congress?")).toBe("dai bieu chinh thuc");
    expect(counted("How many party cells directly under grassroots party committees did the district have?")).toBe("chi bo");
    expect(counted("How many certificates of merit were awarded?")).toBe("bang khen");
    // ("of" inside a glossary phrase joins it: "titles of honour" are "danh hiệu", not "titles".)
    expect(counted("How many titles of honour were awarded to the district?")).toBe("danh hieu");
    // (A gloss in parentheses does not split the glossary phrase around it: "full" is no "đầy đủ" there.)
    const glossed = understandQuestion("How many full (official) party members does the commune party organisation have?");
    expect(glossed.countedNoun?.map((k) => k.fold).join(" ")).toBe("dang vien chinh thuc");
    expect(glossed.terms.map((t) => t.fold)).not.toContain("day");
  });

  it("is any of the glossary's renderings of it (\"meetings\" are \"sinh hoạt\" as well as \"họp\")", async () => {
    const plan = understandQuestion("How many party cell meetings did the Khe Mây village party cell hold in 2025?");
    expect(plan.countedAlternatives.map((k) => k.map((t) => t.fold).join(" "))).toContain("sinh hoat chi bo");
    const r = await engine.ask("How many party cell meetings did the Khe Mây village party cell hold in 2025?");
    expect(r.answer).toContain("12 kỳ sinh hoạt chi bộ");
  });
});

describe("a word with a negating prefix", () => {
  it("is not said by the word alone (\"hội nghị bất thường\" is no \"hội nghị thường lệ\")", () => {
    expect(dropsNegatingPrefix("Tài liệu hội nghị bất thường phải gửi trước bao nhiêu ngày?", "Tài liệu hội nghị thường lệ được gửi trước ít nhất 05 ngày làm việc.")).toBe(true);
    expect(dropsNegatingPrefix("Tài liệu hội nghị bất thường phải gửi trước bao nhiêu ngày?", "Tài liệu hội nghị bất thường được gửi trước ít nhất 01 ngày.")).toBe(false);
    expect(dropsNegatingPrefix("Hội nghị thường lệ họp mấy tháng một lần?", "Hội nghị thường lệ họp 3 tháng một lần.")).toBe(false);
  });

  it("reads \"phi\" in a question typed without diacritics as what it most often is there, \"phí\" (a fee)", () => {
    const unit = "Tổng số đảng phí thu được 9 tháng đầu năm là 287.200.000 đồng.";
    expect(dropsNegatingPrefix("tong dang phi thu duoc 9 thang dau nam 2026 la bao nhieu", unit)).toBe(false);
    // (With diacritics, "phi" is the prefix: "tổ chức phi chính phủ" is no "chính phủ".)
    expect(dropsNegatingPrefix("Có bao nhiêu tổ chức phi chính phủ?", "Các cơ quan chính phủ gồm 18 bộ.")).toBe(true);
  });
});

describe("a question asking who holds an office", () => {
  it("is answered by a person's name, not by an office (\"… hiện nay là đồng chí nào?\")", () => {
    const asked = understandQuestion("Trưởng Ban Tổ chức Thành ủy Bạch Sơn hiện nay là đồng chí nào?");
    expect(answersKind(asked, "…đối với đảng bộ cơ sở thì do đồng chí Trưởng ban Xây dựng Đảng của đảng ủy cấp trên cơ sở ký.")).toBe(false);
    expect(answersKind(asked, "Đồng chí Nguyễn Văn Hải, Trưởng Ban Tổ chức Thành ủy, dự và phát biểu.")).toBe(true);
    // (Who does something may be answered by an office.)
    expect(answersKind(understandQuestion("Ai chủ trì hội nghị tổng kết?"), "Đồng chí Bí thư Thành ủy chủ trì hội nghị tổng kết.")).toBe(true);
  });
});

describe("an English question naming Vietnamese people and places", () => {
  it("is English however many names with diacritics it holds, and \"which commune(s)\" asks a commune by name", () => {
    const plan = understandQuestion("Which commune does Vương Đình Lộc follow?");
    expect(plan.language).toBe("en");
    expect(plan.askedNoun?.map((k) => k.fold)).toEqual(["xa"]);
    expect(understandQuestion("Which two former communes were merged to form Hòa Vân commune?").askedNoun?.map((k) => k.fold)).toEqual(["xa"]);
    // ("Which commune party committee …" asks a body, not a commune.)
    expect(understandQuestion("Which commune party committee admitted the most members?").askedNoun).toBeNull();
    expect(understandQuestion("Đồng chí Nguyễn Văn An giữ chức gì?").language).toBe("vi");
  });
});
