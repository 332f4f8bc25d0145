/**
 * The body an official document is issued by names what every passage of it speaks of, as a title block
 * does for a document without a header: a question naming that body is answered by a passage that does not
 * repeat its name, also in a document without a number (whose citation title does not name its issuer).
 * The body above it in the header is another one, unless the issuer's name ends with its level ("Đảng ủy các
 * cơ quan Đảng tỉnh" under "Tỉnh ủy Quảng Hòa") or the question names the issuer in that place ("Chi bộ Trạm
 * Y tế phường Hòa Khánh").
 */
import { describe, expect, it } from "vitest";
import { understandQuestion } from "../../src/qa/query.js";
import { countsAllNotPresent } from "../../src/qa/slots.js";
import { engineForBlock } from "../support/corpusEngine.js";

const MINUTES = [
  "ĐẢNG BỘ PHƯỜNG TRƯỜNG XUÂN\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "CHI BỘ CÔNG TY CỔ PHẦN DỆT MAY BÌNH NGUYÊN",
  "*",
  "\t\tTrường Xuân, ngày 05 tháng 3 năm 2026",
  "",
  "BIÊN BẢN",
  "Họp chi bộ thường kỳ tháng 3 năm 2026",
  "",
  "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
  "",
  "- Thời gian: bắt đầu lúc 14 giờ 00 phút, ngày 05/3/2026.",
  "- Địa điểm: Phòng họp tầng 2, Nhà điều hành của công ty.",
  "- Tổng số đảng viên của chi bộ: 23 đồng chí, gồm 19 đảng viên chính thức và 04 đảng viên dự bị.",
  "- Số đảng viên có mặt: 21 đồng chí; vắng mặt có lý do: 02 đồng chí.",
  "- Chủ trì: đồng chí Lê Minh Khôi, Bí thư Chi bộ.",
  "- Thư ký: đồng chí Trần Thị Hồng Nhung, Chi ủy viên.",
  "",
  "II. NỘI DUNG",
  "",
  "Chi bộ thảo luận kế hoạch sản xuất quý II và công tác phát triển đảng viên năm 2026.",
  "",
  "Thu đảng phí tháng 02/2026 được 2.815.000 đồng, đã nộp lên Đảng ủy phường ngày 27/02/2026.",
  "",
  "T/M CHI BỘ",
  "BÍ THƯ",
  "Lê Minh Khôi",
].join("\n");

const DECISION = [
  "ĐẢNG BỘ TỈNH QUẢNG HÒA\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH",
  "*",
  "Số 27-QĐ/ĐU\t\tQuảng Hòa, ngày 18 tháng 9 năm 2025",
  "",
  "QUYẾT ĐỊNH",
  "Về việc ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ",
  "",
  "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ban Chấp hành Đảng bộ khóa I, nhiệm kỳ 2025 - 2030.",
  "",
  "Điều 2. Đảng bộ hiện có 46 tổ chức cơ sở đảng trực thuộc và 2.947 đảng viên; các tổ chức cơ sở đảng trực thuộc chịu trách nhiệm thi hành Quyết định này.",
  "",
  "T/M ĐẢNG ỦY",
  "BÍ THƯ",
  "Hoàng Đức Thịnh",
].join("\n");

const STATION_MINUTES = [
  "ĐẢNG BỘ PHƯỜNG HÒA KHÁNH\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "CHI BỘ TRẠM Y TẾ",
  "*",
  "\t\tHòa Khánh, ngày 12 tháng 12 năm 2025",
  "",
  "BIÊN BẢN",
  "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2025",
  "",
  "I. THÀNH PHẦN",
  "",
  "- Tổng số đảng viên của chi bộ: 11 đồng chí (10 đảng viên chính thức, 01 đảng viên dự bị).",
  "- Chủ trì: đồng chí Phạm Văn Lộc, Bí thư Chi bộ.",
  "",
  "T/M CHI BỘ",
  "BÍ THƯ",
  "Phạm Văn Lộc",
].join("\n");

describe("the issuing body as a qualifier of its document's passages", () => {
  const engine = engineForBlock("issuer", { "bien-ban.txt": MINUTES, "quyet-dinh.txt": DECISION, "bien-ban-tram-y-te.txt": STATION_MINUTES });

  it("answers a question naming the issuing body from a passage that does not", async () => {
    const r = await engine().ask("Chi bộ Bình Nguyên có tổng số bao nhiêu đảng viên chính thức và dự bị?");
    expect(r.abstained, r.reason ?? "").toBe(false);
    expect(r.answer).toContain("23 đồng chí");
  });

  it("counts the issuer's full name, which no passage repeats, as the context of each passage", async () => {
    for (const q of ["Tổng số đảng viên của chi bộ Công ty Dệt may Bình Nguyên là bao nhiêu?", "How many party members does the party cell of the Bình Nguyên textile company have in total?"]) {
      const r = await engine().ask(q);
      expect(r.abstained, `${q}: ${r.reason ?? ""}`).toBe(false);
      expect(r.answer, q).toContain("23 đồng chí");
    }
  });

  it("answers those present, not the whole membership, when attendance is asked", async () => {
    for (const q of ["Buổi họp chi bộ Công ty Dệt may Bình Nguyên có bao nhiêu đảng viên có mặt?", "How many party members attended the meeting of the Bình Nguyên textile company party cell?"]) {
      const r = await engine().ask(q);
      expect(r.answer ?? "", q).not.toContain("23 đồng chí");
      if (!r.abstained) expect(r.answer, q).toContain("21 đồng chí");
    }
  });

  it("does not take how many were due to attend for how many came", () => {
    const asked = understandQuestion("Có bao nhiêu đảng viên có mặt trong buổi họp chi bộ tháng 1?");
    expect(countsAllNotPresent(asked, "- Số đảng viên được miễn công tác và sinh hoạt đảng: 03 đồng chí; số đảng viên phải có mặt: 28 đồng chí.")).toBe(true);
    expect(countsAllNotPresent(asked, "- Có mặt: 25 đồng chí (23 đảng viên chính thức, 02 đảng viên dự bị), đạt 89,3% số đảng viên phải có mặt.")).toBe(false);
  });

  it("refuses a figure of another month than the one asked", async () => {
    const r = await engine().ask("Chi bộ Công ty Dệt may Bình Nguyên thu đảng phí tháng 3/2026 được bao nhiêu tiền?");
    expect(r.abstained, r.answer ?? "").toBe(true);
    expect(r.reason).toContain("tháng 2");
  });

  it("reads the secretary taking the minutes as the thư ký, not the Bí thư who chaired", async () => {
    const r = await engine().ask("Who was the secretary taking the minutes at the meeting of the Bình Nguyên company party cell?");
    expect(r.answer ?? "").not.toContain("Lê Minh Khôi");
    if (!r.abstained) expect(r.answer).toContain("Trần Thị Hồng Nhung");
  });

  it("takes the place of a body named by its level from the body above it", async () => {
    const r = await engine().ask("Đảng bộ các cơ quan Đảng tỉnh Quảng Hòa có bao nhiêu tổ chức cơ sở đảng trực thuộc?");
    expect(r.abstained, r.reason ?? "").toBe(false);
    expect(r.answer).toContain("46 tổ chức cơ sở đảng");
  });

  it("places an issuer named without its place by the body above, for a question naming the issuer there", async () => {
    const r = await engine().ask("Chi bộ Trạm Y tế phường Hòa Khánh có tổng số bao nhiêu đảng viên?");
    expect(r.abstained, r.reason ?? "").toBe(false);
    expect(r.answer).toContain("11 đồng chí");
    // The place itself, or the body above, is not the chi bộ within it.
    for (const q of ["Đảng bộ phường Hòa Khánh có tổng số bao nhiêu đảng viên?", "Toàn phường Hòa Khánh có bao nhiêu đảng viên, tính cả Chi bộ Trạm Y tế?"]) {
      expect((await engine().ask(q)).answer ?? "", q).not.toContain("11 đồng chí");
    }
  });

  it("does not take the body above a named issuer for the issuer", async () => {
    const r = await engine().ask("Đảng bộ phường Trường Xuân có tổng số bao nhiêu đảng viên chính thức và dự bị?");
    expect(r.abstained, r.answer ?? "").toBe(true);
  });
});
